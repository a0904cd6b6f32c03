/** Nearest-rank percentile (`p` in 0..100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  return percentileOfSorted(
    [...samples].sort((a, b) => a - b),
    p,
  );
}

/** Several percentiles with one sort, for large sample sets. */
export function percentiles(samples: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(samples).sort();
  return ps.map((p) => percentileOfSorted(sorted, p));
}

function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
