import type { CanonicalIcp } from '../icp/canonical.js';
import type { ListItem, RangeValue } from '../icp/accessors.js';
import { sectionOf, type Currency } from '../icp/layout.js';
import { canonicalStringify } from '../icp/canonical.js';
import { sha256HexOf } from '../icp/canonicalHash.js';
import type { Evidence } from '../validation/datasets.js';
import type { NegativeDisqualifier } from './negativeDisqualifiers.js';
import { importanceIn, thresholdsIn } from '../icp/scoringFields.js';
import {
  RULE_FIELD_LABELS,
  importanceWeight,
  type DisqualifierRule,
  type GradeThresholds,
  type Importance,
  type ScoringBand,
} from './scoringSettings.js';

/** The model format; a change to how models compile or score bumps it (and so every hash). */
export const SCORING_MODEL_FORMAT = 1;

/** One accepted value of a list criterion, with the evidence it was added with. */
export interface ModelChoice {
  text: string;
  evidence?: Evidence;
}

interface CriterionBase {
  label: string;
  importance: Importance;
  weight: number;
  /** The rule in words, e.g. "Industry is Fintech or Insurance". */
  rule: string;
}

/** Industries, geographies, technologies: the account matches when it has one of the values. */
export interface ListCriterion extends CriterionBase {
  key: 'industries' | 'geographies' | 'technologies';
  kind: 'list';
  values: ModelChoice[];
}

/** Company size or revenue: full points in the ideal band, half in the acceptable band. */
export interface RangeCriterion extends CriterionBase {
  key: 'employees' | 'revenue';
  kind: 'range';
  ideal: ScoringBand;
  acceptable: ScoringBand | null;
  /** The money of a revenue criterion; an account in another currency is unknown, not a miss. */
  currency: Currency | null;
  evidence?: Evidence;
}

export type ModelCriterion = ListCriterion | RangeCriterion;

export interface ModelDisqualifier {
  id: string;
  text: string;
  rule: DisqualifierRule;
  /** The rule in words, e.g. "Employees below 10". */
  ruleText: string;
  evidence?: Evidence;
}

/**
 * A scoring model: everything needed to score an account, compiled from one canonical JSON (a
 * version or the draft). `hash` is SHA-256 of the model without its evidence (what decides a
 * score), so equal content gives an equal hash on every replica, browser and server alike.
 */
export interface ScoringModel {
  format: number;
  hash: string;
  thresholds: GradeThresholds;
  /**
   * The ICP's revenue currency (its revenue range's, USD by default), also when the range is empty:
   * revenue rules compare in it, and an account's revenue in another currency is unknown.
   */
  revenueCurrency: Currency;
  /** Criteria with a value to test, in page order; weight-0 criteria are listed but earn nothing. */
  criteria: ModelCriterion[];
  /** Structured disqualifiers: a match is grade D with the reason. */
  disqualifiers: ModelDisqualifier[];
  /** Free-text disqualifiers: a person checks them; never scored. */
  manualChecks: { id: string; text: string }[];
}

const LIST_FIELDS = {
  industries: 'Industry',
  geographies: 'Geography',
  technologies: 'Technologies',
} as const;

