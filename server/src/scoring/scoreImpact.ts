import { GRADE_BUCKETS, SCORING_LIMITS, type Scorer, type ScoreImpactDto } from '@bullseye/shared';
import { scoringAccountOf, type ScoredRow } from './accountInput.js';
import { bucketIndex } from './gradeBuckets.js';
import { keepTop } from './keepTop.js';

type Move = ScoreImpactDto['moves'][number];
type Example = Move['examples'][number];

const N = GRADE_BUCKETS.length;
const scoreOrNull = (score: number): number | null => (score < 0 ? null : score);

/**
 * How many accounts each grade move (A→B, C→A, none→D …) takes between two models, with the
 * accounts whose score moved most as examples. Accounts that keep their grade count as moves to
 * the same grade, so the counts add up to the dataset.
 */
export async function scoreImpact(
  from: Scorer,
  to: Scorer,
  batches: AsyncIterable<readonly ScoredRow[]>,
): Promise<{ total: number; changed: number; moves: Move[] }> {
  const counts = new Array<number>(N * N).fill(0);
  const examples: { rank: number; example: Example }[][] = Array.from({ length: N * N }, () => []);
  let total = 0;
  let changed = 0;
  for await (const rows of batches) {
    for (const row of rows) {
      const account = scoringAccountOf(row);
      const a = from.scoreOnly(account);
      const b = to.scoreOnly(account);
      const cell = bucketIndex(a, from.model.thresholds) * N + bucketIndex(b, to.model.thresholds);
      total++;
      counts[cell]!++;
      const moved = Math.floor(cell / N) !== cell % N;
      if (moved) changed++;
      if (!moved) continue;
      const delta = Math.abs((b < 0 ? 0 : b) - (a < 0 ? 0 : a));
      keepTop(examples[cell]!, delta, SCORING_LIMITS.examplesPerChange, () => ({
        rank: delta,
        example: {
          accountId: row.id,
          name: row.name,
          domain: row.domain,
          fromScore: scoreOrNull(a),
          toScore: scoreOrNull(b),
        },
      }));
    }
  }
  const moves: Move[] = [];
  counts.forEach((count, cell) => {
    if (count === 0) return;
    moves.push({
      from: GRADE_BUCKETS[Math.floor(cell / N)]!,
      to: GRADE_BUCKETS[cell % N]!,
      count,
      examples: examples[cell]!.map((e) => e.example),
    });
  });
  return { total, changed, moves };
}
