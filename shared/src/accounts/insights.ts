import {
  type Band,
  type BandMode,
  type BestCustomerCondition,
  type Comparison,
  type InsightsDto,
  type TraitDto,
} from '../validation/datasets.js';
import { type AccountColumns } from './accountColumns.js';
import { STANDARD_EMPLOYEE_BANDS, STANDARD_REVENUE_BANDS, formatBand, quantileBands } from './bands.js';
import { bestCustomerMask, comparisonMask } from './bestCustomerMask.js';
import {
  ACCOUNT_STATUSES,
  INSIGHT_DIMENSIONS,
  LOST_STATUSES,
  WON_STATUSES,
  type InsightDimension,
} from './fields.js';
import { classifyTrait, liftInterval, wilsonInterval } from './lift.js';

/** Most values one text dimension reports: the most frequent in the comparison population. */
export const MAX_VALUES_PER_DIMENSION = 50;

/** Best customers below this are too few for a directional answer. */
export const DIRECTIONAL_BEST = 50;
/** Best customers from this on make a meaningful answer. */
export const MEANINGFUL_BEST = 100;

/** What computeInsights takes: the insights request without its dataset. */
export interface InsightsInput {
  comparison: Comparison;
  conditions: readonly BestCustomerCondition[];
  bands: BandMode;
  minSample: number;
}

/**
 * Counts per value of one dimension, slot 0 for unknown (slot k is dictionary code k, or band
 * k - 1): best customers, comparison accounts, and won and lost accounts among all.
 */
interface Tally {
  best: Uint32Array;
  comparison: Uint32Array;
  won: Uint32Array;
  lost: Uint32Array;
  bestKnown: number;
  comparisonKnown: number;
}

interface Masks {
  best: Uint8Array;
  comparison: Uint8Array;
  bestCount: number;
  comparisonCount: number;
}

/**
 * The pass over the accounts counts one number per account and value: how many accounts have each
 * (slot, status, best?, in comparison?) combination, at `slot * COMBOS + combo(status, best, in)`.
 * Everything else is summed from that small table afterwards.
 */
const STATUS_CODES = ACCOUNT_STATUSES.length + 1;
const COMBOS = STATUS_CODES * 4;
const combo = (status: number, best: number, inComparison: number): number =>
  (status << 2) | (best << 1) | inComparison;

/** Per combination: 1 when its status is a win (WON_STATUSES), a loss (LOST_STATUSES). */
function comboFlags(statuses: readonly string[]): Uint8Array {
  const flags = new Uint8Array(COMBOS);
  ACCOUNT_STATUSES.forEach((status, i) => {
    if (statuses.includes(status)) for (let x = 0; x < 4; x++) flags[((i + 1) << 2) | x] = 1;
  });
  return flags;
}
const WON = comboFlags(WON_STATUSES);
const LOST = comboFlags(LOST_STATUSES);

/** Sums a combination table into per-slot counts. */
function summarize(joint: Uint32Array, slots: number): Tally {
  const t: Tally = {
    best: new Uint32Array(slots),
    comparison: new Uint32Array(slots),
    won: new Uint32Array(slots),
    lost: new Uint32Array(slots),
    bestKnown: 0,
    comparisonKnown: 0,
  };
  for (let k = 0; k < slots; k++) {
    let best = 0;
    let comparison = 0;
    let won = 0;
    let lost = 0;
    for (let x = 0; x < COMBOS; x++) {
      const n = joint[k * COMBOS + x]!;
      if (n === 0) continue;
      if (x & 2) best += n;
      if (x & 1) comparison += n;
      if (WON[x]) won += n;
      if (LOST[x]) lost += n;
    }
    t.best[k] = best;
    t.comparison[k] = comparison;
    t.won[k] = won;
    t.lost[k] = lost;
  }
  return t;
}

