import {
  diffCanonical,
  tallyVotes,
  type CanonicalIcp,
  type IcpFunction,
  type WorkshopState,
  type WorkshopSummaryDto,
} from '@bullseye/shared';
import type { ThreadRecord } from '../db/commentStore.js';

const OPEN_THREADS_SHOWN = 20;
const EXCERPT = 140;

export interface SummaryInput {
  /** The session as it ends (steps with their final time spent). */
  state: WorkshopState;
  version: { id: string; number: number; name: string | null };
  startCanonical: string;
  endCanonical: string;
  endedAt: number;
  /** The workspace's members now; those who did not take part are the absent. */
  members: readonly { id: string; name: string; function: IcpFunction | null }[];
  openThreads: readonly ThreadRecord[];
}

/**
 * The record of a workshop: what changed in the ICP from start to end, time per step, every
 * voting round's results, what was promoted (with who proposed it and its votes), how many notes
 * were left out, the comment threads still open, and who took part, by function, and who did not.
 */
export function buildSummary(input: SummaryInput): WorkshopSummaryDto {
  const { state } = input;
  const live = state.notes.filter((n) => n.mergedInto === null);
  const votes = state.steps
    .filter((s) => s.kind === 'brainstorm' && (s.phase === 'voting' || s.phase === 'closed'))
    .map((step) => {
      const notes = live.filter((n) => n.stepId === step.id);
      const byId = new Map(notes.map((n) => [n.id, n]));
      return {
        stepTitle: step.title,
        anonymous: step.anonymousVotes,
        results: tallyVotes(
          notes.map((n) => n.id),
          state.votes,
        ).map((t) => {
          const note = byId.get(t.noteId)!;
          return {
            text: note.text,
            section: note.section,
            author: { id: note.author.id, name: note.author.name },
            votes: t.votes,
            promoted: note.promotedAt !== null,
          };
        }),
      };
    });
  const allTallies = new Map(
    tallyVotes(
      live.map((n) => n.id),
      state.votes,
    ).map((t) => [t.noteId, t.votes]),
  );
  const promoted = live
    .filter((n) => n.promotedAt !== null)
    .map((n) => ({
      text: n.text,
      section: n.section,
      author: { id: n.author.id, name: n.author.name },
      votes: allTallies.get(n.id) ?? 0,
    }));
  const took = new Set(state.participants.map((p) => p.id));
  return {
    version: input.version,
    durationMs: Math.max(0, input.endedAt - Date.parse(state.startedAt)),
    changes: diffCanonical(
      JSON.parse(input.startCanonical) as CanonicalIcp,
      JSON.parse(input.endCanonical) as CanonicalIcp,
    ),
    steps: state.steps.map((s) => ({ title: s.title, plannedMs: s.minutes * 60_000, spentMs: s.spentMs })),
    votes,
    promoted,
    notPromoted: live.filter((n) => n.promotedAt === null).length,
    openThreads: input.openThreads.slice(0, OPEN_THREADS_SHOWN).map((t) => ({
      id: t.root.id,
      excerpt: t.root.body.length > EXCERPT ? `${t.root.body.slice(0, EXCERPT - 1)}…` : t.root.body,
      author: t.root.author_id
        ? { id: t.root.author_id, name: t.people.get(t.root.author_id) ?? 'Former member' }
        : null,
    })),
    openThreadCount: input.openThreads.length,
    participants: state.participants.map((p) => ({ id: p.id, name: p.name, function: p.function })),
    absent: input.members.filter((m) => !took.has(m.id)),
  };
}
