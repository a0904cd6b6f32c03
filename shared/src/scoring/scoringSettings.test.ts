import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IMPORTANCE,
  DEFAULT_THRESHOLDS,
  IMPORTANCE_WEIGHTS,
  disqualifierRuleSchema,
  gradeOf,
  gradeThresholdsSchema,
  importanceLabel,
  importanceSchema,
  importanceWeight,
  scoringBandSchema,
  scoringSettingsSchema,
} from './scoringSettings.js';

/** The first issue's message of a failed parse (or null when it parsed). */
function messageOf(
  schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error!.issues[0]!.message;
}

describe('importance', () => {
  it('weighs must 3, strong 2, nice 1, and an explicit weight as itself', () => {
    expect(IMPORTANCE_WEIGHTS).toEqual({ must: 3, strong: 2, nice: 1 });
    expect(importanceWeight('must')).toBe(3);
    expect(importanceWeight('strong')).toBe(2);
    expect(importanceWeight('nice')).toBe(1);
    expect(importanceWeight(0)).toBe(0);
    expect(importanceWeight(7.5)).toBe(7.5);
    expect(DEFAULT_IMPORTANCE).toBe('strong');
  });

  it('labels named importances and explicit weights', () => {
    expect(importanceLabel('must')).toBe('Must have');
    expect(importanceLabel('strong')).toBe('Strong');
    expect(importanceLabel('nice')).toBe('Nice to have');
    expect(importanceLabel(2.5)).toBe('Weight 2.5');
  });

  it('accepts the named levels and weights 0–10 in steps of 0.5', () => {
    for (const ok of ['must', 'strong', 'nice', 0, 0.5, 1, 2.5, 9.5, 10]) {
      expect(importanceSchema.safeParse(ok).success, String(ok)).toBe(true);
    }
  });

  it('refuses other levels, weights outside 0–10 and steps finer than 0.5, saying why', () => {
    expect(messageOf(importanceSchema, 10.5)).toBe('must be at most 10');
    expect(messageOf(importanceSchema, -0.5)).toBe('must be 0 or more');
    expect(messageOf(importanceSchema, 0.25)).toBe('must be a multiple of 0.5');
    expect(messageOf(importanceSchema, 'critical')).toBe(
      'must be must, strong, nice or a weight from 0 to 10',
    );
    expect(messageOf(importanceSchema, 'Must')).toBe('must be must, strong, nice or a weight from 0 to 10');
    expect(messageOf(importanceSchema, null)).toBe('must be must, strong, nice or a weight from 0 to 10');
    expect(importanceSchema.safeParse(Number.NaN).success).toBe(false);
    expect(importanceSchema.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(importanceSchema.safeParse('2').success).toBe(false);
  });
});

describe('grade thresholds', () => {
  it('default to A ≥ 80, B ≥ 60, C ≥ 40, frozen', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ a: 80, b: 60, c: 40 });
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true);
    expect(gradeThresholdsSchema.safeParse(DEFAULT_THRESHOLDS).success).toBe(true);
  });

  it('accept whole numbers 1–100 with A above B above C', () => {
    expect(gradeThresholdsSchema.safeParse({ a: 100, b: 2, c: 1 }).success).toBe(true);
    expect(gradeThresholdsSchema.safeParse({ a: 90, b: 70, c: 50 }).success).toBe(true);
  });

  it('refuse an order other than A > B > C, on b', () => {
    for (const bad of [
      { a: 60, b: 60, c: 40 },
      { a: 80, b: 40, c: 40 },
      { a: 50, b: 60, c: 40 },
      { a: 80, b: 30, c: 40 },
    ]) {
      const parsed = gradeThresholdsSchema.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error!.issues[0]).toMatchObject({
        path: ['b'],
        message: 'A must start above B, and B above C',
      });
    }
  });

  it('refuse fractions, numbers outside 1–100, missing and extra keys, naming the key', () => {
    const issue = (value: unknown) => gradeThresholdsSchema.safeParse(value).error?.issues[0];
    expect(issue({ a: 80, b: 60.5, c: 40 })).toMatchObject({
      path: ['b'],
      message: 'must be a whole number',
    });
    expect(issue({ a: 101, b: 60, c: 40 })).toMatchObject({ path: ['a'], message: 'must be at most 100' });
    expect(issue({ a: 80, b: 60, c: 0 })).toMatchObject({ path: ['c'], message: 'must be 1 or more' });
    expect(issue({ a: 80, b: 60 })).toMatchObject({ path: ['c'], message: 'must be a number' });
    expect(issue({ a: '80', b: 60, c: 40 })).toMatchObject({ path: ['a'], message: 'must be a number' });
    expect(issue({ a: 80, b: 60, c: 40, d: 20 })?.code).toBe('unrecognized_keys');
  });
});

