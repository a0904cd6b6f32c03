import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  DEFAULT_AGENDA,
  WORKSHOP_LIMITS,
  canonicalStringify,
  elapsedMs,
  extendTimer,
  findSection,
  icpAbilities,
  listItemTextSchema,
  noteSections,
  pauseTimer,
  presentWorkshop,
  workshopViewer,
  resumeTimer,
  startTimer,
  tallyVotes,
  voteProblem,
  votesUsed,
  type AgendaStepPlan,
  type Provenance,
  type SectionKey,
  type StartWorkshopBody,
  type WorkshopAction,
  type WorkshopDto,
  type WorkshopListDto,
  type WorkshopState,
  type WorkshopStep,
} from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { CollabEvents, LiveDrafts } from '../collaboration/collabEvents.js';
import type { AuditStore } from '../db/auditStore.js';
import { canonicalOfState } from '../db/docSnapshot.js';
import type { CommentStore } from '../db/commentStore.js';
import type { IcpRow } from '../db/icpStore.js';
import type { InboxStore } from '../db/inboxStore.js';
import type { Database } from '../db/schema.js';
import type { WorkshopStore } from '../db/workshopStore.js';
import type { Membership, WorkspaceStore } from '../db/workspaceStore.js';
import { conflict, forbiddenBecause, invalidInput, notAllowed, notFound } from '../errors.js';
import type { WorkshopAccess } from '../policies/accessLoader.js';
import { can } from '../policies/policies.js';
import { promoteNotes, type Promotion } from '../workshops/promoteNotes.js';
import { buildSummary } from '../workshops/workshopSummary.js';
import type { VersionCommands } from './versionCommands.js';

/**
 * Workshop sessions: start, join, facilitate (timer, steps, lock, reveal, merge, voting, promote,
 * hand over), notes and votes, and the wrap-up. Each change runs in one transaction holding the
 * session's row lock, so concurrent clicks apply one after the other whatever instance receives
 * them; then every open client hears the session as their own person may see it. The timer is
 * stored as timestamps, so it needs no ticking and survives restarts.
 */
