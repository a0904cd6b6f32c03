import { leadingNotes, type WorkshopNoteDto } from '@bullseye/shared';
import { byVotes } from './notesBySection.js';

/** How many leading notes per section are suggested as winners (ties with the last included). */
export const SUGGESTED_WINNERS_PER_SECTION = 3;

/**
 * The notes to pre-select for promotion once a round closed: in each section, the leading ones by
 * votes (none without votes), leaving out those already in the ICP.
 */
export function suggestedWinners(notes: readonly WorkshopNoteDto[]): string[] {
  const sections = [...new Set(notes.map((n) => n.section))];
  return sections.flatMap((section) => {
    const open = byVotes(notes.filter((n) => n.section === section && !n.promoted));
    const tallies = open.map((n) => ({ noteId: n.id, votes: n.votes ?? 0, voterIds: [] }));
    return leadingNotes(tallies, SUGGESTED_WINNERS_PER_SECTION);
  });
}
