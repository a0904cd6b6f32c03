import { z } from 'zod';
import { CURRENCIES } from '../icp/layout.js';
import {
  ACCOUNT_FIELD_KEYS,
  ACCOUNT_STATUSES,
  CATEGORY_FIELDS,
  INSIGHT_DIMENSIONS,
  NUMERIC_FIELDS,
  type AccountFieldKey,
} from '../accounts/fields.js';
import { personRefSchema } from './comments.js';

/**
 * Account datasets (CRM exports), their imports, best-customer definitions, insights, coverage and
 * the evidence a criterion carries, as the HTTP API accepts and answers them.
 */

export const DATASET_LIMITS = {
  /** Largest CSV file accepted, in bytes. */
  maxFileBytes: 200 * 1024 * 1024,
  /** Most data rows one file may hold. */
  maxRows: 1_000_000,
  /** Largest chunk of a file one upload request may carry, in bytes. */
  maxChunkBytes: 8 * 1024 * 1024,
  /** Columns one CSV may have. */
  maxColumns: 200,
  /** Length of one cell, in characters (longer cells make the row bad). */
  maxCellLength: 10_000,
  /** Datasets one workspace may hold. */
  maxDatasetsPerWorkspace: 50,
  /** Row errors listed in an import's report (counts per column are complete). */
  maxReportedErrors: 100,
  /** Conditions of a best-customer definition. */
  maxConditions: 12,
  /** Largest page of accounts. */
  maxAccountPage: 500,
  /** Dataset name length. */
  maxNameLength: 80,
} as const;

const uuid = (what: string) => z.uuid({ message: `must be ${what} id (a UUID)` });

export const datasetIdSchema = uuid('a dataset');
export const importIdSchema = uuid('an import');
export const datasetParamsSchema = z.object({ id: datasetIdSchema });
export const importParamsSchema = z.object({ id: importIdSchema });
export const workspaceDatasetsParamsSchema = z.object({ workspaceId: uuid('a workspace') });

export const datasetNameSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(DATASET_LIMITS.maxNameLength, {
    message: `must be at most ${DATASET_LIMITS.maxNameLength} characters`,
  })
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must be one line of plain text' });

const fileNameSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(255, { message: 'must be at most 255 characters' })
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f/\\]/.test(s), { message: 'must be a file name without a path' });

const fileBytesSchema = z
  .number({ message: 'must be a number of bytes' })
  .int({ message: 'must be a whole number of bytes' })
  .min(1, { message: 'must not be empty: the file has no bytes' })
  .max(DATASET_LIMITS.maxFileBytes, { message: 'must be at most 200 MB' });

/** A new dataset: its name and the file about to be uploaded (`sample: true` loads sample data instead). */
export const createDatasetBodySchema = z.strictObject({
  name: datasetNameSchema,
  fileName: fileNameSchema,
  fileBytes: fileBytesSchema,
});
export type CreateDatasetBody = z.infer<typeof createDatasetBodySchema>;

/** A re-import of an existing dataset from a new file. */
export const createImportBodySchema = z.strictObject({
  fileName: fileNameSchema,
  fileBytes: fileBytesSchema,
});
export type CreateImportBody = z.infer<typeof createImportBodySchema>;

/** Where a chunk of the file starts; must equal the bytes the server already holds. */
export const uploadChunkQuerySchema = z.strictObject({
  offset: z.coerce
    .number({ message: 'must be a byte offset' })
    .int({ message: 'must be a whole byte offset' })
    .min(0, { message: 'must not be negative' }),
});

export const technologySeparatorSchema = z
  .string({ message: 'must be a string' })
  .min(1, { message: 'must not be empty' })
  .max(3, { message: 'must be at most 3 characters' });

const headerSchema = z.string().max(200, { message: 'must be at most 200 characters' });

/**
 * How the file's columns become account fields: `columns` maps a Bullseye field to a header of the
 * file; `ignored` headers are dropped; every other header is kept as a custom attribute.
 */
export const datasetMappingSchema = z.strictObject({
  columns: z.partialRecord(
    z.enum(ACCOUNT_FIELD_KEYS as [AccountFieldKey, ...AccountFieldKey[]]),
    headerSchema,
  ),
  ignored: z.array(headerSchema).max(DATASET_LIMITS.maxColumns).default([]),
  defaultCurrency: z.enum(CURRENCIES, { message: `must be one of ${CURRENCIES.join(', ')}` }).default('USD'),
  technologySeparator: technologySeparatorSchema.default(';'),
});
export type DatasetMapping = z.infer<typeof datasetMappingSchema>;