function joinOr(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? '';
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

const numberText = (value: number): string => value.toLocaleString('en-US');

/** "200–1,000", "at least 200", "at most 1,000"; money with its currency. */
export function bandText(band: ScoringBand, currency: string | null): string {
  const money = (value: number) => (currency ? `${numberText(value)} ${currency}` : numberText(value));
  if (band.min !== null && band.max !== null) return `${numberText(band.min)}–${money(band.max)}`;
  if (band.min !== null) return `at least ${money(band.min)}`;
  if (band.max !== null) return `at most ${money(band.max)}`;
  return 'any';
}

/** A disqualifier rule in words; revenue rules name the ICP's revenue currency. */
export function ruleText(rule: DisqualifierRule, currency: string | null = null): string {
  const field = RULE_FIELD_LABELS[rule.field];
  const unit = rule.field === 'revenue' && currency ? ` ${currency}` : '';
  switch (rule.op) {
    case 'is':
      return `${field} is ${joinOr(rule.values)}`;
    case 'uses':
      return `Uses ${joinOr(rule.values)}`;
    case 'below':
      return `${field} below ${numberText(rule.value)}${unit}`;
    case 'above':
      return `${field} above ${numberText(rule.value)}${unit}`;
    case 'between':
      return `${field} ${bandText({ min: rule.min, max: rule.max }, unit ? currency : null)}`;
  }
}

/**
 * The rule a disqualifier added from the insights stands for, read from its evidence (the value or
 * band the data pointed at), when nobody wrote one.
 */
function ruleFromEvidence(evidence: Evidence | undefined): DisqualifierRule | undefined {
  if (!evidence) return undefined;
  switch (evidence.dimension) {
    case 'industry':
    case 'country':
    case 'region':
      return { field: evidence.dimension, op: 'is', values: [evidence.value.slice(0, 80)] };
    case 'technologies':
      return { field: 'technologies', op: 'uses', values: [evidence.value.slice(0, 80)] };
    case 'employees':
    case 'revenue': {
      const band = evidence.band;
      if (!band || (band.min === null && band.max === null)) return undefined;
      return { field: evidence.dimension, op: 'between', min: band.min, max: band.max };
    }
  }
}

function listCriterion(
  key: ListCriterion['key'],
  items: readonly ListItem[],
  importance: Importance,
): ListCriterion | null {
  const values = items
    .filter((item) => item.text.trim() !== '')
    .map((item): ModelChoice =>
      item.evidence ? { text: item.text, evidence: item.evidence } : { text: item.text },
    );
  if (values.length === 0) return null;
  const texts = values.map((v) => v.text);
  const rule = key === 'technologies' ? `Uses ${joinOr(texts)}` : `${LIST_FIELDS[key]} is ${joinOr(texts)}`;
  return {
    key,
    kind: 'list',
    label: sectionOf(key).title,
    importance,
    weight: importanceWeight(importance),
    rule,
    values,
  };
}

function rangeCriterion(
  key: RangeCriterion['key'],
  range: RangeValue,
  importance: Importance,
): RangeCriterion | null {
  if (range.min === null && range.max === null) return null;
  const currency = sectionOf(key).unit === 'money' ? (range.currency ?? 'USD') : null;
  const ideal = { min: range.min, max: range.max };
  // An acceptable band always holds the ideal one (documents edited by foreign clients included).
  const acceptable = range.acceptable
    ? {
        min:
          range.acceptable.min === null || ideal.min === null
            ? null
            : Math.min(range.acceptable.min, ideal.min),
        max:
          range.acceptable.max === null || ideal.max === null
            ? null
            : Math.max(range.acceptable.max, ideal.max),
      }
    : null;
  const label = sectionOf(key).title;
  const field = key === 'employees' ? 'Employees' : 'Annual revenue';
  let rule = `${field} ${bandText(ideal, currency)}`;
  if (acceptable) rule += ` (acceptable ${bandText(acceptable, currency)})`;
  const criterion: RangeCriterion = {
    key,
    kind: 'range',
    label,
    importance,
    weight: importanceWeight(importance),
    rule,
    ideal,
    acceptable,
    currency,
  };
  if (range.evidence) criterion.evidence = range.evidence;
  return criterion;
}

const isList = (value: unknown): value is ListItem[] => Array.isArray(value);
const isRange = (value: unknown): value is RangeValue =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'min' in value;

/** The evidence dimensions whose value a chip also matches (see `prepare` in scoreAccount.ts). */
const MATCHED_DIMENSIONS: Record<ListCriterion['key'], readonly Evidence['dimension'][]> = {
  industries: ['industry'],
  geographies: ['country', 'region'],
  technologies: ['technologies'],
};

/**
 * Removes evidence (at any depth of the criteria) for the hash, but for what of it decides a score:
 * the value a chip's evidence names, which the scorer matches too (a chip added from the data as
 * "Fintech", then renamed, still matches Fintech accounts).
 */
function withoutEvidence<T extends object>(value: T): T {
  const { evidence: _evidence, ...rest } = value as T & { evidence?: unknown };
  if ('kind' in rest && rest.kind === 'list') {
    const criterion = rest as unknown as ListCriterion;
    const values = criterion.values.map(({ text, evidence }) =>
      evidence && MATCHED_DIMENSIONS[criterion.key].includes(evidence.dimension)
        ? { text, alsoMatches: { dimension: evidence.dimension, value: evidence.value } }
        : { text },
    );
    return { ...rest, values } as T;
  }
  return rest as T;
}

/**
 * Compiles the scoring model of an ICP's canonical JSON (a version's stored canonical text, or the
 * draft's projection) with what the workspace's negative ICPs disqualify (`inherited`, from their
 * approved versions): deterministic, so the same content gives the same model and hash anywhere.
 */
export function compileScoringModel(
  canonical: CanonicalIcp,
  inherited: readonly NegativeDisqualifier[] = [],
): ScoringModel {
  const settings = canonical.scoring;
  const criteria: ModelCriterion[] = [];
  for (const key of ['industries', 'employees', 'revenue', 'geographies', 'technologies'] as const) {
    const value = canonical.sections[key];
    const importance = importanceIn(settings, key);
    const criterion =
      key === 'employees' || key === 'revenue'
        ? isRange(value)
          ? rangeCriterion(key, value, importance)
          : null
        : isList(value)
          ? listCriterion(key, value, importance)
          : null;
    if (criterion) criteria.push(criterion);
  }
  const revenueRange = canonical.sections.revenue;
  const revenueCurrency: Currency = (isRange(revenueRange) ? revenueRange.currency : undefined) ?? 'USD';
  const disqualifiers: ModelDisqualifier[] = [];
  const manualChecks: ScoringModel['manualChecks'] = [];
  const items = canonical.sections.disqualifiers;
  for (const item of isList(items) ? items : []) {
    const rule = item.rule ?? ruleFromEvidence(item.evidence);
    if (!rule) {
      if (item.text.trim() !== '') manualChecks.push({ id: item.id, text: item.text });
      continue;
    }
    const disqualifier: ModelDisqualifier = {
      id: item.id,
      text: item.text,
      rule,
      ruleText: ruleText(rule, revenueCurrency),
    };
    if (item.evidence) disqualifier.evidence = item.evidence;
    disqualifiers.push(disqualifier);
  }
  // A negative ICP's criteria disqualify here too, named after it. A revenue band in another
  // currency cannot be compared with this ICP's accounts: a person checks it.
  for (const negative of inherited) {
    const text = `Never sell to (${negative.source.title}): ${negative.text}`;
    const rule = negative.rule;
    if (!rule || (rule.field === 'revenue' && negative.currency !== revenueCurrency)) {
      manualChecks.push({ id: negative.id, text });
      continue;
    }
    disqualifiers.push({ id: negative.id, text, rule, ruleText: ruleText(rule, revenueCurrency) });
  }
  const body = {
    format: SCORING_MODEL_FORMAT,
    thresholds: thresholdsIn(settings),
    revenueCurrency,
    criteria,
    disqualifiers,
    manualChecks,
  };
  const hash = sha256HexOf(
    canonicalStringify({
      ...body,
      criteria: criteria.map(withoutEvidence),
      disqualifiers: disqualifiers.map(withoutEvidence),
    }),
  );
  return { ...body, hash };
}
