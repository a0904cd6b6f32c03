import type {
  BestCustomerCondition,
  Comparison,
  InsightDimension,
  NumericField,
  CategoryField,
} from '@bullseye/shared';

/**
 * Words and numbers of the customer-data insights, in one place so the panel, the evidence beside
 * each criterion and the read-only version say the same thing the same way.
 */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** "5,000". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** "38%", "<1%" for a share above zero that rounds to nothing, "100%". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '—';
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** A lift with the precision it deserves: "0.45×" below 1, "2.1×", "14×". */
export function formatLift(lift: number): string {
  return `${liftNumber(lift)}×`;
}

function liftNumber(lift: number): string {
  if (!Number.isFinite(lift)) return '∞';
  if (lift >= 99.5) return '99+';
  if (lift >= 10) return integer.format(lift);
  if (lift >= 1) return lift.toFixed(1);
  return String(Number(lift.toFixed(2)));
}

/** "1.6–2.7": a 95% interval of a lift. */
export function formatInterval(low: number, high: number): string {
  return `${liftNumber(low)}–${liftNumber(high)}`;
}

/** "2.1× (1.6–2.7)". */
export function formatLiftWithInterval(lift: number, low: number, high: number): string {
  return `${formatLift(lift)} (${formatInterval(low, high)})`;
}

/** Names of the fields a best-customer condition can test, as people say them. */
export const CONDITION_FIELD_LABEL: Record<CategoryField | NumericField, string> = {
  status: 'Status',
  industry: 'Industry',
  country: 'Country',
  region: 'Region',
  employees: 'Employees',
  revenue: 'Annual revenue',
  acv: 'ACV',
  ltv: 'LTV',
  nps: 'NPS',
  adoption: 'Adoption',
};

/** The field inside a sentence: "status", "LTV". */
function fieldInSentence(field: CategoryField | NumericField): string {
  const label = CONDITION_FIELD_LABEL[field];
  return label === label.toUpperCase() ? label : label.toLowerCase();
}

/** Money fields read as compact amounts ("48.2K"), the others as plain numbers ("50", "1,200"). */
const MONEY_FIELDS: readonly NumericField[] = ['revenue', 'acv', 'ltv'];

export function formatFieldValue(field: NumericField, value: number): string {
  return MONEY_FIELDS.includes(field) && Math.abs(value) >= 10_000
    ? compact.format(value)
    : decimal.format(value);
}

/** "status is customer or won", "LTV in the top 25%", "NPS at least 50". */
export function describeCondition(condition: BestCustomerCondition): string {
  const field = fieldInSentence(condition.field);
  switch (condition.op) {
    case 'in':
      return `${field} is ${condition.values.join(' or ')}`;
    case 'atLeast':
      return `${field} at least ${formatFieldValue(condition.field, condition.value)}`;
    case 'atMost':
      return `${field} at most ${formatFieldValue(condition.field, condition.value)}`;
    case 'top':
      return `${field} in the top ${decimal.format(condition.percent)}%`;
    case 'bottom':
      return `${field} in the bottom ${decimal.format(condition.percent)}%`;
  }
}

/**
 * The conditions of a best-customer definition in words, e.g. "status is customer · LTV in the top
 * 25% · NPS at least 50"; "every account" without conditions (the panel shows the comparison beside
 * it; evidence records `describeBestCustomers` from shared, comparison included).
 */
export function definitionWords(conditions: readonly BestCustomerCondition[]): string {
  if (conditions.length === 0) return 'every account';
  return conditions.map(describeCondition).join(' · ');
}

/** "all accounts", "accounts with a won or lost deal". */
export function comparisonLabel(comparison: Comparison): string {
  return comparison === 'wonLost' ? 'accounts with a won or lost deal' : 'all accounts';
}

/** The dimension of a trait, as a column heading or a prefix: "Industry", "Company size". */
export const DIMENSION_LABEL: Record<InsightDimension, string> = {
  industry: 'Industry',
  employees: 'Company size',
  revenue: 'Annual revenue',
  country: 'Country',
  region: 'Region',
  technologies: 'Technology',
};

/** The ICP sections a trait can become, as the "Add … to …" buttons name them. */
export const SECTION_LABEL = {
  industries: 'Industries',
  employees: 'Company size',
  revenue: 'Annual revenue',
  geographies: 'Geographies',
  technologies: 'Technologies',
  disqualifiers: 'Disqualifiers',
} as const;
