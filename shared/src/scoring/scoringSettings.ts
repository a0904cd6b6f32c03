import { z } from 'zod';

/**
 * What the team sets on an ICP so that it can score accounts, defined once: how much each structured
 * criterion counts, where the grades start, and the shape of a structured disqualifier rule.
 */

/** The sections an account is scored on: what a CRM or an enrichment job knows about a company. */
export const SCORED_SECTIONS = ['industries', 'employees', 'revenue', 'geographies', 'technologies'] as const;
export type ScoredSection = (typeof SCORED_SECTIONS)[number];

/** Named importances and the weight each stands for; an explicit weight is a number instead. */
export const IMPORTANCE_LEVELS = ['must', 'strong', 'nice'] as const;
export type ImportanceLevel = (typeof IMPORTANCE_LEVELS)[number];
export const IMPORTANCE_WEIGHTS: Record<ImportanceLevel, number> = { must: 3, strong: 2, nice: 1 };
export const IMPORTANCE_LABELS: Record<ImportanceLevel, string> = {
  must: 'Must have',
  strong: 'Strong',
  nice: 'Nice to have',
};
/** A criterion nobody weighed counts as strong. */
export const DEFAULT_IMPORTANCE: ImportanceLevel = 'strong';
export const MAX_EXPLICIT_WEIGHT = 10;

/** A named importance, or an explicit weight 0–10 (0: shown, not scored). */
const IMPORTANCE_MESSAGE = 'must be must, strong, nice or a weight from 0 to 10';
export const importanceSchema = z.union(
  [
    z.enum(IMPORTANCE_LEVELS, { message: IMPORTANCE_MESSAGE }),
    z
      .number({ message: IMPORTANCE_MESSAGE })
      .min(0, { message: 'must be 0 or more' })
      .max(MAX_EXPLICIT_WEIGHT, { message: `must be at most ${MAX_EXPLICIT_WEIGHT}` })
      .multipleOf(0.5, { message: 'must be a multiple of 0.5' }),
  ],
  // Neither a level nor a number: without this, zod says only "Invalid input".
  { message: IMPORTANCE_MESSAGE },
);
export type Importance = z.infer<typeof importanceSchema>;

export function importanceWeight(importance: Importance): number {
  return typeof importance === 'number' ? importance : IMPORTANCE_WEIGHTS[importance];
}

export function importanceLabel(importance: Importance): string {
  return typeof importance === 'number' ? `Weight ${importance}` : IMPORTANCE_LABELS[importance];
}

/** The lowest score of grades A, B and C; below `c` is D. */
// Each check names its own message: a check without one inherits the type's ("must be a number").
const thresholdSchema = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(1, { message: 'must be 1 or more' })
  .max(100, { message: 'must be at most 100' });
export const gradeThresholdsSchema = z
  .strictObject({ a: thresholdSchema, b: thresholdSchema, c: thresholdSchema })
  .refine((t) => t.a > t.b && t.b > t.c, {
    message: 'A must start above B, and B above C',
    path: ['b'],
  });
export type GradeThresholds = z.infer<typeof gradeThresholdsSchema>;
export const DEFAULT_THRESHOLDS: GradeThresholds = Object.freeze({ a: 80, b: 60, c: 40 });

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export function gradeOf(score: number, t: GradeThresholds): Grade {
  if (score >= t.a) return 'A';
  if (score >= t.b) return 'B';
  if (score >= t.c) return 'C';
  return 'D';
}

/** The account attributes a disqualifier rule can test. */
export const RULE_TEXT_FIELDS = ['industry', 'country', 'region'] as const;
export const RULE_NUMBER_FIELDS = ['employees', 'revenue'] as const;
export const RULE_FIELD_LABELS: Record<DisqualifierRule['field'], string> = {
  industry: 'Industry',
  country: 'Country',
  region: 'Region',
  technologies: 'Technologies',
  employees: 'Employees',
  revenue: 'Annual revenue',
};

const ruleValues = z
  .array(
    z
      .string({ message: 'must be text' })
      .trim()
      .min(1, { message: 'must not be empty' })
      .max(80, { message: 'must be at most 80 characters' }),
  )
  .min(1, { message: 'must name at least one value' })
  .max(20, { message: 'must name at most 20 values' });
const ruleNumber = z
  .number({ message: 'must be a number' })
  .min(0, { message: 'must be 0 or more' })
  .max(10_000_000_000_000, { message: 'is too large' });

const numberField = z.enum(RULE_NUMBER_FIELDS, { message: 'must be employees or revenue' });

/**
 * A disqualifier as a rule on account attributes: "industry is Government", "uses Oracle",
 * "employees below 10", "revenue between 0 and 1,000,000" (bounds inclusive, an open bound null).
 * Told apart by `op`, so a bad rule is refused naming what is wrong in it (a plain union says only
 * "Invalid input" as soon as two shapes fail alike).
 */
export const disqualifierRuleSchema = z.discriminatedUnion(
  'op',
  [
    z.strictObject({
      field: z.enum(RULE_TEXT_FIELDS, { message: 'must be industry, country or region' }),
      op: z.literal('is'),
      values: ruleValues,
    }),
    z.strictObject({
      field: z.literal('technologies', { message: 'must be technologies' }),
      op: z.literal('uses'),
      values: ruleValues,
    }),
    z.strictObject({ field: numberField, op: z.enum(['below', 'above']), value: ruleNumber }),
    z
      .strictObject({
        field: numberField,
        op: z.literal('between'),
        min: ruleNumber.nullable(),
        max: ruleNumber.nullable(),
      })
      .refine((r) => r.min !== null || r.max !== null, { message: 'must set min or max', path: ['min'] })
      .refine((r) => r.min === null || r.max === null || r.min <= r.max, {
        message: 'the minimum must not exceed the maximum',
        path: ['min'],
      }),
  ],
  { message: 'must be is, uses, below, above or between' },
);
export type DisqualifierRule = z.infer<typeof disqualifierRuleSchema>;

/** A band of a range criterion; an open bound is null. */
export const scoringBandSchema = z.strictObject({
  min: z.number().min(0).nullable(),
  max: z.number().min(0).nullable(),
});
export type ScoringBand = z.infer<typeof scoringBandSchema>;

/**
 * The ICP's scoring settings as its canonical JSON holds them (only what someone set: an ICP
 * nobody weighed keeps the hash it always had).
 */
export const scoringSettingsSchema = z.object({
  importance: z.partialRecord(z.enum(SCORED_SECTIONS), importanceSchema).optional(),
  thresholds: gradeThresholdsSchema.optional(),
});
export type ScoringSettings = z.infer<typeof scoringSettingsSchema>;
