import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { DEFAULT_REVIEW_INTERVAL_DAYS, type IcpKind } from '@bullseye/shared';
import type { Database, IcpsTable } from './schema.js';
import type { Clock } from '../clock.js';

export type IcpRow = Selectable<IcpsTable>;

/**
 * ICP records (title, kind, primary mark, timestamps, archive state). The document content lives
 * in the update log.
 */
export class IcpStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(
    workspaceId: string,
    title: string,
    kind: IcpKind = 'icp',
    db: Kysely<Database> = this.db,
  ): Promise<IcpRow> {
    const now = this.clock.now().toISOString();
    const row: IcpRow = {
      id: randomUUID(),
      workspace_id: workspaceId,
      title,
      created_at: now,
      updated_at: now,
      archived_at: null,
      review_interval_days: DEFAULT_REVIEW_INTERVAL_DAYS,
      last_edited_by: null,
      kind,
      primary_at: null,
    };
    await db.insertInto('icps').values(row).execute();
    return row;
  }

  /** The workspace's primary ICP, if one is marked. */
  async primaryOf(workspaceId: string, db: Kysely<Database> = this.db): Promise<IcpRow | undefined> {
    return db
      .selectFrom('icps')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('primary_at', 'is not', null)
      .executeTakeFirst();
  }

  /**
   * Locks a workspace's row for the rest of the transaction (a write that changes nothing), so its
   * primary ICP changes one request at a time.
   */
  async lockWorkspace(workspaceId: string, db: Kysely<Database>): Promise<void> {
    await db
      .updateTable('workspaces')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', workspaceId)
      .execute();
  }

  /**
   * Marks (or unmarks) an ICP as its workspace's primary one, under lockWorkspace; marking first
   * clears the previous mark in the same transaction (the partial unique index allows one).
   * Says which ICP lost its mark, and whether this one could take it (false when it was archived or
   * made negative meanwhile; the transaction should then be rolled back).
   */
  async setPrimary(
    row: IcpRow,
    primary: boolean,
    db: Kysely<Database>,
  ): Promise<{ previous: string | null; refused: boolean }> {
    const previous = await this.primaryOf(row.workspace_id!, db);
    if (primary && previous?.id !== row.id) {
      if (previous) {
        await db.updateTable('icps').set({ primary_at: null }).where('id', '=', previous.id).execute();
      }
      // Only an active, ordinary ICP takes the mark: archiving and a kind change clear it in one
      // statement, so whichever commits second sees the other's row.
      const marked = await db
        .updateTable('icps')
        .set({ primary_at: this.clock.now().toISOString() })
        .where('id', '=', row.id)
        .where('kind', '=', 'icp')
        .where('archived_at', 'is', null)
        .executeTakeFirst();
      return { previous: previous?.id ?? null, refused: Number(marked.numUpdatedRows) === 0 };
    }
    if (!primary && row.primary_at !== null) {
      await db.updateTable('icps').set({ primary_at: null }).where('id', '=', row.id).execute();
    }
    return { previous: null, refused: false };
  }

  /** The workspace's negative ICPs that are not archived (their approved criteria disqualify). */
  async negatives(workspaceId: string): Promise<IcpRow[]> {
    return this.db
      .selectFrom('icps')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', 'negative')
      .where('archived_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async find(id: string, db: Kysely<Database> = this.db): Promise<IcpRow | undefined> {
    return db.selectFrom('icps').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Locks an ICP's row for the rest of the transaction (a write that changes nothing), so its
   * versions, reviews and approvals change one at a time. False if the ICP does not exist.
   */
  async lock(id: string, db: Kysely<Database>): Promise<boolean> {
    const result = await db
      .updateTable('icps')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async list(options: { workspaceId: string; archived: boolean }): Promise<IcpRow[]> {
    return this.db
      .selectFrom('icps')
      .selectAll()
      .where('workspace_id', '=', options.workspaceId)
      .where('archived_at', options.archived ? 'is not' : 'is', null)
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .execute();
  }

  /** Archives (no longer primary either) or restores an ICP. */
  async setArchived(id: string, archived: boolean): Promise<IcpRow | undefined> {
    return this.update(
      id,
      archived ? { archived_at: this.clock.now().toISOString(), primary_at: null } : { archived_at: null },
    );
  }

  /** Records that the document changed, so lists sort by last activity. */
  async touch(ids: Iterable<string>): Promise<void> {
    const list = [...ids];
    if (list.length === 0) return;
    await this.db
      .updateTable('icps')
      .set({ updated_at: this.clock.now().toISOString() })
      .where('id', 'in', list)
      .execute();
  }

  /**
   * Records who last started editing the draft (the collaboration server's first-edit hook, once
   * per connection; a restore too). Leaves `updated_at` alone: the log's touch keeps that.
   */
  async setLastEditor(id: string, userId: string, db: Kysely<Database> = this.db): Promise<void> {
    await db.updateTable('icps').set({ last_edited_by: userId }).where('id', '=', id).execute();
  }

  /** The current names of these users (accounts that are gone are left out). */
  async userNames(userIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Changes the title and/or the review cadence. */
  async update(
    id: string,
    patch: Partial<Pick<IcpRow, 'title' | 'archived_at' | 'review_interval_days' | 'kind' | 'primary_at'>>,
    db: Kysely<Database> = this.db,
  ): Promise<IcpRow | undefined> {
    const result = await db
      .updateTable('icps')
      .set({ ...patch, updated_at: this.clock.now().toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    return this.find(id, db);
  }
}