export const updateMappingBodySchema = z.strictObject({ mapping: datasetMappingSchema });

export const IMPORT_DECISIONS = ['importGoodRows', 'importNothing'] as const;
export const importDecisionBodySchema = z.strictObject({
  decision: z.enum(IMPORT_DECISIONS, { message: 'must be "importGoodRows" or "importNothing"' }),
});

const categoryValueSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(120, { message: 'must be at most 120 characters' });

const finite = z
  .number({ message: 'must be a number' })
  .refine(Number.isFinite, { message: 'must be finite' });

/** One condition of a best-customer definition. All conditions must hold (AND). */
export const bestCustomerConditionSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('in'),
    field: z.enum(CATEGORY_FIELDS, { message: `must be one of ${CATEGORY_FIELDS.join(', ')}` }),
    values: z.array(categoryValueSchema).min(1, { message: 'must name at least one value' }).max(50),
  }),
  z.strictObject({
    op: z.enum(['atLeast', 'atMost']),
    field: z.enum(NUMERIC_FIELDS, { message: `must be one of ${NUMERIC_FIELDS.join(', ')}` }),
    value: finite,
  }),
  /** In the top (or bottom) `percent` % by `field` of the accounts that meet every other condition. */
  z.strictObject({
    op: z.enum(['top', 'bottom']),
    field: z.enum(NUMERIC_FIELDS, { message: `must be one of ${NUMERIC_FIELDS.join(', ')}` }),
    percent: z
      .number({ message: 'must be a number' })
      .min(1, { message: 'must be 1 to 99' })
      .max(99, { message: 'must be 1 to 99' }),
  }),
]);
export type BestCustomerCondition = z.infer<typeof bestCustomerConditionSchema>;

