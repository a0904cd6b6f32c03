import { type BestCustomerCondition, type Comparison } from '../validation/datasets.js';
import { dictionaryKey, dictionaryMatches, type AccountColumns } from './accountColumns.js';
import { selectKth } from './bands.js';
import { ACCOUNT_STATUSES, LOST_STATUSES, WON_STATUSES } from './fields.js';

type PercentileCondition = Extract<BestCustomerCondition, { op: 'top' | 'bottom' }>;
type PlainCondition = Exclude<BestCustomerCondition, PercentileCondition>;

const isPercentile = (condition: BestCustomerCondition): condition is PercentileCondition =>
  condition.op === 'top' || condition.op === 'bottom';

/** A lookup table over status codes (0 unknown, index in ACCOUNT_STATUSES + 1). */
function statusTable(statuses: Iterable<string>): Uint8Array {
  const keys = new Set([...statuses].map(dictionaryKey));
  const table = new Uint8Array(ACCOUNT_STATUSES.length + 1);
  ACCOUNT_STATUSES.forEach((status, i) => {
    if (keys.has(status)) table[i + 1] = 1;
  });
  return table;
}

/** Clears `mask` where the account fails `condition` (unknown values never pass). */
function applyCondition(c: AccountColumns, condition: PlainCondition, mask: Uint8Array): void {
  const n = c.count;
  if (condition.op === 'in') {
    const table =
      condition.field === 'status'
        ? statusTable(condition.values)
        : dictionaryMatches(c.dictionaries[condition.field], condition.values);
    const codes = c[condition.field];
    for (let i = 0; i < n; i++) mask[i] = mask[i]! & table[codes[i]!]!;
    return;
  }
  const values = c[condition.field];
  const limit = condition.value;
  if (condition.op === 'atLeast') {
    for (let i = 0; i < n; i++) if (!(values[i]! >= limit)) mask[i] = 0;
  } else {
    for (let i = 0; i < n; i++) if (!(values[i]! <= limit)) mask[i] = 0;
  }
}

/**
 * The value a percentile condition keeps from: among the accounts of `base` with a known value,
 * the one at rank ceil(known · percent / 100) from the top (or the bottom); null without any.
 */
function percentileThreshold(
  c: AccountColumns,
  condition: PercentileCondition,
  base: Uint8Array,
): number | null {
  const values = c[condition.field];
  let m = 0;
  for (let i = 0; i < c.count; i++) if (base[i] && !Number.isNaN(values[i]!)) m++;
  if (m === 0) return null;
  const known = new Float64Array(m);
  m = 0;
  for (let i = 0; i < c.count; i++) {
    const v = values[i]!;
    if (base[i] && !Number.isNaN(v)) known[m++] = v;
  }
  const rank = Math.min(m, Math.max(1, Math.ceil((m * condition.percent) / 100)));
  return selectKth(known, condition.op === 'top' ? m - rank : rank - 1);
}

/**
 * The best customers of a definition: 1 in `mask` for each account meeting every condition (AND).
 * 'in' matches status and dictionary values ignoring case; 'atLeast' and 'atMost' compare numbers;
 * unknown values never match. A 'top' (or 'bottom') condition keeps the accounts whose value is at
 * least (at most) the value at rank ceil(known · percent / 100) from the top (bottom), ties at the
 * threshold included, where known counts the accounts meeting every NON-percentile condition with
 * a known value for the field. With several percentile conditions, each threshold is computed
 * against that same set (not against each other's survivors), so their order does not matter.
 * `thresholds[i]` is the value condition i resolved to; null for other conditions, and for a
 * percentile condition no account has a value for (nobody is then kept).
 */
export function bestCustomerMask(
  c: AccountColumns,
  conditions: readonly BestCustomerCondition[],
): { mask: Uint8Array; count: number; thresholds: (number | null)[] } {
  const n = c.count;
  const base = new Uint8Array(n).fill(1);
  for (const condition of conditions) if (!isPercentile(condition)) applyCondition(c, condition, base);

  const thresholds = conditions.map((condition) =>
    isPercentile(condition) ? percentileThreshold(c, condition, base) : null,
  );
  const mask = thresholds.some((t) => t !== null) ? base.slice() : base;
  conditions.forEach((condition, index) => {
    if (!isPercentile(condition)) return;
    const threshold = thresholds[index];
    if (threshold === null || threshold === undefined) {
      mask.fill(0);
      return;
    }
    const values = c[condition.field];
    if (condition.op === 'top') {
      for (let i = 0; i < n; i++) if (!(values[i]! >= threshold)) mask[i] = 0;
    } else {
      for (let i = 0; i < n; i++) if (!(values[i]! <= threshold)) mask[i] = 0;
    }
  });

  let count = 0;
  for (let i = 0; i < n; i++) count += mask[i]!;
  return { mask, count, thresholds };
}

/**
 * The comparison population: 1 for every account ('all'), or for accounts whose status is won or
 * lost ('wonLost': WON_STATUSES and LOST_STATUSES).
 */
export function comparisonMask(c: AccountColumns, comparison: Comparison): Uint8Array {
  if (comparison === 'all') return new Uint8Array(c.count).fill(1);
  const table = statusTable([...WON_STATUSES, ...LOST_STATUSES]);
  const mask = new Uint8Array(c.count);
  for (let i = 0; i < c.count; i++) mask[i] = table[c.status[i]!]!;
  return mask;
}

/** How each field reads in a sentence. */
const FIELD_WORDS: Record<BestCustomerCondition['field'], string> = {
  status: 'status',
  industry: 'industry',
  country: 'country',
  region: 'region',
  employees: 'employees',
  revenue: 'revenue',
  acv: 'ACV',
  ltv: 'LTV',
  nps: 'NPS',
  adoption: 'adoption',
};

const COMPARISON_WORDS: Record<Comparison, string> = {
  all: 'compared with all accounts',
  wonLost: 'compared with won and lost accounts',
};

const numberWords = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "a", "a or b", "a, b or c". */
function orList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function conditionWords(condition: BestCustomerCondition): string {
  const field = FIELD_WORDS[condition.field];
  switch (condition.op) {
    case 'in':
      return `${field} is ${orList(condition.values)}`;
    case 'atLeast':
      return `${field} at least ${numberWords.format(condition.value)}`;
    case 'atMost':
      return `${field} at most ${numberWords.format(condition.value)}`;
    case 'top':
    case 'bottom':
      return `${field} in the ${condition.op} ${numberWords.format(condition.percent)}%`;
  }
}

/** Evidence keeps the definition in at most this many characters. */
const MAX_DESCRIPTION = 500;

/**
 * A best-customer definition in words, e.g. "status is customer · LTV in the top 25% · NPS at
 * least 50 (compared with all accounts)"; "every account" without conditions. Cut with "…" to
 * fit the 500 characters evidence keeps, the comparison always shown.
 */
export function describeBestCustomers(
  conditions: readonly BestCustomerCondition[],
  comparison: Comparison,
): string {
  const suffix = ` (${COMPARISON_WORDS[comparison]})`;
  let words = conditions.length === 0 ? 'every account' : conditions.map(conditionWords).join(' · ');
  const room = MAX_DESCRIPTION - suffix.length;
  if (words.length > room) words = `${words.slice(0, room - 1).trimEnd()}…`;
  return `${words}${suffix}`;
}
