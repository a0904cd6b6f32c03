import { dictionaryKey } from '../accounts/accountColumns.js';
import { geographyCountries } from '../accounts/profileMatch.js';
import type { Evidence } from '../validation/datasets.js';
import {
  bandText,
  type ModelCriterion,
  type ModelDisqualifier,
  type ScoringModel,
} from './compileScoringModel.js';
import {
  gradeOf,
  type DisqualifierRule,
  type Grade,
  type Importance,
  type ScoringBand,
} from './scoringSettings.js';

/**
 * What scoring reads of an account; every field may be missing or null (unknown). Text compares
 * ignoring case and surrounding spaces; countries also by their usual codes and aliases.
 */
export interface ScoringAccount {
  industry?: string | null;
  country?: string | null;
  region?: string | null;
  employees?: number | null;
  revenue?: number | null;
  /** ISO code of `revenue`; when it differs from the ICP's revenue currency, revenue is unknown. */
  currency?: string | null;
  technologies?: readonly string[] | null;
}

/** How one criterion went for one account. */
export type CriterionOutcome = 'match' | 'ideal' | 'acceptable' | 'miss' | 'unknown';

export interface CriterionScore {
  key: ModelCriterion['key'];
  label: string;
  importance: Importance;
  weight: number;
  outcome: CriterionOutcome;
  /** The account's value as read, e.g. "Fintech", "250", "Salesforce, HubSpot"; null when unknown. */
  value: string | null;
  /** What it matched: the criterion's value or band; null on a miss or unknown. */
  matched: string | null;
  rule: string;
  /**
   * Points of the 0–100 score this criterion earned, and could earn; null and 0 when unknown. A
   * disqualified account earns 0 on every line (its outcomes still say what matched).
   */
  points: number | null;
  maxPoints: number;
  /** Why an answer is unknown when the value was given (another currency). */
  note?: string;
  /** The evidence of what matched (or of the criterion), when it was added from the data. */
  evidence?: Evidence;
}

export interface ScoreResult {
  /** 0–100; null when no weighed criterion had data (nothing to score on). */
  score: number | null;
  grade: Grade | null;
  /** Share of the criteria's weight that had data for this account, 0–1. */
  confidence: number;
  /** The structured disqualifier that matched (score 0, grade D), if any. */
  disqualifiedBy: { id: string; text: string; rule: string; value: string; evidence?: Evidence } | null;
  /** A must-have that was missed keeps the score below grade B. */
  cappedBy: { key: ModelCriterion['key']; label: string } | null;
  criteria: CriterionScore[];
  /** Disqualifiers a person has to check (free text). */
  manualChecks: string[];
}

/** A compiled scorer; create it once per model and score any number of accounts with it. */
export interface Scorer {
  readonly model: ScoringModel;
  /** The full answer with its explanation. */
  score(account: ScoringAccount): ScoreResult;
  /** Only the score: 0–100, or -1 when nothing could be scored; builds no explanation. */
  scoreOnly(account: ScoringAccount): number;
}

const NUMBER = new Intl.NumberFormat('en-US');

/**
 * A number as en-US writes it ("1,234,567", "2.5"): whole numbers grouped by hand (Intl costs about
 * a microsecond a call, too much for 10,000 explanations a request), the rest through Intl.
 */
export function formatNumber(value: number): string {
  if (!Number.isSafeInteger(value)) return NUMBER.format(value);
  const digits = String(Math.abs(value));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const part = digits.slice(Math.max(0, end - 3), end);
    out = out === '' ? part : `${part},${out}`;
  }
  return value < 0 ? `-${out}` : out;
}
const round1 = (x: number): number => Math.round(x * 10) / 10;

const known = (text: string | null | undefined): text is string =>
  typeof text === 'string' && text.trim() !== '';
const knownNumber = (n: number | null | undefined): n is number =>
  typeof n === 'number' && Number.isFinite(n);

function inBand(value: number, band: ScoringBand): boolean {
  return (band.min === null || value >= band.min) && (band.max === null || value <= band.max);
}

