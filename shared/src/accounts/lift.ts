import { type TraitLabel } from '../validation/datasets.js';

/** The normal quantile of a two-sided 95% interval. */
const Z95 = 1.959964;

/**
 * The lift of a trait, (a / n1) / (c / n2): `a` of the `n1` best customers have it, `c` of the
 * `n2` comparison accounts do. The interval is Katz's log method, ln(lift) ± z·se with
 * se = √(1/a − 1/n1 + 1/c − 1/n2). When a or c is 0, 0.5 is added to a, c, n1 and n2 (Haldane)
 * for the interval only: lift stays exact, 0 when a = 0; but when c = 0 (and a > 0) the exact lift
 * is infinite, so lift is the corrected estimate, finite, the centre of its interval. With no best
 * customers or no comparison accounts (n1 or n2 = 0) there is nothing to compare: lift, low and
 * high are all 0, and callers must not read it as an anti trait (the sample is empty).
 */
export function liftInterval(
  a: number,
  n1: number,
  c: number,
  n2: number,
  z = Z95,
): { lift: number; low: number; high: number } {
  if (n1 <= 0 || n2 <= 0) return { lift: 0, low: 0, high: 0 };
  const half = a === 0 || c === 0 ? 0.5 : 0;
  const ca = a + half;
  const cn1 = n1 + half;
  const cc = c + half;
  const cn2 = n2 + half;
  // Products first: exact for counts, so 60 of 100 against 100 of 1,000 is exactly 6.
  const centre = (ca * cn2) / (cn1 * cc);
  const se = Math.sqrt(Math.max(0, 1 / ca - 1 / cn1 + 1 / cc - 1 / cn2));
  const lift = a === 0 ? 0 : c === 0 ? centre : (a * n2) / (n1 * c);
  return { lift, low: centre * Math.exp(-z * se), high: centre * Math.exp(z * se) };
}

/** A proportion k / n with its Wilson score interval; null when n is 0. */
export function wilsonInterval(
  k: number,
  n: number,
  z = Z95,
): { p: number; low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 and k = n the bound is exactly 0 or 1; rounding would miss it.
  return { p, low: k <= 0 ? 0 : Math.max(0, centre - half), high: k >= n ? 1 : Math.min(1, centre + half) };
}

/** Lift at least this (with the interval above 1) makes a core or niche trait. */
export const STRONG_LIFT = 1.5;
/** Lift at most this (with the interval below 1) makes an anti trait. */
export const ANTI_LIFT = 0.67;
/** Core traits are shared by at least this share of the best customers; below it they are niche. */
export const CORE_SHARE = 0.2;

/**
 * Reads a trait: small sample when fewer than `minSample` comparison accounts have it; significant
 * when not small and the interval excludes 1; 'core' when significantly over-represented with lift
 * ≥ 1.5 among at least 20% of the best customers, 'niche' the same below 20%, 'anti' when
 * significantly under-represented with lift ≤ 0.67, else 'neutral'. `strength` sorts traits,
 * larger first: |ln| of the interval bound nearest 1 when significant, else 0. The all-zero
 * answer of an empty comparison (see liftInterval) is never significant.
 */
export function classifyTrait(
  t: { lift: number; low: number; high: number; n: number; best: number; shareBest: number },
  o: { minSample: number },
): { label: TraitLabel; significant: boolean; smallSample: boolean; strength: number } {
  const smallSample = t.n < o.minSample;
  const above = !smallSample && t.low > 1;
  // high is 0 only for liftInterval's empty comparison, which says nothing.
  const below = !smallSample && t.high > 0 && t.high < 1;
  const significant = above || below;
  let label: TraitLabel = 'neutral';
  if (above && t.lift >= STRONG_LIFT) label = t.shareBest >= CORE_SHARE ? 'core' : 'niche';
  else if (below && t.lift <= ANTI_LIFT) label = 'anti';
  const strength = above ? Math.log(t.low) : below ? -Math.log(t.high) : 0;
  return { label, significant, smallSample, strength };
}
