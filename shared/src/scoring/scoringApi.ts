import { z } from 'zod';
import { CURRENCIES } from '../icp/layout.js';
import { datasetIdSchema, evidenceSchema } from '../validation/datasets.js';
import { personRefSchema } from '../validation/comments.js';
import {
  GRADES,
  SCORED_SECTIONS,
  importanceSchema,
  gradeThresholdsSchema,
  disqualifierRuleSchema,
} from './scoringSettings.js';

/** Bounds of the scoring API. */
export const SCORING_LIMITS = {
  /** Accounts one `POST /icps/:id/score` may carry; more is 413. */
  maxAccountsPerCall: 10_000,
  /** Largest scoring request body (10,000 accounts are about 2 MB; long technology lists fit). */
  maxBodyBytes: 8 * 1024 * 1024,
  /** Technologies one account may list. */
  maxTechnologies: 200,
  /** Top accounts kept per grade in a dataset scoring. */
  topPerGrade: 10,
  /** Example accounts per grade change in a score impact. */
  examplesPerChange: 5,
} as const;

const text = (max: number) =>
  z
    .string({ message: 'must be text or null' })
    .max(max, { message: `must be at most ${max} characters` })
    .nullable()
    .optional();
const amount = z
  .number({ message: 'must be a number or null' })
  .min(0, { message: 'must be 0 or more' })
  .max(1e15, { message: 'is too large' })
  .nullable()
  .optional();

/** One account to score. Unknown fields are refused (400 naming the field); missing is unknown. */
export const scoringAccountSchema = z.strictObject({
  /** The caller's reference (a CRM record id), echoed in the answer. */
  id: z
    .string({ message: 'must be text' })
    .max(200, { message: 'must be at most 200 characters' })
    .optional(),
  industry: text(200),
  country: text(200),
  region: text(200),
  employees: amount,
  revenue: amount,
  currency: z
    .string({ message: 'must be a 3-letter currency code or null' })
    .regex(/^[A-Za-z]{3}$/, { message: 'must be a 3-letter currency code' })
    .nullable()
    .optional(),
  technologies: z
    .array(z.string({ message: 'must be text' }).max(200, { message: 'must be at most 200 characters' }), {
      message: 'must be a list of text',
    })
    .max(SCORING_LIMITS.maxTechnologies, { message: `must list at most ${SCORING_LIMITS.maxTechnologies}` })
    .nullable()
    .optional(),
});
export type ScoringAccountInput = z.infer<typeof scoringAccountSchema>;

/** `{ account }` for one, `{ accounts: [...] }` for up to 10,000. */
export const scoreBodySchema = z
  .strictObject({
    account: scoringAccountSchema.optional(),
    accounts: z.array(scoringAccountSchema, { message: 'must be a list of accounts' }).optional(),
  })
  .refine((b) => (b.account === undefined) !== (b.accounts === undefined), {
    message: 'send either account or accounts',
    path: ['accounts'],
  });
export type ScoreBody = z.infer<typeof scoreBodySchema>;

/** Which model: the approved version (default), the live draft, or a version by number or id. */
const NAMED_MODELS = [z.literal('approved'), z.literal('draft')] as const;
/** A version number as a query string writes it ("12"). */
const versionNumberText = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);
/** In a query: approved, draft or a version number (score impact's `from` and `to`). */
const versionChoiceQuery = z.union([...NAMED_MODELS, versionNumberText], {
  message: 'must be approved, draft or a version number',
});

export const modelSelectorSchema = z
  .union([...NAMED_MODELS, versionNumberText, z.uuid()], {
    message: 'must be approved, draft, a version number or a version id',
  })
  .default('approved');
export type ModelSelector = z.output<typeof modelSelectorSchema>;

export const scoringQuerySchema = z.strictObject({ version: modelSelectorSchema });
export const scoringParamsSchema = z.object({ id: z.uuid({ message: 'must be an ICP id (a UUID)' }) });