/** Per account, its combination of status, best and comparison. */
function combos(c: AccountColumns, m: Masks): Uint8Array {
  const out = new Uint8Array(c.count);
  const { status, count } = c;
  const isBest = m.best;
  const inComparison = m.comparison;
  for (let i = 0; i < count; i++) out[i] = combo(status[i]!, isBest[i]!, inComparison[i]!);
  return out;
}

/** One pass over slot codes (0 unknown). */
function tallySlots(m: Masks, comboOf: Uint8Array, slotOf: Uint32Array, slots: number): Tally {
  const joint = new Uint32Array(slots * COMBOS);
  const count = comboOf.length;
  for (let i = 0; i < count; i++) {
    const at = slotOf[i]! * COMBOS + comboOf[i]!;
    joint[at] = joint[at]! + 1;
  }
  const t = summarize(joint, slots);
  t.bestKnown = m.bestCount - t.best[0]!;
  t.comparisonKnown = m.comparisonCount - t.comparison[0]!;
  return t;
}

/** One pass over the technologies: an account counts once per technology it runs. */
function tallyTechnologies(c: AccountColumns, comboOf: Uint8Array): Tally {
  const slots = c.dictionaries.technologies.length + 1;
  const joint = new Uint32Array(slots * COMBOS);
  const { techOffsets, techValues, count } = c;
  let bestKnown = 0;
  let comparisonKnown = 0;
  for (let i = 0; i < count; i++) {
    const start = techOffsets[i]!;
    const end = techOffsets[i + 1]!;
    if (start === end) continue;
    const x = comboOf[i]!;
    bestKnown += (x >> 1) & 1;
    comparisonKnown += x & 1;
    for (let j = start; j < end; j++) {
      const at = techValues[j]! * COMBOS + x;
      joint[at] = joint[at]! + 1;
    }
  }
  const t = summarize(joint, slots);
  t.bestKnown = bestKnown;
  t.comparisonKnown = comparisonKnown;
  return t;
}

/**
 * Slot per account for numeric bands: band index + 1, 0 for unknown or outside every band (as
 * bandIndex reads it, inlined for speed: a whole part at most max is a value below max + 1). A
 * Uint32Array like the text codes, so the tally loop sees one array type.
 */
function bandSlots(values: Float64Array, count: number, bands: readonly Band[]): Uint32Array {
  const lows = Float64Array.from(bands, (b) => b.min ?? Number.NEGATIVE_INFINITY);
  const ends = Float64Array.from(bands, (b) =>
    b.max === null ? Number.POSITIVE_INFINITY : Math.floor(b.max) + 1,
  );
  const n = bands.length;
  const slots = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    for (let j = 0; j < n; j++) {
      if (v >= lows[j]! && v < ends[j]!) {
        slots[i] = j + 1;
        break;
      }
    }
  }
  return slots;
}

/** The slots of a text dimension worth reporting: seen at all, the most frequent first, capped. */
function topSlots(t: Tally): number[] {
  const slots: number[] = [];
  for (let k = 1; k < t.best.length; k++) if (t.comparison[k]! > 0 || t.best[k]! > 0) slots.push(k);
  slots.sort((x, y) => t.comparison[y]! - t.comparison[x]! || t.best[y]! - t.best[x]! || x - y);
  return slots.slice(0, MAX_VALUES_PER_DIMENSION);
}

type RankedTrait = TraitDto & { strength: number };

function trait(
  dimension: InsightDimension,
  value: string,
  band: Band | null,
  t: Tally,
  k: number,
  minSample: number,
): RankedTrait {
  const best = t.best[k]!;
  const n = t.comparison[k]!;
  const won = t.won[k]!;
  const lost = t.lost[k]!;
  const shareBest = t.bestKnown > 0 ? best / t.bestKnown : 0;
  const shareComparison = t.comparisonKnown > 0 ? n / t.comparisonKnown : 0;
  const { lift, low, high } = liftInterval(best, t.bestKnown, n, t.comparisonKnown);
  const winRate = wilsonInterval(won, won + lost);
  const { label, significant, smallSample, strength } = classifyTrait(
    { lift, low, high, n, best, shareBest },
    { minSample },
  );
  return {
    dimension,
    value,
    band,
    best,
    bestKnown: t.bestKnown,
    n,
    comparisonKnown: t.comparisonKnown,
    shareBest,
    shareComparison,
    lift,
    low,
    high,
    winRate: winRate?.p ?? null,
    winRateLow: winRate?.low ?? null,
    winRateHigh: winRate?.high ?? null,
    significant,
    smallSample,
    label,
    strength,
  };
}

