import type { Insertable, Kysely, Selectable } from 'kysely';
import {
  FUNCTIONS,
  ROLES,
  type IcpFunction,
  type Role,
  type SectionKey,
  type StepTimer,
  type WorkshopState,
  type WorkshopStep,
  type WorkshopSummaryDto,
} from '@bullseye/shared';
import type { Database, WorkshopNotesTable, WorkshopsTable } from './schema.js';

export type WorkshopRow = Selectable<WorkshopsTable>;
export type WorkshopNoteRow = Selectable<WorkshopNotesTable>;

const FORMER_MEMBER = 'Former member';

/**
 * Workshop sessions and what happens in them: participants, notes, votes and edits counted for
 * coverage. Every write takes the caller's transaction; `state` reads everything a presentation
 * needs in one go.
 */
export class WorkshopStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(row: Insertable<WorkshopsTable>, db: Kysely<Database> = this.db): Promise<void> {
    await db.insertInto('workshops').values(row).execute();
  }

  async find(id: string, db: Kysely<Database> = this.db): Promise<WorkshopRow | undefined> {
    return db.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The ICP's running session, if any. */
  async running(icpId: string, db: Kysely<Database> = this.db): Promise<WorkshopRow | undefined> {
    return db
      .selectFrom('workshops')
      .selectAll()
      .where('icp_id', '=', icpId)
      .where('status', '=', 'running')
      .executeTakeFirst();
  }

  /** Ids of every running session's ICP (a restarted server picks its sessions up from here). */
  async runningIcps(db: Kysely<Database> = this.db): Promise<{ icpId: string; workshopId: string }[]> {
    const rows = await db
      .selectFrom('workshops')
      .select(['icp_id', 'id'])
      .where('status', '=', 'running')
      .execute();
    return rows.map((r) => ({ icpId: r.icp_id, workshopId: r.id }));
  }

  /** Locks the session's row for the transaction; false when it does not exist. */
  async lock(id: string, db: Kysely<Database>): Promise<boolean> {
    const result = await db
      .updateTable('workshops')
      .set((eb) => ({ status: eb.ref('status') }))
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async update(
    id: string,
    patch: Partial<Omit<Selectable<WorkshopsTable>, 'id' | 'icp_id'>>,
    db: Kysely<Database>,
  ): Promise<void> {
    await db.updateTable('workshops').set(patch).where('id', '=', id).execute();
  }

  /** The ended session whose wrap-up recorded this version, with its facilitator's name. */
  async byVersion(versionId: string, db: Kysely<Database> = this.db) {
    return db
      .selectFrom('workshops as w')
      .leftJoin('users as f', 'f.id', 'w.facilitator_id')
      .select(['w.id', 'w.started_at', 'w.facilitator_id', 'f.name as facilitator_name', 'w.summary'])
      .where('w.version_id', '=', versionId)
      .where('w.status', '=', 'ended')
      .executeTakeFirst();
  }

  /** Ended sessions of an ICP, newest first, with their counts. */
  async ended(icpId: string, db: Kysely<Database> = this.db) {
    return db
      .selectFrom('workshops as w')
      .leftJoin('users as f', 'f.id', 'w.facilitator_id')
      .leftJoin('icp_versions as v', 'v.id', 'w.version_id')
      .select((eb) => [
        'w.id',
        'w.started_at',
        'w.ended_at',
        'w.facilitator_id',
        'f.name as facilitator_name',
        'v.name as version_name',
        eb
          .selectFrom('workshop_participants as p')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('p.workshop_id', '=', 'w.id')
          .as('participants'),
        eb
          .selectFrom('workshop_notes as n')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('n.workshop_id', '=', 'w.id')
          .where('n.promoted_at', 'is not', null)
          .as('promoted'),
      ])
      .where('w.icp_id', '=', icpId)
      .where('w.status', '=', 'ended')
      .orderBy('w.started_at', 'desc')
      .limit(100)
      .execute();
  }

  /** Everything about a session, names resolved, ready for presentWorkshop. */
  async state(id: string, db: Kysely<Database> = this.db): Promise<WorkshopState | undefined> {
    const row = await db
      .selectFrom('workshops as w')
      .leftJoin('users as s', 's.id', 'w.started_by')
      .leftJoin('users as f', 'f.id', 'w.facilitator_id')
      .selectAll('w')
      .select(['s.name as started_by_name', 'f.name as facilitator_name'])
      .where('w.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const [participants, notes, votes, edits] = await Promise.all([
      db
        .selectFrom('workshop_participants as p')
        .innerJoin('users as u', 'u.id', 'p.user_id')
        .select(['p.user_id', 'u.name', 'p.role', 'p.function', 'p.joined_at'])
        .where('p.workshop_id', '=', id)
        .orderBy('p.joined_at')
        .execute(),
      db
        .selectFrom('workshop_notes as n')
        .leftJoin('users as a', 'a.id', 'n.author_id')
        .leftJoin('users as pb', 'pb.id', 'n.promoted_by')
        .selectAll('n')
        .select(['a.name as author_name', 'pb.name as promoted_by_name'])
        .where('n.workshop_id', '=', id)
        .orderBy('n.created_at')
        .orderBy('n.id')
        .execute(),
      db
        .selectFrom('workshop_votes')
        .select(['note_id', 'voter_id', 'count'])
        .where('workshop_id', '=', id)
        .execute(),
      db
        .selectFrom('workshop_edits')
        .select(['section', 'function'])
        .select((eb) => eb.fn.sum<number>('count').as('count'))
        .where('workshop_id', '=', id)
        .groupBy(['section', 'function'])
        .execute(),
    ]);
    return {
      id: row.id,
      icpId: row.icp_id,
      status: row.status === 'ended' ? 'ended' : 'running',
      startedAt: row.started_at,
      endedAt: row.ended_at,
      startedBy: { id: row.started_by ?? '', name: row.started_by_name ?? FORMER_MEMBER },
      facilitator: { id: row.facilitator_id ?? '', name: row.facilitator_name ?? FORMER_MEMBER },
      steps: JSON.parse(row.steps) as WorkshopStep[],
      currentStep: row.current_step,
      timer: JSON.parse(row.timer) as StepTimer,
      locked: row.locked === 1,
      participants: participants.map((p) => ({
        id: p.user_id,
        name: p.name,
        function: asFunction(p.function),
        role: asRole(p.role),
        joinedAt: p.joined_at,
      })),
      notes: notes.map((n) => ({
        id: n.id,
        stepId: n.step_id,
        section: n.section as SectionKey,
        text: n.text,
        author: {
          id: n.author_id ?? '',
          name: n.author_name ?? FORMER_MEMBER,
          function: asFunction(n.author_function),
        },
        createdAt: n.created_at,
        mergedInto: n.merged_into,
        promotedAt: n.promoted_at,
        promotedBy: n.promoted_by ? { id: n.promoted_by, name: n.promoted_by_name ?? FORMER_MEMBER } : null,
      })),
      votes: votes.map((v) => ({ noteId: v.note_id, voterId: v.voter_id, count: Number(v.count) })),
      edits: edits.flatMap((e) => {
        const fn = asFunction(e.function);
        return fn ? [{ section: e.section as SectionKey, function: fn, count: Number(e.count) }] : [];
      }),
      summary: row.summary ? (JSON.parse(row.summary) as WorkshopSummaryDto) : null,
    };
  }

  /** Adds a participant (once; a second join keeps the first time). */
  async join(
    p: { workshopId: string; userId: string; role: Role; function: IcpFunction | null; at: string },
    db: Kysely<Database>,
  ): Promise<void> {
    await db
      .insertInto('workshop_participants')
      .values({
        workshop_id: p.workshopId,
        user_id: p.userId,
        role: p.role,
        function: p.function,
        joined_at: p.at,
      })
      .onConflict((oc) => oc.columns(['workshop_id', 'user_id']).doNothing())
      .execute();
  }

  async note(workshopId: string, noteId: string, db: Kysely<Database>): Promise<WorkshopNoteRow | undefined> {
    return db
      .selectFrom('workshop_notes')
      .selectAll()
      .where('workshop_id', '=', workshopId)
      .where('id', '=', noteId)
      .executeTakeFirst();
  }

  async countNotes(workshopId: string, db: Kysely<Database>, by?: { stepId: string; authorId: string }) {
    let query = db
      .selectFrom('workshop_notes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workshop_id', '=', workshopId);
    if (by) query = query.where('step_id', '=', by.stepId).where('author_id', '=', by.authorId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  async addNote(row: Insertable<WorkshopNotesTable>, db: Kysely<Database>): Promise<void> {
    await db.insertInto('workshop_notes').values(row).execute();
  }

  async updateNote(
    noteId: string,
    patch: Partial<Pick<WorkshopNoteRow, 'text' | 'merged_into' | 'promoted_at' | 'promoted_by'>>,
    db: Kysely<Database>,
  ): Promise<void> {
    await db.updateTable('workshop_notes').set(patch).where('id', '=', noteId).execute();
  }

  async deleteNote(noteId: string, db: Kysely<Database>): Promise<void> {
    await db.deleteFrom('workshop_notes').where('id', '=', noteId).execute();
  }

  /** Notes merged into `fromId` follow it into `intoId`; its votes move with it. */
  async mergeNote(workshopId: string, fromId: string, intoId: string, db: Kysely<Database>): Promise<void> {
    await db
      .updateTable('workshop_notes')
      .set({ merged_into: intoId })
      .where('workshop_id', '=', workshopId)
      .where((eb) => eb.or([eb('id', '=', fromId), eb('merged_into', '=', fromId)]))
      .execute();
  }

  /** Sets a person's votes on a note (0 removes them). */
  async setVote(
    v: { workshopId: string; noteId: string; voterId: string; count: number },
    db: Kysely<Database>,
  ): Promise<void> {
    if (v.count === 0) {
      await db
        .deleteFrom('workshop_votes')
        .where('note_id', '=', v.noteId)
        .where('voter_id', '=', v.voterId)
        .execute();
      return;
    }
    await db
      .insertInto('workshop_votes')
      .values({ note_id: v.noteId, workshop_id: v.workshopId, voter_id: v.voterId, count: v.count })
      .onConflict((oc) => oc.columns(['note_id', 'voter_id']).doUpdateSet({ count: v.count }))
      .execute();
  }

  /**
   * Adds counted edits (per person and section) to a running session's totals, in one
   * transaction holding the session's lock; answers false (writing nothing) once it has ended.
   */
  async addEdits(
    workshopId: string,
    edits: readonly { userId: string; section: string; function: IcpFunction; count: number }[],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.lock(workshopId, trx))) return false;
      const row = await trx
        .selectFrom('workshops')
        .select('status')
        .where('id', '=', workshopId)
        .executeTakeFirst();
      if (row?.status !== 'running') return false;
      if (edits.length > 0) await this.insertEdits(workshopId, edits, trx);
      return true;
    });
  }

  private async insertEdits(
    workshopId: string,
    edits: readonly { userId: string; section: string; function: IcpFunction; count: number }[],
    db: Kysely<Database>,
  ): Promise<void> {
    await db
      .insertInto('workshop_edits')
      .values(
        edits.map((e) => ({
          workshop_id: workshopId,
          user_id: e.userId,
          section: e.section,
          function: e.function,
          count: e.count,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['workshop_id', 'user_id', 'section']).doUpdateSet((eb) => ({
          count: eb(eb.ref('workshop_edits.count'), '+', eb.ref('excluded.count')),
        })),
      )
      .execute();
  }
}

function asFunction(value: string | null): IcpFunction | null {
  return FUNCTIONS.find((f) => f === value) ?? null;
}

function asRole(value: string): Role {
  return ROLES.find((r) => r === value) ?? 'viewer';
}
