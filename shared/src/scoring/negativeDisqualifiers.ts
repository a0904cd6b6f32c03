import type { CanonicalIcp } from '../icp/canonical.js';
import type { ListItem, RangeValue } from '../icp/accessors.js';
import type { Currency } from '../icp/layout.js';
import { bandText } from './compileScoringModel.js';
import type { DisqualifierRule } from './scoringSettings.js';

/** Where an inherited disqualifier comes from: a negative ICP's approved version. */
export interface NegativeSource {
  icpId: string;
  title: string;
  versionId: string;
  versionNumber: number;
}

/**
 * One criterion of a negative ICP ("who we never sell to") as a disqualifier every other ICP of
 * the workspace inherits: a rule when the criterion can be checked on account data, else a manual
 * check (`rule` null) a person makes.
 */
export interface NegativeDisqualifier {
  /** Stable within the source version: `<negative ICP id>:<criterion id or section>`. */
  id: string;
  /** What the negative ICP says, e.g. "Gambling" or "Employees 1–10". */
  text: string;
  rule: DisqualifierRule | null;
  /** The money of a revenue rule (the negative ICP's revenue currency). */
  currency: Currency | null;
  source: NegativeSource;
}

const isList = (value: unknown): value is ListItem[] => Array.isArray(value);
const isRange = (value: unknown): value is RangeValue =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'min' in value;

/**
 * The rule a chip of a negative ICP stands for: `industry is`, `country is` (which reads template
 * groups such as "DACH" or "North America" as the countries they hold), or `uses`.
 */
export function chipRule(
  section: 'industries' | 'geographies' | 'technologies',
  text: string,
): DisqualifierRule {
  switch (section) {
    case 'industries':
      return { field: 'industry', op: 'is', values: [text] };
    case 'geographies':
      return { field: 'country', op: 'is', values: [text] };
    case 'technologies':
      return { field: 'technologies', op: 'uses', values: [text] };
  }
}

const RANGE_LABELS = { employees: 'Employees', revenue: 'Annual revenue' } as const;

/**
 * What a negative ICP's content disqualifies, in page order: each industry, geography and
 * technology chip; the employees and revenue bands (the ideal band; "between" with open ends); and
 * its own disqualifier items (with their rule when they have one, else as manual checks). Its
 * triggers and narrative describe the segment and disqualify nothing.
 */
export function negativeDisqualifiers(
  canonical: CanonicalIcp,
  source: NegativeSource,
): NegativeDisqualifier[] {
  const out: NegativeDisqualifier[] = [];
  const add = (key: string, text: string, rule: DisqualifierRule | null, currency: Currency | null = null) =>
    out.push({ id: `${source.icpId}:${key}`, text, rule, currency, source });
  for (const key of ['industries', 'employees', 'revenue', 'geographies', 'technologies'] as const) {
    const value = canonical.sections[key];
    if (key === 'employees' || key === 'revenue') {
      if (!isRange(value) || (value.min === null && value.max === null)) continue;
      const currency = key === 'revenue' ? (value.currency ?? 'USD') : null;
      const rule: DisqualifierRule = { field: key, op: 'between', min: value.min, max: value.max };
      add(key, `${RANGE_LABELS[key]} ${bandText(value, currency)}`, rule, currency);
      continue;
    }
    if (!isList(value)) continue;
    for (const item of value) {
      const text = item.text.trim().slice(0, 80);
      if (text !== '') add(item.id, text, chipRule(key, text));
    }
  }
  const items = canonical.sections.disqualifiers;
  const revenue = canonical.sections.revenue;
  const currency = isRange(revenue) ? (revenue.currency ?? 'USD') : 'USD';
  for (const item of isList(items) ? items : []) {
    if (item.text.trim() === '') continue;
    const rule = item.rule ?? null;
    add(item.id, item.text, rule, rule?.field === 'revenue' ? currency : null);
  }
  return out;
}
