import type { SectionKey } from '../icp/layout.js';
import { ICP_SECTIONS } from '../icp/layout.js';
import type { WorkspaceAbilities } from '../logic/abilities.js';
import { FUNCTIONS, type IcpFunction, type Role } from '../logic/roles.js';
import type {
  WorkshopCoverageDto,
  WorkshopDto,
  WorkshopNoteDto,
  WorkshopSummaryDto,
} from '../validation/workshop.js';
import type { StepKind, StepPhase } from './agenda.js';
import { viewTimer, type StepTimer } from './timer.js';
import { tallyVotes, votesUsed, type VoteRecord } from './votes.js';

export interface Person {
  id: string;
  name: string;
}
export interface PersonWithFunction extends Person {
  function: IcpFunction | null;
}

/** A step as stored with its session. */
export interface WorkshopStep {
  id: string;
  title: string;
  sections: SectionKey[];
  minutes: number;
  kind: StepKind;
  prompt: string;
  phase: StepPhase;
  spentMs: number;
  voteBudget: number;
  anonymousVotes: boolean;
}

export interface WorkshopNote {
  id: string;
  stepId: string;
  section: SectionKey;
  text: string;
  author: PersonWithFunction;
  createdAt: string;
  mergedInto: string | null;
  promotedAt: string | null;
  promotedBy: Person | null;
}

/** Everything the server holds about a session, before it is shown to anyone. */
export interface WorkshopState {
  id: string;
  icpId: string;
  status: 'running' | 'ended';
  startedAt: string;
  endedAt: string | null;
  startedBy: Person;
  facilitator: Person;
  steps: WorkshopStep[];
  currentStep: number;
  timer: StepTimer;
  locked: boolean;
  participants: (PersonWithFunction & { role: Role; joinedAt: string })[];
  notes: WorkshopNote[];
  votes: VoteRecord[];
  /** Edits made during the session, counted per section and function of the editor. */
  edits: { section: SectionKey; function: IcpFunction; count: number }[];
  summary: WorkshopSummaryDto | null;
}

export interface WorkshopViewer {
  userId: string;
  mayFacilitate: boolean;
  mayPropose: boolean;
}

/**
 * Who may do what in a workshop, from the member's abilities on the ICP: those who edit it
 * facilitate, those who comment write notes and vote, everyone who reads it watches.
 */
export function workshopViewer(
  userId: string,
  abilities: Pick<WorkspaceAbilities, 'edit' | 'comment'>,
): WorkshopViewer {
  return { userId, mayFacilitate: abilities.edit, mayPropose: abilities.comment };
}

/**
 * The reveal rules, in one place:
 * - a note is seen by its author, and by everyone once its step is revealed (or the session ended);
 *   until then others see only how many notes there are and how many people wrote them;
 * - a vote is seen by its voter; totals appear once the round closes, and who voted only if the
 *   round was not anonymous;
 * - coverage counts a round's votes only once it closed (before, it would hint at the tally), and
 *   never an anonymous round's (votes per function could name the voter); it counts notes from the
 *   start (how many, per section and function: never their text), so a facilitator sees during the
 *   silent writing which function has not written anything yet.
 */
export function noteVisibleTo(state: WorkshopState, note: WorkshopNote, userId: string): boolean {
  if (note.author.id === userId || state.status === 'ended') return true;
  const step = state.steps.find((s) => s.id === note.stepId);
  return step !== undefined && step.phase !== 'writing';
}

export function votesVisible(state: WorkshopState, step: WorkshopStep): boolean {
  return state.status === 'ended' || step.phase === 'closed';
}