describe('gradeOf', () => {
  it('starts each grade at its threshold, inclusive', () => {
    const t = DEFAULT_THRESHOLDS;
    expect(gradeOf(100, t)).toBe('A');
    expect(gradeOf(80, t)).toBe('A');
    expect(gradeOf(79, t)).toBe('B');
    expect(gradeOf(60, t)).toBe('B');
    expect(gradeOf(59, t)).toBe('C');
    expect(gradeOf(40, t)).toBe('C');
    expect(gradeOf(39, t)).toBe('D');
    expect(gradeOf(0, t)).toBe('D');
  });

  it('follows custom thresholds', () => {
    const t = { a: 90, b: 70, c: 50 };
    expect(gradeOf(89, t)).toBe('B');
    expect(gradeOf(90, t)).toBe('A');
    expect(gradeOf(69, t)).toBe('C');
    expect(gradeOf(50, t)).toBe('C');
    expect(gradeOf(49, t)).toBe('D');
  });
});

describe('disqualifier rules', () => {
  const ok = (rule: unknown) => disqualifierRuleSchema.safeParse(rule).success;

  it('accept each shape: is, uses, below, above, between', () => {
    expect(ok({ field: 'industry', op: 'is', values: ['Government'] })).toBe(true);
    expect(ok({ field: 'country', op: 'is', values: ['Russia', 'Belarus'] })).toBe(true);
    expect(ok({ field: 'region', op: 'is', values: ['Quebec'] })).toBe(true);
    expect(ok({ field: 'technologies', op: 'uses', values: ['Oracle'] })).toBe(true);
    expect(ok({ field: 'employees', op: 'below', value: 10 })).toBe(true);
    expect(ok({ field: 'revenue', op: 'above', value: 0 })).toBe(true);
    expect(ok({ field: 'employees', op: 'between', min: 1, max: 10 })).toBe(true);
    expect(ok({ field: 'revenue', op: 'between', min: null, max: 1_000_000 })).toBe(true);
    expect(ok({ field: 'revenue', op: 'between', min: 5, max: 5 })).toBe(true);
  });

  it('trim the values they test', () => {
    expect(disqualifierRuleSchema.parse({ field: 'industry', op: 'is', values: ['  Government '] })).toEqual({
      field: 'industry',
      op: 'is',
      values: ['Government'],
    });
  });

  it('refuse an operator that does not fit the field', () => {
    expect(ok({ field: 'industry', op: 'uses', values: ['x'] })).toBe(false);
    expect(ok({ field: 'technologies', op: 'is', values: ['x'] })).toBe(false);
    expect(ok({ field: 'employees', op: 'is', values: ['10'] })).toBe(false);
    expect(ok({ field: 'industry', op: 'below', value: 10 })).toBe(false);
    expect(ok({ field: 'nps', op: 'below', value: 10 })).toBe(false);
  });

  it('refuse empty, blank, too many and too long values', () => {
    expect(messageOf(disqualifierRuleSchema, { field: 'industry', op: 'is', values: [] })).toBe(
      'must name at least one value',
    );
    expect(messageOf(disqualifierRuleSchema, { field: 'industry', op: 'is', values: ['  '] })).toBe(
      'must not be empty',
    );
    expect(
      messageOf(disqualifierRuleSchema, {
        field: 'industry',
        op: 'is',
        values: Array.from({ length: 21 }, (_, i) => `v${i}`),
      }),
    ).toBe('must name at most 20 values');
    expect(messageOf(disqualifierRuleSchema, { field: 'industry', op: 'is', values: ['x'.repeat(81)] })).toBe(
      'must be at most 80 characters',
    );
  });

  it('refuse negative, huge and missing numbers, and a between without bounds or upside down', () => {
    expect(messageOf(disqualifierRuleSchema, { field: 'employees', op: 'below', value: -1 })).toBe(
      'must be 0 or more',
    );
    expect(messageOf(disqualifierRuleSchema, { field: 'revenue', op: 'above', value: 1e14 })).toBe(
      'is too large',
    );
    expect(ok({ field: 'employees', op: 'below' })).toBe(false);
    expect(
      messageOf(disqualifierRuleSchema, { field: 'employees', op: 'between', min: null, max: null }),
    ).toBe('must set min or max');
    expect(messageOf(disqualifierRuleSchema, { field: 'employees', op: 'between', min: 10, max: 5 })).toBe(
      'the minimum must not exceed the maximum',
    );
  });

  it('refuse extra keys', () => {
    expect(ok({ field: 'employees', op: 'below', value: 10, values: ['x'] })).toBe(false);
    expect(ok({ field: 'industry', op: 'is', values: ['x'], negate: true })).toBe(false);
  });
});

describe('scoring bands and settings', () => {
  it('bands have non-negative bounds, null for open', () => {
    expect(scoringBandSchema.safeParse({ min: null, max: 10 }).success).toBe(true);
    expect(scoringBandSchema.safeParse({ min: -1, max: 10 }).success).toBe(false);
    expect(scoringBandSchema.safeParse({ min: 1 }).success).toBe(false);
  });

  it('settings hold a partial importance per scored section and thresholds, both optional', () => {
    expect(scoringSettingsSchema.safeParse({}).success).toBe(true);
    expect(
      scoringSettingsSchema.safeParse({
        importance: { industries: 'must', revenue: 1.5 },
        thresholds: DEFAULT_THRESHOLDS,
      }).success,
    ).toBe(true);
    expect(scoringSettingsSchema.safeParse({ importance: { buyingTriggers: 'must' } }).success).toBe(false);
    expect(scoringSettingsSchema.safeParse({ thresholds: { a: 10, b: 20, c: 30 } }).success).toBe(false);
  });
});