/** Significant traits first, strongest first, then by lift; the rest by lift; then by n. */
function compareTraits(a: RankedTrait, b: RankedTrait): number {
  if (a.significant !== b.significant) return a.significant ? -1 : 1;
  return b.strength - a.strength || b.lift - a.lift || b.n - a.n;
}

/** The warning shown with fewer than 50 or 100 best customers; null from 100 on. */
export function sampleWarning(bestCount: number): string | null {
  if (bestCount < DIRECTIONAL_BEST) {
    return `Only ${bestCount} best customers: too few for a directional answer (aim for ${DIRECTIONAL_BEST}+).`;
  }
  if (bestCount < MEANINGFUL_BEST) {
    return `${bestCount} best customers: directional only; ${MEANINGFUL_BEST}+ makes it meaningful.`;
  }
  return null;
}

/**
 * Compares the best customers with the comparison population value by value (industry, country,
 * region, technologies: at most 50 values each, the most frequent in the comparison) and band by
 * band (employees, revenue: standard bands, or quantile bands of all accounts' values): counts,
 * shares, lift with its 95% interval, the win rate among all accounts with the value, and a label.
 * Values no comparison account and no best customer has are left out. One pass over the columns
 * per dimension. Revenue bands are labelled in `options.currency` (USD when not given).
 */
export function computeInsights(
  c: AccountColumns,
  body: InsightsInput,
  options: { currency?: string } = {},
): Omit<InsightsDto, 'datasetId' | 'revision' | 'computedAt'> {
  const selection = bestCustomerMask(c, body.conditions);
  const comparison = comparisonMask(c, body.comparison);
  let comparisonCount = 0;
  for (let i = 0; i < c.count; i++) comparisonCount += comparison[i]!;
  const m: Masks = { best: selection.mask, comparison, bestCount: selection.count, comparisonCount };
  const comboOf = combos(c, m);

  const ranked: RankedTrait[] = [];
  for (const dimension of INSIGHT_DIMENSIONS) {
    if (dimension === 'employees' || dimension === 'revenue') {
      const values = c[dimension];
      const standard = dimension === 'employees' ? STANDARD_EMPLOYEE_BANDS : STANDARD_REVENUE_BANDS;
      const bands = body.bands === 'quantile' ? quantileBands(values, c.count) : standard;
      const t = tallySlots(m, comboOf, bandSlots(values, c.count, bands), bands.length + 1);
      bands.forEach((band, index) => {
        const k = index + 1;
        if (t.comparison[k] === 0 && t.best[k] === 0) return;
        const value = formatBand(band, dimension === 'employees' ? 'employees' : 'money', options.currency);
        ranked.push(trait(dimension, value, { ...band }, t, k, body.minSample));
      });
      continue;
    }
    const dictionary = c.dictionaries[dimension];
    const t =
      dimension === 'technologies'
        ? tallyTechnologies(c, comboOf)
        : tallySlots(m, comboOf, c[dimension], dictionary.length + 1);
    for (const k of topSlots(t))
      ranked.push(trait(dimension, dictionary[k - 1]!, null, t, k, body.minSample));
  }
  ranked.sort(compareTraits);

  return {
    total: c.count,
    comparisonCount,
    bestCount: selection.count,
    thresholds: selection.thresholds,
    minSample: body.minSample,
    sampleWarning: sampleWarning(selection.count),
    traits: ranked.map(({ strength: _strength, ...dto }) => dto),
  };
}