/** One criterion, ready to test: lookup sets built once. */
interface Prepared {
  criterion: ModelCriterion;
  /** Lowercased keys → index of the model value they stand for. */
  keys: Map<string, number>;
  /** Geographies: region keys (a chip may be a region too). */
  regionKeys: Map<string, number>;
}

function addKey(keys: Map<string, number>, text: string, index: number): void {
  const key = dictionaryKey(text);
  if (key !== '' && !keys.has(key)) keys.set(key, index);
}

function prepare(criterion: ModelCriterion): Prepared {
  const keys = new Map<string, number>();
  const regionKeys = new Map<string, number>();
  if (criterion.kind === 'list') {
    criterion.values.forEach((choice, index) => {
      const evidence = choice.evidence;
      if (criterion.key === 'geographies') {
        for (const country of geographyCountries(choice.text)) addKey(keys, country, index);
        addKey(regionKeys, choice.text, index);
        if (evidence?.dimension === 'country') addKey(keys, evidence.value, index);
        if (evidence?.dimension === 'region') addKey(regionKeys, evidence.value, index);
      } else {
        addKey(keys, choice.text, index);
        const dimension = criterion.key === 'industries' ? 'industry' : 'technologies';
        if (evidence?.dimension === dimension) addKey(keys, evidence.value, index);
      }
    });
  }
  return { criterion, keys, regionKeys };
}

interface PreparedRule {
  disqualifier: ModelDisqualifier;
  keys: Set<string>;
}

const RULE_TEXT_OF = {
  industry: (a: ScoringAccount) => a.industry,
  country: (a: ScoringAccount) => a.country,
  region: (a: ScoringAccount) => a.region,
} as const;

function ruleKeys(rule: DisqualifierRule): Set<string> {
  const keys = new Set<string>();
  if (rule.op === 'is' || rule.op === 'uses') {
    for (const value of rule.values) {
      for (const text of rule.field === 'country' ? geographyCountries(value) : [value]) {
        keys.add(dictionaryKey(text));
      }
    }
  }
  return keys;
}

/**
 * Whether a rule applies to an account: the account value it matched, or null (no match, or the
 * value is unknown: an unknown value never disqualifies).
 */
function ruleMatch(prepared: PreparedRule, account: ScoringAccount, currency: string | null): string | null {
  const { rule } = prepared.disqualifier;
  switch (rule.op) {
    case 'is': {
      const value = RULE_TEXT_OF[rule.field](account);
      return known(value) && prepared.keys.has(dictionaryKey(value)) ? value.trim() : null;
    }
    case 'uses': {
      for (const tech of account.technologies ?? []) {
        if (known(tech) && prepared.keys.has(dictionaryKey(tech))) return tech.trim();
      }
      return null;
    }
    default: {
      const value = rule.field === 'employees' ? account.employees : account.revenue;
      if (!knownNumber(value)) return null;
      if (
        rule.field === 'revenue' &&
        currency &&
        known(account.currency) &&
        account.currency.trim().toUpperCase() !== currency
      ) {
        return null;
      }
      const applies =
        rule.op === 'between'
          ? inBand(value, rule)
          : rule.op === 'below'
            ? value < rule.value
            : value > rule.value;
      return applies ? formatNumber(value) : null;
    }
  }
}

/** Result of testing one criterion: outcome code and what it matched (index, or band). */
const UNKNOWN = 0;
const MISS = 1;
const MATCH = 2;
const IDEAL = 3;
const ACCEPTABLE = 4;

/**
 * Builds a scorer for a model. Scoring rules, in one place:
 * - each criterion with data earns its weight when the account matches (for ranges: in the ideal
 *   band), half its weight in a range's acceptable band, nothing on a miss;
 * - a criterion without data (unknown value, or revenue in another currency) neither earns nor
 *   loses: the score is over the weight that had data, and `confidence` is that weight's share;
 * - score = round(100 × earned ÷ weight with data); a missed must-have caps it just below grade B;
 * - a structured disqualifier that applies makes it 0 and grade D, with the reason;
 * - grade from the model's thresholds (A ≥ a, B ≥ b, C ≥ c, else D); no data at all: no score.
 */
