import { type Band } from '../validation/datasets.js';

/** Company size bands practitioners use: 1–10, 11–50, 51–200, 201–1,000, 1,001–5,000, 5,001+. */
export const STANDARD_EMPLOYEE_BANDS: readonly Band[] = [
  { min: 1, max: 10 },
  { min: 11, max: 50 },
  { min: 51, max: 200 },
  { min: 201, max: 1_000 },
  { min: 1_001, max: 5_000 },
  { min: 5_001, max: null },
];

/** Annual revenue bands: under 1M, 1M–10M, 10M–50M, 50M–100M, 100M–500M, 500M–1B, 1B+. */
export const STANDARD_REVENUE_BANDS: readonly Band[] = [
  { min: null, max: 999_999 },
  { min: 1_000_000, max: 9_999_999 },
  { min: 10_000_000, max: 49_999_999 },
  { min: 50_000_000, max: 99_999_999 },
  { min: 100_000_000, max: 499_999_999 },
  { min: 500_000_000, max: 999_999_999 },
  { min: 1_000_000_000, max: null },
];

/**
 * Whether `value` is in `band`. Bands have whole-number ends, both inclusive, null for open: a value
 * belongs when its whole part lies within the ends (so 10.5 employees is in 1–10, and bands meeting
 * at consecutive integers leave no gap). Never for NaN.
 */
export function inBand(value: number, band: Band): boolean {
  if (Number.isNaN(value)) return false;
  return (band.min === null || value >= band.min) && (band.max === null || Math.floor(value) <= band.max);
}

/** The index of the band holding `value`, or -1 (NaN, or outside every band). */
export function bandIndex(value: number, bands: readonly Band[]): number {
  for (let i = 0; i < bands.length; i++) {
    if (inBand(value, bands[i]!)) return i;
  }
  return -1;
}

/**
 * Rearranges `values[left..right]` so that `values[k]` is the value a sort would put there, with
 * nothing larger before it and nothing smaller after it, and returns it (quickselect: linear time,
 * no allocation). `values` must hold no NaN.
 */
export function selectKth(values: Float64Array, k: number, left = 0, right = values.length - 1): number {
  const a = values;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as the pivot, so sorted input stays linear.
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** `value` rounded to two significant digits, then to a whole number: 1,234 → 1,200, 56.7 → 57. */
export function niceNumber(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Math.round(Number(value.toPrecision(2)));
}

/**
 * `k` bands holding about as many accounts each, from the quantiles of the first `count` values
 * (NaN ignored): edges rounded to two significant digits, duplicates and edges that would leave an
 * end band empty dropped, so fewer bands come back when the values are few or clumped. The first
 * band has no min and the last no max, so every value falls in one. No known value: one open band.
 */
export function quantileBands(values: Float64Array, count: number, k = 5): Band[] {
  const known = new Float64Array(count);
  let m = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) known[m++] = v;
  }
  if (m === 0) return [{ min: null, max: null }];
  const sorted = known.subarray(0, m);

  // Quantiles in increasing rank, each selected to the right of the previous one.
  const edges: number[] = [];
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const v = sorted[i]!;
    if (v < lowest) lowest = v;
    if (v > highest) highest = v;
  }
  let from = 0;
  for (let j = 1; j < k; j++) {
    const rank = Math.min(m - 1, Math.floor((j * m) / k));
    const q = selectKth(sorted, rank, from, m - 1);
    from = rank;
    const edge = niceNumber(q);
    const previous = edges.length > 0 ? edges[edges.length - 1]! : Number.NEGATIVE_INFINITY;
    // An edge at or below the lowest value leaves the first band empty; above the highest, the last.
    if (edge > previous && edge > lowest && edge <= highest) edges.push(edge);
  }

  const bands: Band[] = [];
  let min: number | null = null;
  for (const edge of edges) {
    bands.push({ min, max: edge - 1 });
    min = edge;
  }
  bands.push({ min, max: null });
  return bands;
}

const CURRENCY_SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const UNITS = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
] as const;

/** A short amount of money: $1.5M, $200K, $1B, €950, SEK 2.5M (symbol for USD, EUR and GBP). */
export function formatMoney(amount: number, currency = 'USD'): string {
  const symbol = CURRENCY_SYMBOLS[currency.toUpperCase()];
  const prefix = symbol ?? `${currency.toUpperCase()} `;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  let text = grouped.format(abs);
  for (let u = 0; u < UNITS.length; u++) {
    const [size, unit] = UNITS[u]!;
    if (abs < size) continue;
    const rounded = Math.round((abs / size) * 10) / 10;
    // 999,950 rounds to 1000K: that is 1M.
    text = rounded >= 1000 && u > 0 ? `1${UNITS[u - 1]![1]}` : `${rounded}${unit}`;
    break;
  }
  return `${sign}${prefix}${text}`;
}

/**
 * A band in words: "51–200 employees", "5,001+ employees", "up to 10 employees", "$10M–$50M",
 * "$1B+", "under $1M". Money bands show their upper end as the next round amount (max + 1) when
 * that is a whole thousand, as the standard bands are written.
 */
export function formatBand(band: Band, unit: 'employees' | 'money', currency?: string): string {
  if (unit === 'employees') {
    const f = (n: number) => grouped.format(n);
    if (band.min !== null && band.max !== null) {
      return band.min === band.max ? `${f(band.min)} employees` : `${f(band.min)}–${f(band.max)} employees`;
    }
    if (band.min !== null) return `${f(band.min)}+ employees`;
    if (band.max !== null) return `up to ${f(band.max)} employees`;
    return 'any number of employees';
  }
  const f = (n: number) => formatMoney(n, currency);
  const roundEnd = band.max !== null && (band.max + 1) % 1000 === 0;
  const upper = band.max === null ? '' : f(roundEnd ? band.max + 1 : band.max);
  if (band.min !== null && band.max !== null) return `${f(band.min)}–${upper}`;
  if (band.min !== null) return `${f(band.min)}+`;
  if (band.max !== null) return roundEnd ? `under ${upper}` : `up to ${upper}`;
  return 'any amount';
}
