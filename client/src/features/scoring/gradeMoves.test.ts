import { describe, expect, it } from 'vitest';
import type { GradeBucket } from '@bullseye/shared';
import {
  changedMoves,
  directionOf,
  matrixGrades,
  moveMatrix,
  summarizeMoves,
  type GradeMove,
} from './gradeMoves.js';

const move = (from: GradeBucket, to: GradeBucket, count: number): GradeMove => ({
  from,
  to,
  count,
  examples: [],
});

const MOVES = [
  move('A', 'A', 100),
  move('A', 'B', 12),
  move('C', 'A', 3),
  move('D', 'C', 12),
  move('B', 'B', 50),
  move('none', 'D', 4),
];

describe('directionOf', () => {
  it('calls towards A up, towards D down, and no data apart', () => {
    expect(directionOf({ from: 'C', to: 'A' })).toBe('up');
    expect(directionOf({ from: 'A', to: 'B' })).toBe('down');
    expect(directionOf({ from: 'B', to: 'B' })).toBe('same');
    expect(directionOf({ from: 'none', to: 'D' })).toBe('data');
    expect(directionOf({ from: 'A', to: 'none' })).toBe('data');
  });
});

describe('summarizeMoves', () => {
  it('sums the accounts of each direction, leaving unchanged ones out', () => {
    expect(summarizeMoves(MOVES)).toEqual({ up: 15, down: 12, data: 4 });
  });
});

describe('changedMoves', () => {
  it('keeps the moves that change a grade, most accounts first, ties in grade order', () => {
    expect(changedMoves(MOVES).map((m) => `${m.from}>${m.to}`)).toEqual(['A>B', 'D>C', 'none>D', 'C>A']);
  });
});

describe('moveMatrix and matrixGrades', () => {
  it('reads counts per pair, zero elsewhere, and shows "no data" only when used', () => {
    const cell = moveMatrix(MOVES);
    expect(cell('A', 'B')).toBe(12);
    expect(cell('B', 'A')).toBe(0);
    expect(matrixGrades(MOVES)).toEqual(['A', 'B', 'C', 'D', 'none']);
    expect(matrixGrades([move('A', 'B', 1)])).toEqual(['A', 'B', 'C', 'D']);
  });
});