/** The session as one person may see it at `now`. */
export function presentWorkshop(state: WorkshopState, viewer: WorkshopViewer, now: number): WorkshopDto {
  const people = new Map<string, PersonWithFunction>();
  for (const p of state.participants) people.set(p.id, { id: p.id, name: p.name, function: p.function });
  const stepById = new Map(state.steps.map((s) => [s.id, s]));
  const live = state.notes.filter((n) => n.mergedInto === null);
  const noteIdsByStep = new Map<string, Set<string>>();
  const notesByStep = new Map<string, WorkshopNote[]>();
  for (const note of live) {
    const ids = noteIdsByStep.get(note.stepId) ?? new Set<string>();
    ids.add(note.id);
    noteIdsByStep.set(note.stepId, ids);
    const list = notesByStep.get(note.stepId) ?? [];
    list.push(note);
    notesByStep.set(note.stepId, list);
  }

  // Indexes built once per presentation, so showing a large session stays linear in its size.
  const mergedInto = new Map<string, WorkshopNote[]>();
  for (const note of state.notes) {
    if (note.mergedInto === null) continue;
    const list = mergedInto.get(note.mergedInto) ?? [];
    list.push(note);
    mergedInto.set(note.mergedInto, list);
  }
  const myVotes = new Map<string, number>();
  for (const vote of state.votes) if (vote.voterId === viewer.userId) myVotes.set(vote.noteId, vote.count);

  const steps = state.steps.map((step, index) => {
    const hidden = state.notes.filter((n) => n.stepId === step.id && !noteVisibleTo(state, n, viewer.userId));
    const ids = noteIdsByStep.get(step.id) ?? new Set<string>();
    const stepVotes = state.votes.filter((v) => ids.has(v.noteId) && v.count > 0);
    const voting = step.phase === 'voting' && state.status === 'running' && index === state.currentStep;
    return {
      ...step,
      hiddenNotes: hidden.length,
      hiddenAuthors: new Set(hidden.map((n) => n.author.id)).size,
      voters: new Set(stepVotes.map((v) => v.voterId)).size,
      myVotesLeft: voting ? Math.max(0, step.voteBudget - votesUsed(state.votes, viewer.userId, ids)) : 0,
    };
  });

  const notes: WorkshopNoteDto[] = [];
  for (const step of state.steps) {
    const ids = [...(noteIdsByStep.get(step.id) ?? [])];
    const shown = votesVisible(state, step);
    const tallies = new Map(tallyVotes(ids, state.votes).map((t) => [t.noteId, t]));
    for (const note of notesByStep.get(step.id) ?? []) {
      if (!noteVisibleTo(state, note, viewer.userId)) continue;
      const tally = tallies.get(note.id);
      notes.push({
        id: note.id,
        stepId: note.stepId,
        section: note.section,
        text: note.text,
        author: note.author,
        mine: note.author.id === viewer.userId,
        createdAt: note.createdAt,
        mergedFrom: (mergedInto.get(note.id) ?? []).map((m) => ({
          id: m.id,
          text: m.text,
          author: m.author,
        })),
        myVotes: myVotes.get(note.id) ?? 0,
        votes: shown ? (tally?.votes ?? 0) : null,
        voters:
          shown && !step.anonymousVotes
            ? (tally?.voterIds ?? []).map((id) => {
                const p = people.get(id);
                return { id, name: p?.name ?? 'Former member' };
              })
            : null,
        promoted: note.promotedAt && note.promotedBy ? { at: note.promotedAt, by: note.promotedBy } : null,
      });
    }
  }

  const facilitator = state.facilitator.id === viewer.userId;
  return {
    id: state.id,
    icpId: state.icpId,
    status: state.status,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    startedBy: state.startedBy,
    facilitator: state.facilitator,
    steps,
    currentStep: state.currentStep,
    timer: viewTimer(state.timer, now),
    locked: state.locked,
    participants: state.participants,
    notes,
    coverage: coverage(state, stepById, people),
    you: {
      participant: state.participants.some((p) => p.id === viewer.userId),
      facilitator,
      mayFacilitate: viewer.mayFacilitate,
      mayPropose: viewer.mayPropose,
    },
    summary: state.summary,
  };
}

/** Contributions per section and function: edits, notes written and (closed rounds') votes cast. */
function coverage(
  state: WorkshopState,
  stepById: ReadonlyMap<string, WorkshopStep>,
  people: ReadonlyMap<string, PersonWithFunction>,
): WorkshopCoverageDto {
  type Counts = { edits: number; notes: number; votes: number };
  const cells = new Map<string, Counts>();
  const cell = (section: SectionKey, fn: IcpFunction): Counts => {
    const key = `${section}|${fn}`;
    let counts = cells.get(key);
    if (!counts) cells.set(key, (counts = { edits: 0, notes: 0, votes: 0 }));
    return counts;
  };
  for (const edit of state.edits) cell(edit.section, edit.function).edits += edit.count;
  const noteById = new Map(state.notes.map((n) => [n.id, n]));
  for (const note of state.notes) if (note.author.function) cell(note.section, note.author.function).notes++;
  for (const vote of state.votes) {
    const note = noteById.get(vote.noteId);
    const step = note && stepById.get(note.stepId);
    const fn = people.get(vote.voterId)?.function;
    if (!note || !step || !fn || vote.count <= 0 || !votesVisible(state, step) || step.anonymousVotes)
      continue;
    cell(note.section, fn).votes += vote.count;
  }
  return ICP_SECTIONS.map((s) => ({
    section: s.key,
    byFunction: FUNCTIONS.map((fn) => ({
      function: fn,
      ...(cells.get(`${s.key}|${fn}`) ?? { edits: 0, notes: 0, votes: 0 }),
    })),
  }));
}
