/**
 * Dot-voting: each participant spreads a budget of votes over a step's notes (several on one note
 * allowed). Votes stay hidden until the round closes; then every note shows its total.
 */

/** A person's votes on one note. */
export interface VoteRecord {
  noteId: string;
  voterId: string;
  count: number;
}

/** Why a vote was refused, in words for the voter; null when it is allowed. */
export function voteProblem(input: {
  budget: number;
  /** The voter's votes on this step's other notes. */
  usedElsewhere: number;
  count: number;
}): string | null {
  if (!Number.isInteger(input.count) || input.count < 0) return 'A vote count is a whole number, 0 or more';
  // Taking votes back is always allowed.
  if (input.count > 0 && input.usedElsewhere + input.count > input.budget) {
    const left = Math.max(0, input.budget - input.usedElsewhere);
    return `You have ${input.budget} votes in this round; ${left} left for this note`;
  }
  return null;
}

/** Votes one voter has cast on the given notes. */
export function votesUsed(
  votes: readonly VoteRecord[],
  voterId: string,
  noteIds: ReadonlySet<string>,
): number {
  let used = 0;
  for (const vote of votes) if (vote.voterId === voterId && noteIds.has(vote.noteId)) used += vote.count;
  return used;
}

export interface NoteTally {
  noteId: string;
  votes: number;
  voterIds: string[];
}

/**
 * Totals per note, most votes first; ties keep the notes' own order (`noteIds`, oldest first),
 * so everyone sees the same ranking.
 */
export function tallyVotes(noteIds: readonly string[], votes: readonly VoteRecord[]): NoteTally[] {
  const byNote = new Map<string, NoteTally>(
    noteIds.map((id) => [id, { noteId: id, votes: 0, voterIds: [] }]),
  );
  for (const vote of votes) {
    const tally = byNote.get(vote.noteId);
    if (!tally || vote.count <= 0) continue;
    tally.votes += vote.count;
    if (!tally.voterIds.includes(vote.voterId)) tally.voterIds.push(vote.voterId);
  }
  const order = new Map(noteIds.map((id, index) => [id, index]));
  return [...byNote.values()].sort(
    (a, b) => b.votes - a.votes || order.get(a.noteId)! - order.get(b.noteId)!,
  );
}

/** The notes with the most votes: the top `count`, plus any tied with the last of them. */
export function leadingNotes(tallies: readonly NoteTally[], count: number): string[] {
  const withVotes = tallies.filter((t) => t.votes > 0);
  if (count <= 0 || withVotes.length === 0) return [];
  const cutoff = withVotes[Math.min(count, withVotes.length) - 1]!.votes;
  return withVotes.filter((t) => t.votes >= cutoff).map((t) => t.noteId);
}
