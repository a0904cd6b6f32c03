import { describe, expect, it } from 'vitest';
import { leadingNotes, tallyVotes, voteProblem, votesUsed, type VoteRecord } from './votes.js';

describe('vote budget', () => {
  it('allows votes within the budget, several on one note', () => {
    expect(voteProblem({ budget: 3, usedElsewhere: 0, count: 3 })).toBeNull();
    expect(voteProblem({ budget: 3, usedElsewhere: 2, count: 1 })).toBeNull();
    expect(voteProblem({ budget: 3, usedElsewhere: 3, count: 0 })).toBeNull();
  });

  it('refuses votes beyond the budget, saying how many are left for this note', () => {
    expect(voteProblem({ budget: 3, usedElsewhere: 0, count: 4 })).toBe(
      'You have 3 votes in this round; 3 left for this note',
    );
    expect(voteProblem({ budget: 3, usedElsewhere: 2, count: 2 })).toBe(
      'You have 3 votes in this round; 1 left for this note',
    );
    expect(voteProblem({ budget: 3, usedElsewhere: 3, count: 1 })).toBe(
      'You have 3 votes in this round; 0 left for this note',
    );
  });

  it('refuses counts that are not whole numbers of 0 or more', () => {
    for (const count of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(voteProblem({ budget: 10, usedElsewhere: 0, count }), String(count)).toBe(
        'A vote count is a whole number, 0 or more',
      );
    }
  });

  it('enforces the budget across the step’s notes', () => {
    const votes: VoteRecord[] = [
      { noteId: 'a', voterId: 'ann', count: 2 },
      { noteId: 'b', voterId: 'ann', count: 1 },
    ];
    const step = new Set(['a', 'b', 'c']);
    const elsewhere = votesUsed(votes, 'ann', new Set([...step].filter((id) => id !== 'c')));
    expect(elsewhere).toBe(3);
    expect(voteProblem({ budget: 3, usedElsewhere: elsewhere, count: 1 })).not.toBeNull();
  });

  it('lets a voter re-set the count on a note they already voted on', () => {
    const votes: VoteRecord[] = [
      { noteId: 'a', voterId: 'ann', count: 2 },
      { noteId: 'b', voterId: 'ann', count: 1 },
    ];
    // Setting note a to 2 again (or lowering it) is allowed: its own votes are not "elsewhere".
    const elsewhereThanA = votesUsed(votes, 'ann', new Set(['b', 'c']));
    expect(elsewhereThanA).toBe(1);
    expect(voteProblem({ budget: 3, usedElsewhere: elsewhereThanA, count: 2 })).toBeNull();
    expect(voteProblem({ budget: 3, usedElsewhere: elsewhereThanA, count: 0 })).toBeNull();
    expect(voteProblem({ budget: 3, usedElsewhere: elsewhereThanA, count: 3 })).not.toBeNull();
  });
});

describe('votes used', () => {
  it('counts only this voter’s votes on the given notes', () => {
    const votes: VoteRecord[] = [
      { noteId: 'a', voterId: 'ann', count: 2 },
      { noteId: 'b', voterId: 'ann', count: 1 },
      { noteId: 'x', voterId: 'ann', count: 5 }, // another step
      { noteId: 'a', voterId: 'bob', count: 3 },
    ];
    expect(votesUsed(votes, 'ann', new Set(['a', 'b']))).toBe(3);
    expect(votesUsed(votes, 'bob', new Set(['a', 'b']))).toBe(3);
    expect(votesUsed(votes, 'cat', new Set(['a', 'b']))).toBe(0);
    expect(votesUsed(votes, 'ann', new Set())).toBe(0);
  });
});

describe('tally', () => {
  it('totals each note, most votes first, with who voted', () => {
    const tallies = tallyVotes(
      ['a', 'b', 'c'],
      [
        { noteId: 'a', voterId: 'ann', count: 1 },
        { noteId: 'b', voterId: 'ann', count: 2 },
        { noteId: 'b', voterId: 'bob', count: 2 },
      ],
    );
    expect(tallies).toEqual([
      { noteId: 'b', votes: 4, voterIds: ['ann', 'bob'] },
      { noteId: 'a', votes: 1, voterIds: ['ann'] },
      { noteId: 'c', votes: 0, voterIds: [] },
    ]);
  });

  it('orders ties by the notes’ own order, whatever the order of the votes', () => {
    const noteIds = ['n1', 'n2', 'n3', 'n4'];
    const votes: VoteRecord[] = [
      { noteId: 'n4', voterId: 'ann', count: 2 },
      { noteId: 'n3', voterId: 'bob', count: 1 },
      { noteId: 'n2', voterId: 'cat', count: 2 },
      { noteId: 'n1', voterId: 'dan', count: 1 },
    ];
    expect(tallyVotes(noteIds, votes).map((t) => t.noteId)).toEqual(['n2', 'n4', 'n1', 'n3']);
    expect(tallyVotes(noteIds, [...votes].reverse()).map((t) => t.noteId)).toEqual(['n2', 'n4', 'n1', 'n3']);
  });

  it('ignores votes on other notes and zero counts', () => {
    const tallies = tallyVotes(
      ['a'],
      [
        { noteId: 'a', voterId: 'ann', count: 0 },
        { noteId: 'gone', voterId: 'bob', count: 3 },
      ],
    );
    expect(tallies).toEqual([{ noteId: 'a', votes: 0, voterIds: [] }]);
  });

  it('lists a voter once however many records they have on a note', () => {
    const [tally] = tallyVotes(
      ['a'],
      [
        { noteId: 'a', voterId: 'ann', count: 1 },
        { noteId: 'a', voterId: 'ann', count: 2 },
      ],
    );
    expect(tally).toEqual({ noteId: 'a', votes: 3, voterIds: ['ann'] });
  });
});

describe('leading notes', () => {
  const tally = (...counts: number[]) =>
    tallyVotes(
      counts.map((_, i) => `n${i}`),
      counts.map((count, i) => ({ noteId: `n${i}`, voterId: 'v', count })),
    );

  it('takes the top ones', () => {
    expect(leadingNotes(tally(1, 5, 3), 2)).toEqual(['n1', 'n2']);
    expect(leadingNotes(tally(1, 5, 3), 1)).toEqual(['n1']);
  });

  it('includes notes tied with the last one taken', () => {
    expect(leadingNotes(tally(5, 3, 3, 1), 2)).toEqual(['n0', 'n1', 'n2']);
    expect(leadingNotes(tally(2, 2, 2), 1)).toEqual(['n0', 'n1', 'n2']);
  });

  it('ignores notes nobody voted for', () => {
    expect(leadingNotes(tally(0, 2, 0), 3)).toEqual(['n1']);
    expect(leadingNotes(tally(0, 0), 2)).toEqual([]);
  });

  it('takes none for a count of zero', () => {
    expect(leadingNotes(tally(4, 2), 0)).toEqual([]);
  });
});
