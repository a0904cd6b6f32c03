import {
  RULE_FIELD_LABELS,
  RULE_NUMBER_FIELDS,
  RULE_TEXT_FIELDS,
  type DisqualifierRule,
} from '@bullseye/shared';
import { amountProblemText, formatExact, readAmount } from '../../editor/numberFormat.js';
import { splitCommaList } from './commaList.js';

export type RuleField = DisqualifierRule['field'];
type NumberField = (typeof RULE_NUMBER_FIELDS)[number];
export type Comparison = 'below' | 'above' | 'between';

/** The fields a rule can test, in the order the form offers them. */
export const RULE_FIELDS: readonly RuleField[] = [...RULE_TEXT_FIELDS, 'technologies', ...RULE_NUMBER_FIELDS];

/** The largest amount a rule accepts (as shared's rule schema). */
const MAX_RULE_AMOUNT = 10_000_000_000_000;

export function isNumberField(field: RuleField): field is NumberField {
  return (RULE_NUMBER_FIELDS as readonly string[]).includes(field);
}

/** A rule being written, as the form holds it: text as typed. */
export interface RuleDraft {
  field: RuleField;
  /** For employees and revenue; text fields are "is one of", technologies "uses any of". */
  comparison: Comparison;
  /** Comma-separated values of a text or technologies rule. */
  values: string;
  /** The number of "below" and "above". */
  value: string;
  /** The bounds of "between" (either may stay empty: open). */
  min: string;
  max: string;
}

const BLANK: RuleDraft = { field: 'industry', comparison: 'below', values: '', value: '', min: '', max: '' };

/** The form's starting point: an existing (or guessed) rule, or a blank "Industry is one of". */
export function ruleDraftOf(rule: DisqualifierRule | undefined): RuleDraft {
  if (!rule) return BLANK;
  switch (rule.op) {
    case 'is':
    case 'uses':
      return { ...BLANK, field: rule.field, values: rule.values.join(', ') };
    case 'below':
    case 'above':
      return { ...BLANK, field: rule.field, comparison: rule.op, value: formatExact(rule.value) };
    case 'between':
      return {
        ...BLANK,
        field: rule.field,
        comparison: 'between',
        min: formatExact(rule.min),
        max: formatExact(rule.max),
      };
  }
}

export type RuleReading = { ok: true; rule: DisqualifierRule } | { ok: false; message: string };

/** The rule a draft stands for, or what to fix in it, in words. */
export function readRuleDraft(draft: RuleDraft): RuleReading {
  const { field } = draft;
  if (!isNumberField(field)) {
    const values = splitCommaList(draft.values);
    if (values.length === 0) return { ok: false, message: 'Name at least one value.' };
    return field === 'technologies'
      ? { ok: true, rule: { field, op: 'uses', values } }
      : { ok: true, rule: { field, op: 'is', values } };
  }
  const noun = RULE_FIELD_LABELS[field];
  const amount = (
    text: string,
    what: string,
  ): { ok: true; value: number | null } | { ok: false; message: string } => {
    const reading = readAmount(text, MAX_RULE_AMOUNT);
    if (reading.ok) return reading;
    const problem = amountProblemText(reading.problem, MAX_RULE_AMOUNT);
    return {
      ok: false,
      message: reading.problem === 'unreadable' ? `${what}: ${problem}.` : `${what} ${problem}.`,
    };
  };
  if (draft.comparison === 'between') {
    const min = amount(draft.min, 'The lower bound');
    if (!min.ok) return min;
    const max = amount(draft.max, 'The upper bound');
    if (!max.ok) return max;
    if (min.value === null && max.value === null)
      return { ok: false, message: 'Enter a lower bound, an upper bound or both.' };
    if (min.value !== null && max.value !== null && min.value > max.value) {
      return { ok: false, message: 'The lower bound must not be above the upper bound.' };
    }
    return { ok: true, rule: { field, op: 'between', min: min.value, max: max.value } };
  }
  const value = amount(draft.value, noun);
  if (!value.ok) return value;
  if (value.value === null) {
    return {
      ok: false,
      message: field === 'employees' ? 'Enter a number of employees.' : 'Enter an amount.',
    };
  }
  return { ok: true, rule: { field, op: draft.comparison, value: value.value } };
}

const EMPLOYEE_WORDS = /\b(employees?|people|staff|headcount|fte|seats?)\b/i;
const MONEY_WORDS = /\b(revenue|arr|turnover)\b|[$€£]/i;
const BELOW_WORDS = /\b(fewer|less|under|below|smaller|lower)\b|</i;
const ABOVE_WORDS = /\b(more|over|above|greater|larger|bigger|higher)\b|>/i;
const AMOUNT = /(\d[\d,]*(?:\.\d+)?)\s*([kmbt](?![a-z]))?/i;

/**
 * A first guess at the rule a disqualifier's words stand for, so "Make it a rule" starts close:
 * "Fewer than 10 employees" is employees below 10, "Revenue under $1M" revenue below 1,000,000.
 * Anything less clear starts blank.
 */
export function guessRule(text: string): DisqualifierRule | undefined {
  const field = EMPLOYEE_WORDS.test(text) ? 'employees' : MONEY_WORDS.test(text) ? 'revenue' : null;
  const op = BELOW_WORDS.test(text) ? 'below' : ABOVE_WORDS.test(text) ? 'above' : null;
  const match = AMOUNT.exec(text);
  if (!field || !op || !match) return undefined;
  const reading = readAmount(`${match[1]}${match[2] ?? ''}`, MAX_RULE_AMOUNT);
  if (!reading.ok || reading.value === null) return undefined;
  return { field, op, value: reading.value };
}