/** Which version a model was compiled from. */
export const modelSourceDtoSchema = z.object({
  icpId: z.uuid(),
  /** `approved`: the latest approved version; `version`: a version named in the request; `draft`. */
  source: z.enum(['approved', 'version', 'draft']),
  version: z
    .object({
      id: z.string(),
      number: z.number().int(),
      name: z.string().nullable(),
      /** SHA-256 of the version's canonical JSON. */
      hash: z.string(),
      approvedAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  /** The model's own hash (SHA-256 of what decides a score). */
  modelHash: z.string(),
  /**
   * The negative ICPs (approved versions) whose criteria disqualify in this model; absent in
   * scorings stored before negative ICPs existed.
   */
  negatives: z
    .array(z.object({ icpId: z.uuid(), title: z.string(), versionNumber: z.number().int() }))
    .optional(),
});
export type ModelSourceDto = z.infer<typeof modelSourceDtoSchema>;

const bandDto = z.object({ min: z.number().nullable(), max: z.number().nullable() });
const criterionBase = {
  label: z.string(),
  importance: importanceSchema,
  weight: z.number(),
  rule: z.string(),
};
export const scoringModelDtoSchema = z.object({
  format: z.number().int(),
  hash: z.string(),
  thresholds: gradeThresholdsSchema,
  revenueCurrency: z.enum(CURRENCIES),
  criteria: z.array(
    z.union([
      z.object({
        key: z.enum(['industries', 'geographies', 'technologies']),
        kind: z.literal('list'),
        ...criterionBase,
        values: z.array(z.object({ text: z.string(), evidence: evidenceSchema.optional() })),
      }),
      z.object({
        key: z.enum(['employees', 'revenue']),
        kind: z.literal('range'),
        ...criterionBase,
        ideal: bandDto,
        acceptable: bandDto.nullable(),
        currency: z.enum(CURRENCIES).nullable(),
        evidence: evidenceSchema.optional(),
      }),
    ]),
  ),
  disqualifiers: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      rule: disqualifierRuleSchema,
      ruleText: z.string(),
      evidence: evidenceSchema.optional(),
    }),
  ),
  manualChecks: z.array(z.object({ id: z.string(), text: z.string() })),
});

export const scoringModelResponseSchema = z.object({
  source: modelSourceDtoSchema,
  model: scoringModelDtoSchema,
});
export type ScoringModelResponse = z.infer<typeof scoringModelResponseSchema>;

/**
 * One criterion of the model as a score answer names it, once per answer: what each result's
 * lines (by `key`) were tested against, with the evidence behind the criterion's values.
 */
export const scoredCriterionDtoSchema = z.object({
  key: z.enum(SCORED_SECTIONS),
  label: z.string(),
  importance: importanceSchema,
  weight: z.number(),
  /** The rule in words, e.g. "Industry is Fintech or Insurance". */
  rule: z.string(),
  /** The evidence of the criterion (a range) or of its values (chips), each naming its value. */
  evidence: z.array(evidenceSchema),
});
export type ScoredCriterionDto = z.infer<typeof scoredCriterionDtoSchema>;

/** How one criterion went for one account (its label, weight and rule: the answer's `criteria`). */
export const criterionScoreDtoSchema = z.object({
  key: z.enum(SCORED_SECTIONS),
  outcome: z.enum(['match', 'ideal', 'acceptable', 'miss', 'unknown']),
  /** The account's value as read; null when unknown. */
  value: z.string().nullable(),
  /** What it matched: the criterion's value or band; null on a miss or unknown. */
  matched: z.string().nullable(),
  /** Points of the 0–100 score earned, and at stake; null and 0 when unknown. */
  points: z.number().nullable(),
  maxPoints: z.number(),
  note: z.string().optional(),
});

export const scoreResultDtoSchema = z.object({
  id: z.string().optional(),
  score: z.number().int().min(0).max(100).nullable(),
  grade: z.enum(GRADES).nullable(),
  confidence: z.number().min(0).max(1),
  disqualifiedBy: z
    .object({
      id: z.string(),
      text: z.string(),
      rule: z.string(),
      value: z.string(),
      evidence: evidenceSchema.optional(),
    })
    .nullable(),
  cappedBy: z.object({ key: z.string(), label: z.string() }).nullable(),
  criteria: z.array(criterionScoreDtoSchema),
});
export type ScoreResultDto = z.infer<typeof scoreResultDtoSchema>;

export const scoreResponseSchema = z.object({
  source: modelSourceDtoSchema,
  thresholds: gradeThresholdsSchema,
  /** The model's criteria, once: each result's lines refer to them by key. */
  criteria: z.array(scoredCriterionDtoSchema),
  /** Free-text disqualifiers every account must be checked against by a person (never scored). */
  manualChecks: z.array(z.string()),
  /** With `account`. */
  result: scoreResultDtoSchema.optional(),
  /** With `accounts`, in the order sent. */
  results: z.array(scoreResultDtoSchema).optional(),
});
export type ScoreResponse = z.infer<typeof scoreResponseSchema>;

