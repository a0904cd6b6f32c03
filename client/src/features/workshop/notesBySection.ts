import { noteSections, type SectionKey, type WorkshopNoteDto, type WorkshopStepDto } from '@bullseye/shared';

/** A step's notes grouped by its note sections, in the step's order (empty sections kept). */
export function notesBySection(
  step: Pick<WorkshopStepDto, 'sections'>,
  notes: readonly WorkshopNoteDto[],
): { section: SectionKey; notes: WorkshopNoteDto[] }[] {
  return noteSections(step).map((section) => ({
    section,
    notes: notes.filter((n) => n.section === section),
  }));
}

/**
 * Notes by votes, most first; ties keep the order the server sent (oldest first), as its tally does.
 * Notes without a count (before the round closed) count as none.
 */
export function byVotes(notes: readonly WorkshopNoteDto[]): WorkshopNoteDto[] {
  return notes
    .map((note, index) => ({ note, index }))
    .sort((a, b) => (b.note.votes ?? 0) - (a.note.votes ?? 0) || a.index - b.index)
    .map((entry) => entry.note);
}
