/**
 * The account fields Bullseye understands, defined once as data: what a CSV column can be mapped
 * to, how its cells are parsed, and which fields the insights compare. The server stores each as a
 * typed column; everything else in a CSV is kept per account as a custom attribute.
 */

/** How the cells of a mapped column are read. */
export type AccountFieldType =
  /** Trimmed text; empty is unknown. */
  | 'text'
  /** A number: `1,200`, `1.2M`, `$5M`, `5 000`, `12%`; empty is unknown, never zero. */
  | 'number'
  /** An ISO date (YYYY-MM-DD) from the usual CRM date formats. */
  | 'date'
  /** One of ACCOUNT_STATUSES, from the usual CRM words (Customer, Closed Won, Closed Lost…). */
  | 'status'
  /** Several values in one cell, split on the mapping's separator (technologies). */
  | 'list';

export const ACCOUNT_STATUSES = ['customer', 'won', 'lost', 'churned', 'prospect'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Statuses of accounts that became customers at some point: the wins of a win rate. */
export const WON_STATUSES: readonly AccountStatus[] = ['customer', 'won', 'churned'];
/** The losses of a win rate. */
export const LOST_STATUSES: readonly AccountStatus[] = ['lost'];

export interface AccountFieldDefinition {
  readonly key: string;
  readonly label: string;
  readonly type: AccountFieldType;
  /** One sentence shown beside the mapping control. */
  readonly help: string;
}

export const ACCOUNT_FIELDS = [
  {
    key: 'externalId',
    label: 'Record ID',
    type: 'text',
    help: 'The CRM id; re-imports update accounts by it.',
  },
  { key: 'name', label: 'Company name', type: 'text', help: 'Shown in lists and exports.' },
  {
    key: 'domain',
    label: 'Domain',
    type: 'text',
    help: 'Website or domain; re-imports match on it when there is no record id.',
  },
  { key: 'industry', label: 'Industry', type: 'text', help: 'Compared value by value in the insights.' },
  {
    key: 'employees',
    label: 'Employees',
    type: 'number',
    help: 'Compared in bands (1–10, 11–50 … or quantiles).',
  },
  {
    key: 'revenue',
    label: 'Annual revenue',
    type: 'number',
    help: 'Compared in bands; the currency column or the default currency says which money.',
  },
  {
    key: 'currency',
    label: 'Currency',
    type: 'text',
    help: 'ISO code of the revenue and money columns (USD, EUR…).',
  },
  {
    key: 'country',
    label: 'Country',
    type: 'text',
    help: 'Compared value by value; matches Geographies criteria.',
  },
  {
    key: 'region',
    label: 'Region',
    type: 'text',
    help: 'State, region or territory; matches Geographies criteria.',
  },
  {
    key: 'technologies',
    label: 'Technologies',
    type: 'list',
    help: 'Several per cell, split on the separator; matches Technologies criteria.',
  },
  {
    key: 'status',
    label: 'Status',
    type: 'status',
    help: 'Customer, won, lost, churned or prospect (lifecycle stage or deal stage).',
  },
  {
    key: 'firstDealAt',
    label: 'First deal date',
    type: 'date',
    help: 'When the account first bought or the deal was created.',
  },
  { key: 'closedAt', label: 'Close date', type: 'date', help: 'When the latest deal closed (won or lost).' },
  { key: 'acv', label: 'ACV / ARR', type: 'number', help: 'Annual contract value or recurring revenue.' },
  {
    key: 'ltv',
    label: 'Lifetime value',
    type: 'number',
    help: 'Total revenue from the account; a common part of "best customers".',
  },
  { key: 'nps', label: 'NPS or CSAT', type: 'number', help: 'Satisfaction score (e.g. NPS −100…100).' },
  {
    key: 'adoption',
    label: 'Product adoption',
    type: 'number',
    help: 'Any adoption measure (active users, usage %, health score).',
  },
] as const satisfies readonly AccountFieldDefinition[];

export type AccountFieldKey = (typeof ACCOUNT_FIELDS)[number]['key'];
export const ACCOUNT_FIELD_KEYS = ACCOUNT_FIELDS.map((f) => f.key) as AccountFieldKey[];

/** Fields holding numbers: the ones a best-customer filter can threshold or take the top of. */
export const NUMERIC_FIELDS = ['employees', 'revenue', 'acv', 'ltv', 'nps', 'adoption'] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];

/** Text fields a best-customer filter can match by value. */
export const CATEGORY_FIELDS = ['status', 'industry', 'country', 'region'] as const;
export type CategoryField = (typeof CATEGORY_FIELDS)[number];

/**
 * What the insights compare, value by value (text) or band by band (numbers). `technologies` counts
 * an account once per technology it runs.
 */
export const INSIGHT_DIMENSIONS = [
  'industry',
  'employees',
  'revenue',
  'country',
  'region',
  'technologies',
] as const;
export type InsightDimension = (typeof INSIGHT_DIMENSIONS)[number];

/** The ICP section a trait of each dimension becomes when added as a criterion. */
export const DIMENSION_SECTION: Record<
  InsightDimension,
  'industries' | 'employees' | 'revenue' | 'geographies' | 'technologies'
> = {
  industry: 'industries',
  employees: 'employees',
  revenue: 'revenue',
  country: 'geographies',
  region: 'geographies',
  technologies: 'technologies',
};

export function accountFieldOf(key: AccountFieldKey): AccountFieldDefinition {
  return ACCOUNT_FIELDS.find((f) => f.key === key)!;
}
