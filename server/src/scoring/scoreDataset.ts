import {
  GRADE_BUCKETS,
  LOST_STATUSES,
  SCORING_LIMITS,
  WON_STATUSES,
  wilsonInterval,
  type GradeRowDto,
  type Scorer,
  type TopAccountDto,
} from '@bullseye/shared';
import { scoringAccountOf, type ScoredRow } from './accountInput.js';
import { bucketIndex } from './gradeBuckets.js';
import { keepTop } from './keepTop.js';
import { scoreReasons } from './scoreReasons.js';

/** What scoring a whole dataset found: grade counts with outcomes (the backtest), deciles, tops. */
export interface DatasetScoreSummary {
  total: number;
  grades: GradeRowDto[];
  histogram: number[];
  hasOutcomes: boolean;
  topAccounts: TopAccountDto[];
}

const WON = new Set<string>(WON_STATUSES);
const LOST = new Set<string>(LOST_STATUSES);

interface Tally {
  count: number;
  won: number;
  lost: number;
  acvSum: number;
  acvN: number;
  /** The best-scoring accounts of the bucket, highest first (ties: the earlier account). */
  top: { rank: number; row: ScoredRow }[];
}

/**
 * Scores every account the scan yields with one model and tallies, per grade: how many, how many
 * were won and lost (won: customer, won, churned; lost: lost) and their mean ACV, so the team sees
 * whether A accounts actually win more often and bigger than D accounts. Accounts with no data for
 * any criterion count as `none`. Memory stays constant: only the top accounts per grade are kept.
 */
export async function scoreDataset(
  scorer: Scorer,
  batches: AsyncIterable<readonly ScoredRow[]>,
): Promise<DatasetScoreSummary> {
  const { thresholds } = scorer.model;
  const tallies: Tally[] = GRADE_BUCKETS.map(() => ({
    count: 0,
    won: 0,
    lost: 0,
    acvSum: 0,
    acvN: 0,
    top: [],
  }));
  const histogram = new Array<number>(10).fill(0);
  const keep = SCORING_LIMITS.topPerGrade;
  let total = 0;
  for await (const rows of batches) {
    for (const row of rows) {
      const score = scorer.scoreOnly(scoringAccountOf(row));
      const tally = tallies[bucketIndex(score, thresholds)]!;
      total++;
      tally.count++;
      if (score >= 0) histogram[Math.min(9, Math.floor(score / 10))]!++;
      if (row.status && WON.has(row.status)) {
        tally.won++;
        if (row.acv !== null && Number.isFinite(row.acv)) {
          tally.acvSum += row.acv;
          tally.acvN++;
        }
      } else if (row.status && LOST.has(row.status)) tally.lost++;
      keepTop(tally.top, score, keep, () => ({ rank: score, row }));
    }
  }
  const grades = tallies.map((t, i): GradeRowDto => {
    const win = wilsonInterval(t.won, t.won + t.lost);
    return {
      grade: GRADE_BUCKETS[i]!,
      count: t.count,
      won: t.won,
      lost: t.lost,
      winRate: win?.p ?? null,
      winLow: win?.low ?? null,
      winHigh: win?.high ?? null,
      avgAcv: t.acvN > 0 ? t.acvSum / t.acvN : null,
      acvN: t.acvN,
    };
  });
  const topAccounts = tallies.flatMap((t, i) =>
    t.top.map(({ row }): TopAccountDto => {
      const result = scorer.score(scoringAccountOf(row));
      return {
        accountId: row.id,
        name: row.name,
        domain: row.domain,
        score: result.score,
        grade: GRADE_BUCKETS[i]!,
        reasons: scoreReasons(result),
      };
    }),
  );
  return {
    total,
    grades,
    histogram,
    hasOutcomes: grades.some((g) => g.won + g.lost > 0),
    topAccounts,
  };
}