export const COMPARISONS = ['all', 'wonLost'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * Who the best customers are, as the team agreed it for one ICP (kept in the ICP's document, so a
 * version records it), and what they are compared with: all accounts, or only won and lost ones.
 */
export const bestCustomerDefinitionSchema = z.strictObject({
  datasetId: datasetIdSchema,
  comparison: z.enum(COMPARISONS, { message: 'must be "all" or "wonLost"' }).default('all'),
  conditions: z.array(bestCustomerConditionSchema).max(DATASET_LIMITS.maxConditions),
});
export type BestCustomerDefinition = z.infer<typeof bestCustomerDefinitionSchema>;

export const BAND_MODES = ['standard', 'quantile'] as const;
export type BandMode = (typeof BAND_MODES)[number];

export const insightsBodySchema = z.strictObject({
  comparison: z.enum(COMPARISONS, { message: 'must be "all" or "wonLost"' }).default('all'),
  conditions: z.array(bestCustomerConditionSchema).max(DATASET_LIMITS.maxConditions),
  bands: z.enum(BAND_MODES, { message: 'must be "standard" or "quantile"' }).default('standard'),
  minSample: z
    .number()
    .int()
    .min(5, { message: 'must be 5 to 1000' })
    .max(1000, { message: 'must be 5 to 1000' })
    .default(30),
});
export type InsightsBody = z.infer<typeof insightsBodySchema>;

/** A numeric band: both ends inclusive, null for open. */
export const bandSchema = z.object({ min: z.number().nullable(), max: z.number().nullable() });
export type Band = z.infer<typeof bandSchema>;

/**
 * The statistics behind a criterion, as it was added from the insights (kept on the criterion in
 * the ICP's document, so versions and exports show it).
 */
export const evidenceSchema = z.strictObject({
  datasetId: datasetIdSchema,
  datasetName: z.string().max(DATASET_LIMITS.maxNameLength),
  /** The dataset's import revision the numbers came from (a re-import bumps it). */
  revision: z.number().int().min(0),
  dimension: z.enum(INSIGHT_DIMENSIONS),
  /** The value (text dimensions) or the band's label (numbers). */
  value: z.string().max(200),
  band: bandSchema.nullable(),
  /** The best-customer definition in words, e.g. "status is customer · LTV in the top 25%". */
  bestCustomers: z.string().max(500),
  comparison: z.enum(COMPARISONS),
  /** Best customers in the definition (with a known value for this dimension). */
  bestN: z.number().int().min(0),
  /** Accounts of the comparison population with this value. */
  n: z.number().int().min(0),
  shareBest: z.number().min(0).max(1),
  shareComparison: z.number().min(0).max(1),
  lift: z.number().min(0),
  low: z.number().min(0),
  high: z.number().min(0),
  winRate: z.number().min(0).max(1).nullable(),
  computedAt: z.iso.datetime(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

// ---------- responses ----------

export const IMPORT_STATES = [
  'uploading',
  'mapping',
  'importing',
  'review',
  'done',
  'cancelled',
  'failed',
] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export const rowErrorSchema = z.object({
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: z.number().int(),
  /** The header of the cell at fault, null for a whole-row problem (ragged row, broken quoting). */
  column: z.string().nullable(),
  message: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const importReportSchema = z.object({
  rowsRead: z.number().int(),
  goodRows: z.number().int(),
  badRows: z.number().int(),
  /** Rows that named an account an earlier row of the same file already named (the later row wins). */
  duplicates: z.number().int(),
  /** The first DATASET_LIMITS.maxReportedErrors problems, in file order. */
  errors: z.array(rowErrorSchema),
  /** Problems per column header ("(row)" for whole-row problems). */
  errorsByColumn: z.record(z.string(), z.number().int()),
  /** Rows added and updated when committed. */
  added: z.number().int().nullable(),
  updated: z.number().int().nullable(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importDtoSchema = z.object({
  id: z.uuid(),
  datasetId: z.uuid(),
  state: z.enum(IMPORT_STATES),
  fileName: z.string(),
  fileBytes: z.number().int(),
  receivedBytes: z.number().int(),
  encoding: z.enum(['utf-8', 'latin1']).nullable(),
  encodingNotice: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  /** The first rows of the file, as text, for the mapping preview. */
  preview: z.array(z.array(z.string())),
  /** Suggested (state "mapping") or confirmed mapping. */
  mapping: datasetMappingSchema.nullable(),
  progress: z.object({
    bytesRead: z.number().int(),
    rowsRead: z.number().int(),
    rowsPerSecond: z.number().nullable(),
    secondsLeft: z.number().nullable(),
  }),
  report: importReportSchema.nullable(),
  error: z.string().nullable(),
  createdBy: personRefSchema.nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportDto = z.infer<typeof importDtoSchema>;

export const datasetDtoSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  name: z.string(),
  sample: z.boolean(),
  /** "importing" until the first import is committed; "failed" if it failed (no accounts kept). */
  state: z.enum(['importing', 'ready', 'failed']),
  accountCount: z.number().int(),
  /** Bumped by each committed import; evidence names the revision it came from. */
  revision: z.number().int(),
  /** Fields with at least one known value, and how many accounts have each status. */
  fields: z.array(z.enum(ACCOUNT_FIELD_KEYS as [AccountFieldKey, ...AccountFieldKey[]])),
  statusCounts: z.record(z.enum(ACCOUNT_STATUSES), z.number().int()),
  /** Custom attribute names (unmapped columns kept per account). */
  customAttributes: z.array(z.string()),
  createdBy: personRefSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The newest import (running, waiting for a decision, or finished). */
  latestImport: importDtoSchema.nullable(),
  /** May the caller import into and delete this dataset? */
  canManage: z.boolean(),
});
export type DatasetDto = z.infer<typeof datasetDtoSchema>;

export const datasetListDtoSchema = z.object({ datasets: z.array(datasetDtoSchema) });
export type DatasetListDto = z.infer<typeof datasetListDtoSchema>;

export const listAccountsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(DATASET_LIMITS.maxAccountPage).default(50),
  /** Opaque cursor from the previous page's `next`. */
  after: z.coerce.number().int().min(0).optional(),
  format: z.enum(['json', 'csv'], { message: 'must be "json" or "csv"' }).default('json'),
  q: z.string().trim().max(120).optional(),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuerySchema>;

export const accountDtoSchema = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  name: z.string().nullable(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  employees: z.number().nullable(),
  revenue: z.number().nullable(),
  currency: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  technologies: z.array(z.string()),
  status: z.enum(ACCOUNT_STATUSES).nullable(),
  firstDealAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  acv: z.number().nullable(),
  ltv: z.number().nullable(),
  nps: z.number().nullable(),
  adoption: z.number().nullable(),
  custom: z.record(z.string(), z.string()),
});
export type AccountDto = z.infer<typeof accountDtoSchema>;

export const accountPageDtoSchema = z.object({
  accounts: z.array(accountDtoSchema),
  next: z.number().int().nullable(),
  /** Accounts in the dataset, or those matching `q` when searching. */
  total: z.number().int(),
});
export type AccountPageDto = z.infer<typeof accountPageDtoSchema>;

export const TRAIT_LABELS = ['core', 'niche', 'neutral', 'anti'] as const;
export type TraitLabel = (typeof TRAIT_LABELS)[number];

/** One value (or band) of one dimension, compared between the best customers and the comparison. */
export const traitDtoSchema = z.object({
  dimension: z.enum(INSIGHT_DIMENSIONS),
  value: z.string(),
  band: bandSchema.nullable(),
  /** Best customers with this value, and with a known value for the dimension. */
  best: z.number().int(),
  bestKnown: z.number().int(),
  /** Comparison accounts with this value, and with a known value for the dimension. */
  n: z.number().int(),
  comparisonKnown: z.number().int(),
  shareBest: z.number(),
  shareComparison: z.number(),
  lift: z.number(),
  low: z.number(),
  high: z.number(),
  /** Won / (won + lost) among accounts with this value; null without won or lost accounts. */
  winRate: z.number().nullable(),
  winRateLow: z.number().nullable(),
  winRateHigh: z.number().nullable(),
  /** n reaches the minimum sample and the interval excludes 1. */
  significant: z.boolean(),
  /** n is below the minimum sample. */
  smallSample: z.boolean(),
  label: z.enum(TRAIT_LABELS),
});
export type TraitDto = z.infer<typeof traitDtoSchema>;

export const insightsDtoSchema = z.object({
  datasetId: z.uuid(),
  revision: z.number().int(),
  total: z.number().int(),
  /** Accounts in the comparison population. */
  comparisonCount: z.number().int(),
  bestCount: z.number().int(),
  /** Thresholds the top/bottom conditions resolved to, by condition index. */
  thresholds: z.array(z.number().nullable()),
  minSample: z.number().int(),
  /** A warning when the best customers are too few for a meaningful answer (< 50 or < 100). */
  sampleWarning: z.string().nullable(),
  /** Strongest first: significant traits by the interval bound nearest 1, then the rest. */
  traits: z.array(traitDtoSchema),
  computedAt: z.iso.datetime(),
});
export type InsightsDto = z.infer<typeof insightsDtoSchema>;

const criterionSchema = z.object({
  text: z.string().max(200),
  evidence: evidenceSchema.nullable().optional(),
});
const rangeCriterionSchema = z.object({
  min: z.number().nullable(),
  max: z.number().nullable(),
  currency: z.enum(CURRENCIES).optional(),
});

/** The draft's firmographic and technographic criteria, as the editor holds them. */
export const profileCriteriaSchema = z.strictObject({
  industries: z.array(criterionSchema).max(50),
  geographies: z.array(criterionSchema).max(50),
  technologies: z.array(criterionSchema).max(50),
  employees: rangeCriterionSchema,
  revenue: rangeCriterionSchema,
  disqualifiers: z.array(criterionSchema).max(50),
});
export type ProfileCriteria = z.infer<typeof profileCriteriaSchema>;

export const coverageBodySchema = z.strictObject({
  comparison: z.enum(COMPARISONS).default('all'),
  conditions: z.array(bestCustomerConditionSchema).max(DATASET_LIMITS.maxConditions),
  criteria: profileCriteriaSchema,
});
export type CoverageBody = z.infer<typeof coverageBodySchema>;

export const coverageDtoSchema = z.object({
  total: z.number().int(),
  bestCount: z.number().int(),
  /** Best customers the criteria match, and all accounts they match. */
  bestMatched: z.number().int(),
  allMatched: z.number().int(),
  coverage: z.number(),
  breadth: z.number(),
  /** Criteria that could be checked against the data, and the texts that could not (free-text disqualifiers…). */
  checked: z.number().int(),
  unchecked: z.array(z.string()),
  /** A sentence that reads the two numbers, e.g. "vague: matches 82% of all accounts". */
  verdict: z.string(),
});
export type CoverageDto = z.infer<typeof coverageDtoSchema>;
