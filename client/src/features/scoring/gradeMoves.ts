import { GRADE_BUCKETS, type GradeBucket, type ScoreImpactDto } from '@bullseye/shared';

export type GradeMove = ScoreImpactDto['moves'][number];

/** Where accounts went between two models, summed: up a grade, down, or into or out of "no data". */
export interface MoveSummary {
  up: number;
  down: number;
  /** Accounts that gained or lost the data to be graded at all. */
  data: number;
}

const rank = (grade: GradeBucket) => GRADE_BUCKETS.indexOf(grade);

/** Whether a move is towards A (`up`), towards D (`down`), unchanged, or in or out of no data. */
export function directionOf(move: Pick<GradeMove, 'from' | 'to'>): 'up' | 'down' | 'same' | 'data' {
  if (move.from === move.to) return 'same';
  if (move.from === 'none' || move.to === 'none') return 'data';
  return rank(move.to) < rank(move.from) ? 'up' : 'down';
}

export function summarizeMoves(moves: readonly GradeMove[]): MoveSummary {
  const summary: MoveSummary = { up: 0, down: 0, data: 0 };
  for (const move of moves) {
    const direction = directionOf(move);
    if (direction !== 'same') summary[direction] += move.count;
  }
  return summary;
}

/** The moves that change a grade, most accounts first (ties in grade order). */
export function changedMoves(moves: readonly GradeMove[]): GradeMove[] {
  return moves
    .filter((move) => move.from !== move.to)
    .sort((a, b) => b.count - a.count || rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
}

/** Accounts per (from, to) pair, for a from × to matrix; zero where no account moved so. */
export function moveMatrix(moves: readonly GradeMove[]): (from: GradeBucket, to: GradeBucket) => number {
  const counts = new Map(moves.map((move) => [`${move.from}>${move.to}`, move.count]));
  return (from, to) => counts.get(`${from}>${to}`) ?? 0;
}

/** The grades a matrix needs: A–D always, "no data" only when an account is there on either side. */
export function matrixGrades(moves: readonly GradeMove[]): GradeBucket[] {
  const withNone = moves.some((move) => move.count > 0 && (move.from === 'none' || move.to === 'none'));
  return GRADE_BUCKETS.filter((grade) => grade !== 'none' || withNone);
}