export class WorkshopCommands {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly store: WorkshopStore,
    private readonly workspaces: WorkspaceStore,
    private readonly comments: CommentStore,
    private readonly inbox: InboxStore,
    private readonly versions: VersionCommands,
    private readonly drafts: LiveDrafts,
    private readonly events: CollabEvents,
    private readonly audit: AuditStore,
    private readonly clock: Clock,
  ) {}

  /** The running session (as the member sees it) and the ended ones. */
  async list(icp: IcpRow, membership: Membership): Promise<WorkshopListDto> {
    const [running, ended] = await Promise.all([this.store.running(icp.id), this.store.ended(icp.id)]);
    const state = running ? await this.store.state(running.id) : undefined;
    return {
      current: state ? this.present(state, icp, membership) : null,
      past: ended.map((w) => ({
        id: w.id,
        startedAt: w.started_at,
        endedAt: w.ended_at ?? w.started_at,
        facilitator: { id: w.facilitator_id ?? '', name: w.facilitator_name ?? 'Former member' },
        versionName: w.version_name ?? null,
        participants: Number(w.participants ?? 0),
        promoted: Number(w.promoted ?? 0),
      })),
    };
  }

  async get(target: WorkshopAccess): Promise<WorkshopDto> {
    const state = await this.store.state(target.workshop.id);
    if (!state) throw notFound('Workshop');
    return this.present(state, target.icp, target.membership);
  }

  /** Starts a session on the ICP with the member as facilitator; the first step's timer runs. */
  async start(icp: IcpRow, membership: Membership, body: StartWorkshopBody): Promise<WorkshopDto> {
    const plan: readonly AgendaStepPlan[] = body.agenda ?? DEFAULT_AGENDA;
    const steps: WorkshopStep[] = plan.map((p) => ({
      id: randomUUID(),
      title: p.title,
      sections: [...p.sections],
      minutes: p.minutes,
      kind: p.kind,
      prompt: p.prompt,
      phase: 'writing',
      spentMs: 0,
      voteBudget: WORKSHOP_LIMITS.defaultVoteBudget,
      anonymousVotes: false,
    }));
    const startCanonical = canonicalStringify(canonicalOfState(await this.drafts.draftState(icp.id)));
    const now = this.clock.now();
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      if (await this.store.running(icp.id, trx)) throw alreadyRunning();
      await this.store
        .create(
          {
            id,
            icp_id: icp.id,
            status: 'running',
            started_by: membership.userId,
            facilitator_id: membership.userId,
            started_at: now.toISOString(),
            ended_at: null,
            steps: JSON.stringify(steps),
            current_step: 0,
            timer: JSON.stringify(startTimer(steps[0]!.minutes * 60_000, now.getTime())),
            locked: 0,
            start_canonical: startCanonical,
            summary: null,
            version_id: null,
          },
          trx,
        )
        .catch((error: unknown) => {
          // Two editors starting at once: the partial unique index lets one session run per ICP.
          throw isUniqueViolation(error) ? alreadyRunning() : error;
        });
      await this.joinIn(id, membership, now.toISOString(), trx);
      await this.audit.append(
        {
          workspaceId: icp.workspace_id!,
          icpId: icp.id,
          kind: 'workshop.started',
          actorId: membership.userId,
          data: { workshopId: id, steps: steps.length },
        },
        trx,
      );
    });
    return this.publish(id, icp, membership);
  }

  /** One facilitation action (or joining, or taking over). */
  async act(target: WorkshopAccess, action: WorkshopAction): Promise<WorkshopDto> {
    const { membership } = target;
    if (action.type === 'join') {
      return this.change(target, async (state, trx, nowIso) => {
        if (state.participants.some((p) => p.id === membership.userId)) return false;
        await this.joinIn(target.workshop.id, membership, nowIso, trx);
      });
    }
    if (action.type === 'handOver') return this.handOver(target, action.userId);
    if (action.type === 'promote') return this.promote(target, action.noteIds);
    if (action.type === 'end') return this.end(target, action.versionName);
    return this.change(target, async (state, trx, _nowIso, now) => {
      this.requireFacilitator(state, target);
      const row: Parameters<WorkshopStore['update']>[1] = {};
      const steps = state.steps.map((s) => ({ ...s }));
      const step = steps[state.currentStep]!;
      switch (action.type) {
        case 'pause':
          if (state.timer.status === 'paused') return false;
          row.timer = JSON.stringify(pauseTimer(state.timer, now));
          break;
        case 'resume':
          if (state.timer.status === 'running') return false;
          row.timer = JSON.stringify(resumeTimer(state.timer, now));
          break;
        case 'extend':
          row.timer = JSON.stringify(
            extendTimer(state.timer, action.minutes * 60_000, WORKSHOP_LIMITS.maxStepMs),
          );
          break;
        case 'goToStep': {
          if (action.index >= steps.length) {
            throw invalidInput('index', `must be a step of the agenda (0 to ${steps.length - 1})`);
          }
          if (action.index === state.currentStep) break;
          step.spentMs += elapsedMs(state.timer, now);
          const next = steps[action.index]!;
          const timer = startTimer(Math.max(0, next.minutes * 60_000), now);
          row.steps = JSON.stringify(steps);
          row.current_step = action.index;
          // A paused session stays paused on the new step: the facilitator starts the clock.
          row.timer = JSON.stringify(state.timer.status === 'paused' ? pauseTimer(timer, now) : timer);
          break;
        }
        case 'lock':
          if (state.locked === action.locked) return false;
          row.locked = action.locked ? 1 : 0;
          break;
        case 'reveal':
          requireBrainstorm(step);
          if (step.phase !== 'writing')
            throw conflict('already_revealed', 'The notes of this step are already revealed');
          step.phase = 'revealed';
          row.steps = JSON.stringify(steps);
          break;
        case 'merge': {
          requireBrainstorm(step);
          if (step.phase !== 'revealed') {
            throw conflict('wrong_phase', 'Merge duplicates after revealing the notes and before voting');
          }
          const from = liveNoteOfStep(state, step, action.noteId, 'noteId');
          const into = liveNoteOfStep(state, step, action.intoId, 'intoId');
          if (from.id === into.id) throw invalidInput('intoId', 'must be another note');
          if (from.promotedAt) throw conflict('note_promoted', 'A note already in the ICP cannot be merged');
          await this.store.mergeNote(state.id, from.id, into.id, trx);
          break;
        }
        case 'startVoting':
          requireBrainstorm(step);
          if (step.phase !== 'revealed')
            throw conflict('wrong_phase', 'Voting starts once the notes are revealed');
          step.phase = 'voting';
          step.voteBudget = action.budget;
          step.anonymousVotes = action.anonymous;
          row.steps = JSON.stringify(steps);
          break;
        case 'closeVoting':
          requireBrainstorm(step);
          if (step.phase !== 'voting') throw conflict('wrong_phase', 'No voting round is open on this step');
          step.phase = 'closed';
          row.steps = JSON.stringify(steps);
          break;
      }
      if (Object.keys(row).length > 0) await this.store.update(state.id, row, trx);
      else if (action.type !== 'merge') return false;
    });
  }

  /** Writes a note for a section of the current brainstorm step (hidden until revealed). */
  async addNote(target: WorkshopAccess, section: SectionKey, text: string): Promise<WorkshopDto> {
    const { membership } = target;
    this.requireProposer(target);
    return this.change(target, async (state, trx, nowIso) => {
      const step = state.steps[state.currentStep]!;
      if (step.kind !== 'brainstorm') {
        throw conflict('not_brainstorm', 'Notes are written in brainstorm steps; this step is a discussion');
      }
      if (step.phase !== 'writing')
        throw conflict('wrong_phase', 'The notes of this step are revealed; writing is over');
      if (!noteSections(step).includes(section)) {
        const names = noteSections(step).map((k) => findSection(k)?.title ?? k);
        throw invalidInput('section', `must be a section of this step (${names.join(', ')})`);
      }
      requireFits(section, text);
      const mine = await this.store.countNotes(state.id, trx, {
        stepId: step.id,
        authorId: membership.userId,
      });
      if (mine >= WORKSHOP_LIMITS.maxNotesPerPersonPerStep) {
        throw conflict(
          'too_many_notes',
          `At most ${WORKSHOP_LIMITS.maxNotesPerPersonPerStep} notes per person in a step`,
        );
      }
      if ((await this.store.countNotes(state.id, trx)) >= WORKSHOP_LIMITS.maxNotesPerSession) {
        throw conflict(
          'too_many_notes',
          `A workshop holds at most ${WORKSHOP_LIMITS.maxNotesPerSession} notes`,
        );
      }
      await this.joinIn(state.id, membership, nowIso, trx);
      await this.store.addNote(
        {
          id: randomUUID(),
          workshop_id: state.id,
          step_id: step.id,
          section,
          text,
          author_id: membership.userId,
          author_function: membership.function,
          created_at: nowIso,
          merged_into: null,
          promoted_at: null,
          promoted_by: null,
        },
        trx,
      );
    });
  }

  /** Changes (text) or deletes (null) one's own note while its step is still being written. */
  async changeNote(target: WorkshopAccess, noteId: string, text: string | null): Promise<WorkshopDto> {
    this.requireProposer(target);
    return this.change(target, async (state, trx) => {
      const note = state.notes.find((n) => n.id === noteId);
      if (!note || note.author.id !== target.membership.userId) throw notFound('Note');
      const step = state.steps.find((s) => s.id === note.stepId);
      if (!step || step.phase !== 'writing') {
        throw conflict('wrong_phase', 'Revealed notes can no longer be changed');
      }
      if (text !== null) requireFits(note.section, text);
      if (text === null) await this.store.deleteNote(note.id, trx);
      else await this.store.updateNote(note.id, { text }, trx);
    });
  }

  /** Sets the member's votes on a note of the current step's open round. */
  async vote(target: WorkshopAccess, noteId: string, count: number): Promise<WorkshopDto> {
    const { membership } = target;
    this.requireProposer(target);
    return this.change(target, async (state, trx, nowIso) => {
      const step = state.steps[state.currentStep]!;
      if (step.kind !== 'brainstorm' || step.phase !== 'voting') {
        throw conflict('wrong_phase', 'No voting round is open on this step');
      }
      const note = state.notes.find((n) => n.id === noteId && n.stepId === step.id);
      if (!note) throw notFound('Note');
      if (note.mergedInto !== null)
        throw conflict('note_merged', 'This note was merged into another; vote on that one');
      const others = new Set(
        state.notes
          .filter((n) => n.stepId === step.id && n.mergedInto === null && n.id !== note.id)
          .map((n) => n.id),
      );
      const problem = voteProblem({
        budget: step.voteBudget,
        usedElsewhere: votesUsed(state.votes, membership.userId, others),
        count,
      });
      if (problem) throw conflict('vote_budget', problem);
      await this.joinIn(state.id, membership, nowIso, trx);
      await this.store.setVote(
        { workshopId: state.id, noteId: note.id, voterId: membership.userId, count },
        trx,
      );
    });
  }

  /** The session as every open client's person may see it, pushed; the caller's view answered. */
  private async publish(workshopId: string, icp: IcpRow, membership: Membership): Promise<WorkshopDto> {
    const state = await this.store.state(workshopId);
    if (!state) throw notFound('Workshop');
    try {
      await this.events.publishWorkshop(icp, state);
    } catch (error) {
      console.error('could not push a workshop change to open sockets', error);
    }
    return this.present(state, icp, membership);
  }

  private present(state: WorkshopState, icp: IcpRow, membership: Membership): WorkshopDto {
    const abilities = icpAbilities(membership.role, icp.archived_at !== null);
    return presentWorkshop(state, workshopViewer(membership.userId, abilities), this.clock.now().getTime());
  }

  /**
  /**
   * Runs `apply` in a transaction holding the session's lock, on the session as it is then;
   * refuses ended sessions. `apply` answers `false` when it changed nothing (pausing a paused
   * timer, joining again): then nobody is told anything and the caller gets the session as it is.
   */
  private async change(
    target: WorkshopAccess,
    apply: (
      state: WorkshopState,
      trx: Kysely<Database>,
      nowIso: string,
      now: number,
    ) => Promise<boolean | void>,
  ): Promise<WorkshopDto> {
    const unchanged = await this.db.transaction().execute(async (trx) => {
      if (!(await this.store.lock(target.workshop.id, trx))) throw notFound('Workshop');
      const state = await this.store.state(target.workshop.id, trx);
      if (!state) throw notFound('Workshop');
      if (state.status !== 'running') throw conflict('workshop_ended', 'This workshop has ended');
      const now = this.clock.now();
      return (await apply(state, trx, now.toISOString(), now.getTime())) === false ? state : null;
    });
    if (unchanged) return this.present(unchanged, target.icp, target.membership);
    return this.publish(target.workshop.id, target.icp, target.membership);
  }

  private async joinIn(workshopId: string, membership: Membership, at: string, trx: Kysely<Database>) {
    await this.store.join(
      { workshopId, userId: membership.userId, role: membership.role, function: membership.function, at },
      trx,
    );
  }

  private requireFacilitator(
    state: WorkshopState,
    target: WorkshopAccess,
    options: { evenIfArchived?: boolean } = {},
  ): void {
    if (!can(target.membership, 'edit', options.evenIfArchived ? undefined : target.icp)) {
      throw notAllowed('Only editors and admins facilitate a workshop');
    }
    if (state.facilitator.id !== target.membership.userId) {
      throw forbiddenBecause(
        'not_facilitator',
        `Only the facilitator (${state.facilitator.name}) can do this; editors and admins can take over`,
      );
    }
  }

  private requireProposer(target: WorkshopAccess): void {
    if (!can(target.membership, 'comment', target.icp)) {
      throw notAllowed('Viewers watch the workshop; commenters, editors and admins write notes and vote');
    }
  }

  /** The facilitator hands over to an editor or admin; an editor or admin takes over. */
  private async handOver(target: WorkshopAccess, userId: string): Promise<WorkshopDto> {
    const { icp, membership } = target;
    return this.change(target, async (state, trx, nowIso) => {
      const isFacilitator = state.facilitator.id === membership.userId;
      if (!can(membership, 'edit', icp)) throw notAllowed('Only editors and admins facilitate a workshop');
      if (!isFacilitator && userId !== membership.userId) {
        throw forbiddenBecause(
          'not_facilitator',
          'Only the facilitator hands over; you can take over yourself',
        );
      }
      if (userId === state.facilitator.id) return false;
      const next = await this.workspaces.membership(icp.workspace_id!, userId, trx);
      if (!next || !can(next, 'edit', icp)) {
        throw invalidInput('userId', 'must be an editor or admin of this workspace');
      }
      await this.store.update(state.id, { facilitator_id: userId }, trx);
      await this.joinIn(state.id, next, nowIso, trx);
      const name = (await this.workspaces.members(icp.workspace_id!, trx)).find((m) => m.user.id === userId)
        ?.user.name;
      await this.audit.append(
        {
          workspaceId: icp.workspace_id!,
          icpId: icp.id,
          kind: 'workshop.facilitator_changed',
          actorId: membership.userId,
          data: { workshopId: state.id, from: state.facilitator.id, to: userId, toName: name ?? null },
        },
        trx,
      );
    });
  }

  /**
   * Adds the chosen notes of the current step to the ICP as one change of the draft: list
   * sections get a criterion carrying its provenance, narratives a paragraph. The notes are marked
   * promoted in the same transaction as the draft change, so neither happens without the other.
   */
  private async promote(target: WorkshopAccess, noteIds: readonly string[]): Promise<WorkshopDto> {
    const { icp, membership } = target;
    const state = await this.store.state(target.workshop.id);
    if (!state) throw notFound('Workshop');
    if (state.status !== 'running') throw conflict('workshop_ended', 'This workshop has ended');
    this.requireFacilitator(state, target);
    const step = state.steps[state.currentStep]!;
    requireBrainstorm(step);
    if (step.phase !== 'revealed' && step.phase !== 'closed') {
      throw conflict(
        'wrong_phase',
        'Promote notes once they are revealed (and after voting closes, if you vote)',
      );
    }
    const tallies = new Map(
      tallyVotes(
        state.notes.filter((n) => n.stepId === step.id).map((n) => n.id),
        state.votes,
      ).map((t) => [t.noteId, t.votes]),
    );
    const now = this.clock.now().toISOString();
    const promotions: Promotion[] = [...new Set(noteIds)].map((id, index) => {
      const note = liveNoteOfStep(state, step, id, `noteIds.${index}`);
      if (note.promotedAt) throw conflict('note_promoted', `"${note.text}" is already in the ICP`);
      const provenance: Provenance = {
        source: 'workshop',
        workshopId: state.id,
        noteId: note.id,
        proposedBy: { id: note.author.id, name: note.author.name },
        votes: step.phase === 'closed' ? (tallies.get(note.id) ?? 0) : 0,
        at: now,
      };
      return { section: note.section, text: note.text, provenance };
    });
    await this.drafts.changeDraft(
      icp.id,
      icp.workspace_id!,
      (doc) => promoteNotes(doc, promotions),
      async (_change, trx) => {
        if (!(await this.store.lock(state.id, trx))) throw notFound('Workshop');
        const current = await this.store.state(state.id, trx);
        if (current?.status !== 'running') throw conflict('workshop_ended', 'This workshop has ended');
        // What was checked before the draft changed must still hold now that the session is locked
        // (a hand-over, a step change or a merge may have committed in between).
        this.requireFacilitator(current, target);
        const stepNow = current.steps[current.currentStep]!;
        if (stepNow.id !== step.id || (stepNow.phase !== 'revealed' && stepNow.phase !== 'closed')) {
          throw conflict('wrong_phase', 'The step changed meanwhile; promote again');
        }
        for (const [index, p] of promotions.entries()) {
          liveNoteOfStep(current, stepNow, p.provenance.noteId, `noteIds.${index}`);
          if (current.notes.find((n) => n.id === p.provenance.noteId)?.promotedAt) {
            throw conflict('note_promoted', `"${p.text}" is already in the ICP`);
          }
          await this.store.updateNote(
            p.provenance.noteId,
            { promoted_at: now, promoted_by: membership.userId },
            trx,
          );
        }
        await this.audit.append(
          {
            workspaceId: icp.workspace_id!,
            icpId: icp.id,
            kind: 'workshop.promoted',
            actorId: membership.userId,
            data: {
              workshopId: state.id,
              notes: promotions.map((p) => ({
                text: p.text,
                section: p.section,
                votes: p.provenance.votes,
                proposedBy: p.provenance.proposedBy.name,
              })),
            },
          },
          trx,
        );
      },
    );
    return this.publish(target.workshop.id, icp, membership);
  }

  /**
   * Ends the session: records the draft as a named version, writes the summary, reveals what was
   * left hidden, and puts the summary in the inbox of every member who did not take part.
   */
  private async end(target: WorkshopAccess, versionName: string | undefined): Promise<WorkshopDto> {
    const { icp, membership } = target;
    // Loaded before the transaction (reading a dataset must not wait on it); the draft is read below.
    const coachData = await this.versions.prepareCoachData(
      icp,
      canonicalOfState(await this.drafts.draftState(icp.id)),
    );
    const absentIds = await this.db.transaction().execute(async (trx) => {
      if (!(await this.store.lock(target.workshop.id, trx))) throw notFound('Workshop');
      const state = await this.store.state(target.workshop.id, trx);
      if (!state) throw notFound('Workshop');
      if (state.status !== 'running') throw conflict('workshop_ended', 'This workshop has ended');
      // An archived ICP's workshop can still be ended by its facilitator (nothing else changes).
      this.requireFacilitator(state, target, { evenIfArchived: true });
      // The draft is read once the session is locked: a promotion that committed before is in it,
      // and one that has not cannot commit any more (it re-checks the session under this lock).
      const draft = await this.drafts.draftState(icp.id);
      const endCanonical = canonicalStringify(canonicalOfState(draft));
      const now = this.clock.now();
      const name = versionName ?? `Workshop ${now.toISOString().slice(0, 10)}`;
      const steps = state.steps.map((s, i) =>
        i === state.currentStep ? { ...s, spentMs: s.spentMs + elapsedMs(state.timer, now.getTime()) } : s,
      );
      const version = await this.versions.recordNamed(
        icp.id,
        {
          name,
          note: 'Recorded when the workshop ended',
          actorId: membership.userId,
          state: draft,
          coachData,
        },
        trx,
      );
      const [members, openThreads, start] = await Promise.all([
        this.workspaces.members(icp.workspace_id!, trx),
        this.comments.threads(icp.id, { status: 'open' }, trx),
        this.store.find(state.id, trx),
      ]);
      const summary = buildSummary({
        state: { ...state, steps },
        version: { id: version.id, number: version.number, name: version.name },
        startCanonical: start!.start_canonical,
        endCanonical,
        endedAt: now.getTime(),
        members: members.map((m) => ({ id: m.user.id, name: m.user.name, function: m.membership.function })),
        openThreads,
      });
      await this.store.update(
        state.id,
        {
          status: 'ended',
          ended_at: now.toISOString(),
          steps: JSON.stringify(steps),
          timer: JSON.stringify(pauseTimer(state.timer, now.getTime())),
          summary: JSON.stringify(summary),
          version_id: version.id,
        },
        trx,
      );
      const absent = summary.absent.map((p) => p.id);
      await this.inbox.deliverReview(
        {
          icpId: icp.id,
          versionId: version.id,
          event: 'workshop_ended',
          actorId: membership.userId,
          byFunction: null,
          excerpt: summaryLine(summary),
          recipients: absent.map((userId) => ({ userId, reason: 'absent' as const, yourFunction: null })),
          workshopId: state.id,
        },
        trx,
      );
      await this.audit.append(
        {
          workspaceId: icp.workspace_id!,
          icpId: icp.id,
          kind: 'workshop.ended',
          actorId: membership.userId,
          data: {
            workshopId: state.id,
            versionId: version.id,
            versionName: version.name,
            participants: summary.participants.length,
            absent: absent.length,
          },
        },
        trx,
      );
      return absent;
    });
    await this.versions.versionsRecorded(icp.id);
    try {
      if (absentIds.length > 0) this.events.inboxChanged(await this.inbox.unreadCounts(absentIds));
    } catch (error) {
      console.error('could not tell open sockets of the workshop summary in their inbox', error);
    }
    return this.publish(target.workshop.id, icp, membership);
  }
}

