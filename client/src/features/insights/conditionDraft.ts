import {
  ACCOUNT_STATUSES,
  CATEGORY_FIELDS,
  DATASET_LIMITS,
  NUMERIC_FIELDS,
  bestCustomerConditionSchema,
  type AccountFieldKey,
  type AccountStatus,
  type BestCustomerCondition,
  type BestCustomerDefinition,
  type CategoryField,
  type Comparison,
  type NumericField,
} from '@bullseye/shared';

/**
 * A best-customer condition as it is being edited: every control's value as typed, turned into a
 * condition only once it is complete. Pure, so the rules are tested apart from the panel.
 */

export type ConditionField = CategoryField | NumericField;
export type ConditionOp = BestCustomerCondition['op'];

export interface ConditionDraft {
  field: ConditionField;
  op: ConditionOp;
  /** The statuses ticked (status only). */
  statuses: AccountStatus[];
  /** Comma-separated values (industry, country, region) or the number (numeric fields). */
  text: string;
}

export const CONDITION_FIELDS: readonly ConditionField[] = [...CATEGORY_FIELDS, ...NUMERIC_FIELDS];

export const isCategoryField = (field: ConditionField): field is CategoryField =>
  (CATEGORY_FIELDS as readonly string[]).includes(field);

/** The operators a field offers, with their words. */
export function opsFor(field: ConditionField): readonly { op: ConditionOp; label: string }[] {
  return isCategoryField(field)
    ? [{ op: 'in', label: 'is one of' }]
    : [
        { op: 'atLeast', label: 'is at least' },
        { op: 'atMost', label: 'is at most' },
        { op: 'top', label: 'is in the top' },
        { op: 'bottom', label: 'is in the bottom' },
      ];
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: false });

export function draftOf(condition: BestCustomerCondition): ConditionDraft {
  switch (condition.op) {
    case 'in':
      return condition.field === 'status'
        ? {
            field: 'status',
            op: 'in',
            statuses: condition.values.filter((v): v is AccountStatus =>
              (ACCOUNT_STATUSES as readonly string[]).includes(v),
            ),
            text: '',
          }
        : { field: condition.field, op: 'in', statuses: [], text: condition.values.join(', ') };
    case 'atLeast':
    case 'atMost':
      return { field: condition.field, op: condition.op, statuses: [], text: plain.format(condition.value) };
    case 'top':
    case 'bottom':
      return {
        field: condition.field,
        op: condition.op,
        statuses: [],
        text: plain.format(condition.percent),
      };
  }
}

/** A fresh row: the first field the definition does not test yet that the dataset has. */
export function newDraft(
  used: readonly ConditionField[],
  available: readonly AccountFieldKey[],
): ConditionDraft {
  const known = (f: ConditionField) => available.length === 0 || available.includes(f);
  const field =
    CONDITION_FIELDS.find((f) => !used.includes(f) && known(f)) ??
    CONDITION_FIELDS.find((f) => !used.includes(f)) ??
    'industry';
  return { field, op: isCategoryField(field) ? 'in' : 'atLeast', statuses: [], text: '' };
}

/** Changes the field, keeping what still makes sense (the operator and number between numeric fields). */
export function withField(draft: ConditionDraft, field: ConditionField): ConditionDraft {
  if (field === draft.field) return draft;
  if (isCategoryField(field)) return { field, op: 'in', statuses: [], text: '' };
  if (isCategoryField(draft.field)) return { field, op: 'atLeast', statuses: [], text: '' };
  return { ...draft, field };
}

/** Reads "1,200", "-20", "2.5M", "48k", "$1M"; null when it is not a number. */
export function readNumber(text: string): number | null {
  const clean = text
    .replace(/[\s,_]/g, '')
    .replace(/[\u2212\u2012-\u2014]/g, '-')
    .replace(/^([+-]?)[$€£¥]/, '$1')
    .replace(/%$/, '');
  const match = /^([+-]?)(\d+(?:\.\d+)?|\.\d+)([kmb])?$/i.exec(clean);
  if (!match) return null;
  const factor = { k: 1e3, m: 1e6, b: 1e9 }[(match[3] ?? '').toLowerCase()] ?? 1;
  const value = Number(match[2]) * factor * (match[1] === '-' ? -1 : 1);
  return Number.isFinite(value) ? value : null;
}

/** The comma-separated values of a text condition, trimmed, without blanks or repeats. */
export function splitValues(text: string): string[] {
  const seen = new Set<string>();
  const values: string[] = [];
  for (const part of text.split(',')) {
    const value = part.trim().replace(/\s+/g, ' ');
    if (!value || seen.has(value.toLocaleLowerCase())) continue;
    seen.add(value.toLocaleLowerCase());
    values.push(value);
  }
  return values;
}

export type DraftResult = { ok: true; condition: BestCustomerCondition } | { ok: false; problem: string };

/** The condition a draft stands for, or what is missing. */
export function conditionOf(draft: ConditionDraft): DraftResult {
  let candidate: unknown;
  if (isCategoryField(draft.field)) {
    const values = draft.field === 'status' ? [...draft.statuses] : splitValues(draft.text);
    if (values.length === 0) {
      return {
        ok: false,
        problem: draft.field === 'status' ? 'Tick at least one status.' : 'Type at least one value.',
      };
    }
    if (values.length > 50) return { ok: false, problem: 'At most 50 values.' };
    if (values.some((v) => v.length > 120))
      return { ok: false, problem: 'A value is longer than 120 characters.' };
    candidate = { op: 'in', field: draft.field, values };
  } else {
    const value = readNumber(draft.text);
    if (draft.text.trim() === '') {
      return {
        ok: false,
        problem: draft.op === 'top' || draft.op === 'bottom' ? 'Type a percentage.' : 'Type a number.',
      };
    }
    if (value === null) return { ok: false, problem: 'Use digits, like 50, 1,200 or 2.5M.' };
    if (draft.op === 'top' || draft.op === 'bottom') {
      if (value < 1 || value > 99) return { ok: false, problem: 'The percentage must be 1 to 99.' };
      candidate = { op: draft.op, field: draft.field, percent: value };
    } else if (draft.op === 'atLeast' || draft.op === 'atMost') {
      candidate = { op: draft.op, field: draft.field, value };
    } else {
      return { ok: false, problem: 'Pick how to compare.' };
    }
  }
  const parsed = bestCustomerConditionSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, condition: parsed.data }
    : { ok: false, problem: parsed.error.issues[0]?.message ?? 'This condition is not valid.' };
}

/** Whether two conditions say the same (to skip writing what is already there). */
export function sameCondition(a: BestCustomerCondition, b: BestCustomerCondition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The definition offered with one click: customers, in the top quarter by lifetime value (when the
 * dataset has it), with NPS 50 or more (when it has it). Null when the dataset has none of them.
 */
export function suggestedDefinition(
  dataset: { id: string; fields: readonly AccountFieldKey[] },
  comparison: Comparison = 'all',
): BestCustomerDefinition | null {
  const conditions: BestCustomerCondition[] = [];
  if (dataset.fields.includes('status')) conditions.push({ op: 'in', field: 'status', values: ['customer'] });
  if (dataset.fields.includes('ltv')) conditions.push({ op: 'top', field: 'ltv', percent: 25 });
  if (dataset.fields.includes('nps')) conditions.push({ op: 'atLeast', field: 'nps', value: 50 });
  if (conditions.length === 0) return null;
  return { datasetId: dataset.id, comparison, conditions: conditions.slice(0, DATASET_LIMITS.maxConditions) };
}
