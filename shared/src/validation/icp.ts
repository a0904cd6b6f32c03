import { z } from 'zod';
import { CURRENCIES, sectionOf, type Currency, type RangeSectionKey } from '../icp/layout.js';
import { LIMITS } from './limits.js';
import { collapseWhitespace } from './textLength.js';
import { FUNCTIONS } from '../logic/roles.js';
import { icpReviewDtoSchema, reviewIntervalDaysSchema } from './versions.js';
import { personRefSchema } from './comments.js';

/** An ICP id: a UUID, as issued by the server. */
export const icpIdSchema = z.uuid({ message: 'must be an ICP id (a UUID)' });

/** An ICP title: trimmed, 1 to 120 characters, no control characters. */
export const icpTitleSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(LIMITS.maxTitleLength, { message: `must be at most ${LIMITS.maxTitleLength} characters` })
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });

export const icpParamsSchema = z.object({ id: icpIdSchema });

/**
 * What an ICP describes: the customers we want (`icp`), or a negative ICP (`negative`): who we
 * never sell to, whose approved criteria become disqualifiers of every ICP of the workspace.
 */
export const ICP_KINDS = ['icp', 'negative'] as const;
export type IcpKind = (typeof ICP_KINDS)[number];
export const icpKindSchema = z.enum(ICP_KINDS, { message: 'must be "icp" or "negative"' });

export const createIcpBodySchema = z.strictObject({
  title: icpTitleSchema,
  workspaceId: z.uuid({ message: 'must be a workspace id (a UUID)' }),
  kind: icpKindSchema.optional(),
});
export type CreateIcpBody = z.infer<typeof createIcpBodySchema>;

/** Rename, set the review cadence (days between approval and the next review) and/or the kind. */
export const updateIcpBodySchema = z
  .strictObject({
    title: icpTitleSchema.optional(),
    reviewIntervalDays: reviewIntervalDaysSchema.optional(),
    kind: icpKindSchema.optional(),
  })
  .refine((b) => b.title !== undefined || b.reviewIntervalDays !== undefined || b.kind !== undefined, {
    message: 'must change title, reviewIntervalDays or kind',
  });
export type UpdateIcpBody = z.infer<typeof updateIcpBodySchema>;

export const listIcpsQuerySchema = z.strictObject({
  workspaceId: z.uuid({ message: 'must be a workspace id (a UUID)' }),
  archived: z
    .enum(['true', 'false'], { message: 'must be "true" or "false"' })
    .optional()
    .transform((v) => v === 'true'),
});
export type ListIcpsQuery = z.infer<typeof listIcpsQuerySchema>;

/**
 * Duplicate an ICP as the start of another segment: its content (criteria, narrative, scoring
 * settings, evidence), never its history, comments, versions or sign-offs.
 */
export const duplicateIcpBodySchema = z.strictObject({
  title: icpTitleSchema,
  kind: icpKindSchema.optional(),
});
export type DuplicateIcpBody = z.infer<typeof duplicateIcpBodySchema>;

/** Text of one list criterion: trimmed, single line, within the section's length. */
export function listItemTextSchema(maxLength: number) {
  return z
    .string({ message: 'must be a string' })
    .transform(collapseWhitespace)
    .pipe(
      z
        .string()
        .min(1, { message: 'must not be empty' })
        .max(maxLength, { message: `must be at most ${maxLength} characters` }),
    );
}

const bound = (max: number) =>
  z
    .number({ message: 'must be a number' })
    // Bounds first: 1e30 is "at most 10,000,000", not "a whole number" (too big to be a safe integer).
    .min(0, { message: 'must be 0 or more' })
    .max(max, { message: `must be at most ${max.toLocaleString('en-US')}` })
    .int({ message: 'must be a whole number' })
    .nullable();

/** The zod schema of one range section's value, checking min ≤ max. */
export function rangeSchemaFor(key: RangeSectionKey) {
  const section = sectionOf(key);
  const bounds = { min: bound(section.max), max: bound(section.max) };
  const base =
    section.unit === 'money'
      ? z.object({ ...bounds, currency: z.enum(CURRENCIES, { message: 'must be a supported currency' }) })
      : z.object(bounds);
  return (base as z.ZodType<{ min: number | null; max: number | null; currency?: Currency }>).refine(
    (r) => r.min === null || r.max === null || r.min <= r.max,
    {
      message: 'the minimum must not exceed the maximum',
      path: ['min'],
    },
  );
}

/**
 * The live draft compared with the versions the review is about, computed by the server when it
 * answers (SHA-256 of the draft's committed canonical JSON against the versions' hashes): in every
 * list item and from GET /icps/:id/draft. Null means the server could not tell (never a guess that
 * the draft is current).
 */
export const icpDraftDtoSchema = z.object({
  /** SHA-256 (hex) of the draft's canonical JSON; null when it could not be read. */
  hash: z.string().nullable(),
  /** The draft differs from the approved version; null when nothing is approved or unknown. */
  editedSinceApproval: z.boolean().nullable(),
  /** The draft differs from the version under review; null when none is under review or unknown. */
  changedSinceReview: z.boolean().nullable(),
  /** Share of the ICP's sections that are complete (shared/src/logic/completeness.ts), 0-100. */
  completeness: z.number().int().min(0).max(100).nullable(),
});

/** An ICP as the HTTP API presents it (see `IcpDto`). */
export const icpDtoSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  title: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  /** `icp`, or `negative`: who we never sell to (its approved criteria disqualify in every ICP). */
  kind: icpKindSchema,
  /** The workspace's primary ICP (at most one). */
  primary: z.boolean(),
  abilities: z.object({
    read: z.boolean(),
    comment: z.boolean(),
    edit: z.boolean(),
    manageIcps: z.boolean(),
    manageMembers: z.boolean(),
  }),
  reviewAbilities: z.object({
    requestSignOff: z.boolean(),
    restore: z.boolean(),
    signOffFor: z.enum(FUNCTIONS).nullable(),
    approve: z.boolean(),
  }),
  review: icpReviewDtoSchema,
});

/** Someone with the ICP open right now (a socket on this server). */
export const activeUserDtoSchema = z.object({ id: z.string(), name: z.string(), color: z.string() });

/** An ICP as the list shows it: the ICP, its draft, its last editor and who is in it now. */
export const icpListItemDtoSchema = icpDtoSchema.extend({
  draft: icpDraftDtoSchema,
  /** Who last started editing the draft; null before anyone did (or once their account is gone). */
  lastEditor: personRefSchema.nullable(),
  /** People with the ICP open now, once each, in the order they arrived. */
  activeUsers: z.array(activeUserDtoSchema),
});

export const icpListDtoSchema = z.object({ icps: z.array(icpListItemDtoSchema) });

/** The one error envelope of the HTTP API. */
export const errorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
