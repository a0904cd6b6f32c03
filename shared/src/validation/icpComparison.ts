import { z } from 'zod';
import { CURRENCIES } from '../icp/layout.js';
import { GRADES } from '../scoring/scoringSettings.js';
import { icpIdSchema, icpKindSchema } from './icp.js';

export const compareIcpsParamsSchema = z.object({ id: icpIdSchema, otherId: icpIdSchema });

export const compareIcpsQuerySchema = z.strictObject({
  /** The dataset whose accounts are scored by both; the workspace's latest ready one by default. */
  datasetId: z.uuid({ message: 'must be a dataset id (a UUID)' }).optional(),
});

/** The list sections two ICPs are compared on. */
export const COMPARED_LISTS = [
  'industries',
  'geographies',
  'technologies',
  'buyingTriggers',
  'disqualifiers',
] as const;
export const COMPARED_RANGES = ['employees', 'revenue'] as const;

const comparedIcpSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: icpKindSchema,
  primary: z.boolean(),
});

const bandSchema = z.object({ min: z.number().nullable(), max: z.number().nullable() });

export const listComparisonSchema = z.object({
  section: z.enum(COMPARED_LISTS),
  /** Criteria both have (compared ignoring case and spacing), as the first ICP writes them. */
  shared: z.array(z.string()),
  onlyA: z.array(z.string()),
  onlyB: z.array(z.string()),
});
export type ListComparison = z.infer<typeof listComparisonSchema>;

/**
 * How two bands relate: `unset` (neither has one), `onlyA`/`onlyB` (one leaves it open), `same`,
 * `overlap` (some values are in both), `disjoint` (no company can be in both), `currencies` (revenue
 * in different currencies: not comparable).
 */
export const RANGE_RELATIONS = [
  'unset',
  'onlyA',
  'onlyB',
  'same',
  'overlap',
  'disjoint',
  'currencies',
] as const;

export const rangeComparisonSchema = z.object({
  section: z.enum(COMPARED_RANGES),
  a: bandSchema.nullable(),
  b: bandSchema.nullable(),
  currencyA: z.enum(CURRENCIES).nullable(),
  currencyB: z.enum(CURRENCIES).nullable(),
  /** The values in both bands (same or overlap), else null. */
  overlap: bandSchema.nullable(),
  relation: z.enum(RANGE_RELATIONS),
});
export type RangeComparison = z.infer<typeof rangeComparisonSchema>;

/** A criterion of one ICP that the other rules out (its disqualifiers, or all of it if negative). */
export const icpConflictSchema = z.object({
  /** Whose criterion it is. */
  icp: z.enum(['a', 'b']),
  section: z.string(),
  criterion: z.string(),
  /** The other ICP's disqualifier (or negative criterion) that rules it out. */
  ruledOutBy: z.string(),
});
export type IcpConflict = z.infer<typeof icpConflictSchema>;

/**
 * `same`: equal criteria; `distinct`: no company can match both (industries or geographies share
 * nothing, or a band does not overlap); `overlapping`: some companies can match both.
 */
export const COMPARISON_VERDICTS = ['same', 'overlapping', 'distinct'] as const;

export const overlapAccountSchema = z.object({
  accountId: z.number().int(),
  name: z.string().nullable(),
  domain: z.string().nullable(),
  scoreA: z.number(),
  gradeA: z.enum(GRADES),
  scoreB: z.number(),
  gradeB: z.enum(GRADES),
});

/** Both drafts scored on one dataset: how many accounts are a fit (grade A or B) for each, and both. */
export const accountOverlapSchema = z.object({
  datasetId: z.uuid(),
  datasetName: z.string(),
  total: z.number().int(),
  fitA: z.number().int(),
  fitB: z.number().int(),
  fitBoth: z.number().int(),
  /** Accounts that are a fit for both, best-for-both first (at most 20). */
  sample: z.array(overlapAccountSchema),
});
export type AccountOverlapDto = z.infer<typeof accountOverlapSchema>;

export const icpComparisonDtoSchema = z.object({
  a: comparedIcpSchema,
  b: comparedIcpSchema,
  verdict: z.enum(COMPARISON_VERDICTS),
  /** The sections that keep the two apart (why `distinct`). */
  separatedBy: z.array(z.string()),
  lists: z.array(listComparisonSchema),
  ranges: z.array(rangeComparisonSchema),
  conflicts: z.array(icpConflictSchema),
  /** Null without a ready dataset in the workspace. */
  accounts: accountOverlapSchema.nullable(),
});
export type IcpComparisonDto = z.infer<typeof icpComparisonDtoSchema>;