export function createScorer(model: ScoringModel): Scorer {
  const prepared = model.criteria.map(prepare);
  const rules: PreparedRule[] = model.disqualifiers.map((d) => ({ disqualifier: d, keys: ruleKeys(d.rule) }));
  const totalWeight = model.criteria.reduce((sum, c) => sum + c.weight, 0);
  const { revenueCurrency } = model;
  const manualChecks = model.manualChecks.map((m) => m.text);
  const { thresholds } = model;
  const capBelow = thresholds.b - 1;
  // What a range criterion's account matched, in words, written once rather than per account.
  const bands = model.criteria.map((c) =>
    c.kind === 'range'
      ? {
          ideal: bandText(c.ideal, c.currency),
          acceptable: c.acceptable ? bandText(c.acceptable, c.currency) : null,
        }
      : null,
  );

  /** Outcome of criterion `p` for `account`; `hit` receives the matched value index. */
  const hit = { index: -1 };
  function test(p: Prepared, account: ScoringAccount): number {
    const c = p.criterion;
    hit.index = -1;
    switch (c.key) {
      case 'industries': {
        const value = account.industry;
        if (!known(value)) return UNKNOWN;
        const index = p.keys.get(dictionaryKey(value));
        if (index === undefined) return MISS;
        hit.index = index;
        return MATCH;
      }
      case 'geographies': {
        const country = account.country;
        const region = account.region;
        if (!known(country) && !known(region)) return UNKNOWN;
        const index =
          (known(country) ? p.keys.get(dictionaryKey(country)) : undefined) ??
          (known(region) ? p.regionKeys.get(dictionaryKey(region)) : undefined);
        // A region alone ("Bavaria") that matches no chip says nothing about the country: unknown.
        if (index === undefined) return known(country) ? MISS : UNKNOWN;
        hit.index = index;
        return MATCH;
      }
      case 'technologies': {
        const techs = account.technologies;
        if (!techs) return UNKNOWN;
        // A list of blanks says no more than an empty one: unknown, not a miss.
        let any = false;
        for (const tech of techs) {
          if (!known(tech)) continue;
          any = true;
          const index = p.keys.get(dictionaryKey(tech));
          if (index !== undefined) {
            hit.index = index;
            return MATCH;
          }
        }
        return any ? MISS : UNKNOWN;
      }
      case 'employees':
      case 'revenue': {
        const value = c.key === 'employees' ? account.employees : account.revenue;
        if (!knownNumber(value)) return UNKNOWN;
        if (c.kind !== 'range') return UNKNOWN;
        if (c.currency && known(account.currency) && account.currency.trim().toUpperCase() !== c.currency) {
          return UNKNOWN;
        }
        if (inBand(value, c.ideal)) return IDEAL;
        if (c.acceptable && inBand(value, c.acceptable)) return ACCEPTABLE;
        return MISS;
      }
    }
  }

  const earnedFor = (outcome: number, weight: number): number =>
    outcome === MATCH || outcome === IDEAL ? weight : outcome === ACCEPTABLE ? weight / 2 : 0;

  function scoreOnly(account: ScoringAccount): number {
    for (const rule of rules) if (ruleMatch(rule, account, revenueCurrency) !== null) return 0;
    let earned = 0;
    let knownWeight = 0;
    let capped = false;
    for (const p of prepared) {
      const outcome = test(p, account);
      if (outcome === UNKNOWN) continue;
      const weight = p.criterion.weight;
      knownWeight += weight;
      earned += earnedFor(outcome, weight);
      if (outcome === MISS && p.criterion.importance === 'must') capped = true;
    }
    if (knownWeight === 0) return -1;
    const score = Math.round((100 * earned) / knownWeight);
    return capped ? Math.min(score, capBelow) : score;
  }

  function accountValue(c: ModelCriterion, account: ScoringAccount): string | null {
    switch (c.key) {
      case 'industries':
        return known(account.industry) ? account.industry.trim() : null;
      case 'geographies': {
        const parts = [account.country, account.region].filter(known).map((t) => t.trim());
        return parts.length > 0 ? parts.join(', ') : null;
      }
      case 'technologies': {
        const techs = (account.technologies ?? []).filter(known).map((t) => t.trim());
        return techs.length > 0 ? techs.join(', ') : null;
      }
      case 'employees':
        return knownNumber(account.employees) ? formatNumber(account.employees) : null;
      case 'revenue': {
        if (!knownNumber(account.revenue)) return null;
        const currency = known(account.currency)
          ? account.currency.trim().toUpperCase()
          : c.kind === 'range'
            ? c.currency
            : null;
        return currency ? `${formatNumber(account.revenue)} ${currency}` : formatNumber(account.revenue);
      }
    }
  }

  function score(account: ScoringAccount): ScoreResult {
    let disqualifiedBy: ScoreResult['disqualifiedBy'] = null;
    for (const rule of rules) {
      const value = ruleMatch(rule, account, revenueCurrency);
      if (value === null) continue;
      const d = rule.disqualifier;
      disqualifiedBy = { id: d.id, text: d.text, rule: d.ruleText, value };
      if (d.evidence) disqualifiedBy.evidence = d.evidence;
      break;
    }
    const outcomes = prepared.map((p) => {
      const outcome = test(p, account);
      return { outcome, index: hit.index };
    });
    let knownWeight = 0;
    let earned = 0;
    let cappedBy: ScoreResult['cappedBy'] = null;
    outcomes.forEach(({ outcome }, i) => {
      if (outcome === UNKNOWN) return;
      const c = prepared[i]!.criterion;
      knownWeight += c.weight;
      earned += earnedFor(outcome, c.weight);
      if (outcome === MISS && c.importance === 'must' && !cappedBy) cappedBy = { key: c.key, label: c.label };
    });
    const criteria = outcomes.map(({ outcome, index }, i): CriterionScore => {
      const c = prepared[i]!.criterion;
      const value = accountValue(c, account);
      let matched: string | null = null;
      let evidence: Evidence | undefined;
      if (c.kind === 'list' && index >= 0) {
        matched = c.values[index]!.text;
        evidence = c.values[index]!.evidence;
      } else if (c.kind === 'range') {
        if (outcome === IDEAL) matched = bands[i]!.ideal;
        if (outcome === ACCEPTABLE) matched = bands[i]!.acceptable;
        evidence = c.evidence;
      }
      const line: CriterionScore = {
        key: c.key,
        label: c.label,
        importance: c.importance,
        weight: c.weight,
        outcome: (['unknown', 'miss', 'match', 'ideal', 'acceptable'] as const)[outcome]!,
        value,
        matched,
        rule: c.rule,
        points:
          outcome === UNKNOWN || knownWeight === 0
            ? null
            : disqualifiedBy
              ? 0
              : round1((100 * earnedFor(outcome, c.weight)) / knownWeight),
        maxPoints: outcome === UNKNOWN || knownWeight === 0 ? 0 : round1((100 * c.weight) / knownWeight),
      };
      if (outcome === UNKNOWN && value !== null && c.kind === 'range' && c.currency) {
        line.note = `In ${account.currency?.trim().toUpperCase()}, not ${c.currency}: not compared`;
      }
      if (evidence) line.evidence = evidence;
      return line;
    });
    const confidence = totalWeight > 0 ? Math.round((100 * knownWeight) / totalWeight) / 100 : 0;
    if (disqualifiedBy) {
      return { score: 0, grade: 'D', confidence, disqualifiedBy, cappedBy: null, criteria, manualChecks };
    }
    if (knownWeight === 0) {
      return {
        score: null,
        grade: null,
        confidence,
        disqualifiedBy: null,
        cappedBy: null,
        criteria,
        manualChecks,
      };
    }
    let value = Math.round((100 * earned) / knownWeight);
    if (cappedBy) value = Math.min(value, capBelow);
    return {
      score: value,
      grade: gradeOf(value, thresholds),
      confidence,
      disqualifiedBy: null,
      cappedBy,
      criteria,
      manualChecks,
    };
  }

  return { model, score, scoreOnly };
}
