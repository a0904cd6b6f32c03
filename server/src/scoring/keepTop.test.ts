import { describe, expect, it } from 'vitest';
import { keepTop } from './keepTop.js';

describe('keepTop', () => {
  it('keeps the highest entries, highest first, the earlier one first on ties', () => {
    const list: { rank: number; id: string }[] = [];
    const made: string[] = [];
    const offer = (rank: number, id: string) =>
      keepTop(list, rank, 3, () => {
        made.push(id);
        return { rank, id };
      });
    offer(5, 'a');
    offer(9, 'b');
    offer(5, 'c');
    offer(7, 'd');
    offer(5, 'e');
    offer(1, 'f');
    expect(list.map((e) => e.id)).toEqual(['b', 'd', 'a']);
    // Entries that could not make the list were never built.
    expect(made).toEqual(['a', 'b', 'c', 'd']);
  });
});
