import { describe, expect, it } from 'vitest';
import type { WorkshopNoteDto } from '@bullseye/shared';
import { byVotes } from './notesBySection.js';
import { suggestedWinners } from './winners.js';

const note = (id: string, section: WorkshopNoteDto['section'], votes: number | null, promoted = false) =>
  ({
    id,
    section,
    votes,
    promoted: promoted ? { at: '2027-01-14T10:00:00.000Z', by: { id: 'f', name: 'F' } } : null,
  }) as WorkshopNoteDto;

describe('byVotes', () => {
  it('sorts most votes first and keeps ties in order', () => {
    const notes = [
      note('a', 'goals', 1),
      note('b', 'goals', 3),
      note('c', 'goals', 1),
      note('d', 'goals', null),
    ];
    expect(byVotes(notes).map((n) => n.id)).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('suggestedWinners', () => {
  it('suggests the leading notes of each section, ties included, never those without votes', () => {
    const notes = [
      note('a', 'goals', 5),
      note('b', 'goals', 4),
      note('c', 'goals', 2),
      note('d', 'goals', 2),
      note('e', 'goals', 0),
      note('f', 'industries', 1),
      note('g', 'industries', 0),
    ];
    expect(suggestedWinners(notes)).toEqual(['a', 'b', 'c', 'd', 'f']);
  });

  it('leaves out notes already promoted', () => {
    expect(suggestedWinners([note('a', 'goals', 5, true), note('b', 'goals', 1)])).toEqual(['b']);
  });
});