// ---------- dataset scorings, backtest and score impact ----------

/** A grade, or `none` for accounts without data to score on. */
export const GRADE_BUCKETS = [...GRADES, 'none'] as const;
export type GradeBucket = (typeof GRADE_BUCKETS)[number];

export const scoreDatasetBodySchema = z.strictObject({
  datasetId: datasetIdSchema,
  version: z
    .union([...NAMED_MODELS, z.number().int().min(1)], {
      message: 'must be approved, draft or a version number',
    })
    .default('approved'),
});
export type ScoreDatasetBody = z.infer<typeof scoreDatasetBodySchema>;

export const scoringIdSchema = z.uuid({ message: 'must be a scoring id (a UUID)' });
export const datasetScoringParamsSchema = z.object({ id: scoringIdSchema });
export const icpScoringsQuerySchema = z.strictObject({ datasetId: datasetIdSchema.optional() });

export const gradeRowDtoSchema = z.object({
  grade: z.enum(GRADE_BUCKETS),
  count: z.number().int(),
  /** Accounts with an outcome: won (customer, won, churned) and lost. */
  won: z.number().int(),
  lost: z.number().int(),
  /** won ÷ (won + lost) with a 95% Wilson interval; null without outcomes. */
  winRate: z.number().nullable(),
  winLow: z.number().nullable(),
  winHigh: z.number().nullable(),
  /** Mean ACV of won accounts with an ACV; null without any. */
  avgAcv: z.number().nullable(),
  acvN: z.number().int(),
});
export type GradeRowDto = z.infer<typeof gradeRowDtoSchema>;

export const topAccountDtoSchema = z.object({
  accountId: z.number().int(),
  name: z.string().nullable(),
  domain: z.string().nullable(),
  score: z.number().int().nullable(),
  grade: z.enum(GRADE_BUCKETS),
  /** The two or three reasons that weighed most, in words. */
  reasons: z.array(z.string()),
});
export type TopAccountDto = z.infer<typeof topAccountDtoSchema>;

export const datasetScoringDtoSchema = z.object({
  id: z.string(),
  icpId: z.string(),
  datasetId: z.string(),
  datasetName: z.string(),
  /** The dataset revision scored; `stale` once a re-import changed the data since. */
  revision: z.number().int(),
  stale: z.boolean(),
  source: modelSourceDtoSchema,
  thresholds: gradeThresholdsSchema,
  createdAt: z.iso.datetime(),
  createdBy: personRefSchema.nullable(),
  total: z.number().int(),
  /** Accounts per grade (and `none`), and per score decile (0–9, …, 90–100). */
  grades: z.array(gradeRowDtoSchema),
  histogram: z.array(z.number().int()),
  /** Whether the dataset has won or lost accounts (a backtest needs them). */
  hasOutcomes: z.boolean(),
  topAccounts: z.array(topAccountDtoSchema),
  elapsedMs: z.number(),
});
export type DatasetScoringDto = z.infer<typeof datasetScoringDtoSchema>;

export const datasetScoringListDtoSchema = z.object({ scorings: z.array(datasetScoringDtoSchema) });
export type DatasetScoringListDto = z.infer<typeof datasetScoringListDtoSchema>;

export const scoreImpactQuerySchema = z.strictObject({
  datasetId: datasetIdSchema,
  from: versionChoiceQuery,
  to: versionChoiceQuery,
});

export const scoreImpactDtoSchema = z.object({
  datasetId: z.string(),
  datasetName: z.string(),
  from: modelSourceDtoSchema,
  to: modelSourceDtoSchema,
  total: z.number().int(),
  changed: z.number().int(),
  /** Accounts per (from grade, to grade), every pair with at least one account. */
  moves: z.array(
    z.object({
      from: z.enum(GRADE_BUCKETS),
      to: z.enum(GRADE_BUCKETS),
      count: z.number().int(),
      examples: z.array(
        z.object({
          accountId: z.number().int(),
          name: z.string().nullable(),
          domain: z.string().nullable(),
          fromScore: z.number().int().nullable(),
          toScore: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});
export type ScoreImpactDto = z.infer<typeof scoreImpactDtoSchema>;
