import { gradeOf, type Scorer } from '@bullseye/shared';
import { scoringAccountOf, type ScoredRow } from './accountInput.js';
import { keepTop } from './keepTop.js';

/** Accounts a fit for both ICPs kept as examples. */
const SAMPLE = 20;

export interface AccountOverlap {
  total: number;
  fitA: number;
  fitB: number;
  fitBoth: number;
  sample: {
    accountId: number;
    name: string | null;
    domain: string | null;
    scoreA: number;
    gradeA: 'A' | 'B' | 'C' | 'D';
    scoreB: number;
    gradeB: 'A' | 'B' | 'C' | 'D';
  }[];
}

/** A fit: grade A or B (an account with no data for any criterion is none). */
const isFit = (score: number, scorer: Scorer): boolean => {
  if (score < 0) return false;
  const grade = gradeOf(score, scorer.model.thresholds);
  return grade === 'A' || grade === 'B';
};

/**
 * Scores every account with both models and counts the fits of each (grade A or B) and of both,
 * keeping the accounts best for both (highest lower score first; ties: the earlier account).
 * Memory stays constant.
 */
export async function accountOverlap(
  a: Scorer,
  b: Scorer,
  batches: AsyncIterable<readonly ScoredRow[]>,
): Promise<AccountOverlap> {
  let total = 0;
  let fitA = 0;
  let fitB = 0;
  let fitBoth = 0;
  const best: { rank: number; row: ScoredRow; scoreA: number; scoreB: number }[] = [];
  for await (const rows of batches) {
    for (const row of rows) {
      total++;
      const account = scoringAccountOf(row);
      const scoreA = a.scoreOnly(account);
      const scoreB = b.scoreOnly(account);
      const inA = isFit(scoreA, a);
      const inB = isFit(scoreB, b);
      if (inA) fitA++;
      if (inB) fitB++;
      if (!inA || !inB) continue;
      fitBoth++;
      const low = Math.min(scoreA, scoreB);
      keepTop(best, low, SAMPLE, () => ({ rank: low, row, scoreA, scoreB }));
    }
  }
  return {
    total,
    fitA,
    fitB,
    fitBoth,
    sample: best.map(({ row, scoreA, scoreB }) => ({
      accountId: row.id,
      name: row.name,
      domain: row.domain,
      scoreA,
      gradeA: gradeOf(scoreA, a.model.thresholds),
      scoreB,
      gradeB: gradeOf(scoreB, b.model.thresholds),
    })),
  };
}