/** One line for the inbox: what the workshop changed and who took part. */
function summaryLine(summary: ReturnType<typeof buildSummary>): string {
  const promoted = summary.promoted.length;
  const people = summary.participants.length;
  return `${promoted} ${promoted === 1 ? 'criterion' : 'criteria'} agreed, ${people} ${people === 1 ? 'person' : 'people'} took part`;
}

/** A note for a list section must fit as its criterion (80 or 160 characters), so it can be promoted. */
function requireFits(section: SectionKey, text: string): void {
  const definition = findSection(section);
  if (definition?.kind !== 'list') return;
  const fits = listItemTextSchema(definition.maxLength).safeParse(text);
  if (!fits.success) {
    throw invalidInput(
      'text',
      `${fits.error.issues[0]?.message ?? 'is too long'} (a criterion of ${definition.title})`,
    );
  }
}

function requireBrainstorm(step: WorkshopStep): void {
  if (step.kind !== 'brainstorm') {
    throw conflict('not_brainstorm', 'This step is a discussion; notes and votes belong to brainstorm steps');
  }
}

/** A note of the step that was not merged away; 400 naming `field` otherwise. */
function liveNoteOfStep(state: WorkshopState, step: WorkshopStep, id: string, field: string) {
  const note = state.notes.find((n) => n.id === id && n.stepId === step.id && n.mergedInto === null);
  if (!note) throw invalidInput(field, 'must be a note of the current step');
  return note;
}

function alreadyRunning() {
  return conflict('workshop_running', 'A workshop is already running on this ICP; join it instead');
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/.test(String(e.message))
  );
}
