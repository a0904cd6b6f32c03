import { z } from 'zod';
import { FUNCTIONS } from '../logic/roles.js';
import { LIMITS } from './limits.js';
import { personRefSchema } from './comments.js';
import { bestCustomerDefinitionSchema } from './datasets.js';
import { versionChecklistDtoSchema } from './coach.js';

/**
 * Versions, compare, restore, the review workflow (sign-off per function, leader approval), the
 * audit log and export, as the HTTP API accepts and answers them. Response types are inferred from
 * the response schemas.
 */

const uuid = (what: string) => z.uuid({ message: `must be ${what} id (a UUID)` });

// eslint-disable-next-line no-control-regex
const noControl = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

export const versionIdSchema = uuid('a version');
export const versionParamsSchema = z.object({ id: versionIdSchema });
export const icpVersionsParamsSchema = z.object({ icpId: uuid('an ICP') });
export const auditParamsSchema = z.object({ workspaceId: uuid('a workspace') });

export const versionNameSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(LIMITS.maxVersionNameLength, { message: `must be at most ${LIMITS.maxVersionNameLength} characters` })
  .refine((s) => !/[\n\r\t]/.test(s) && noControl(s), { message: 'must be one line of plain text' });

export const versionNoteSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .max(LIMITS.maxVersionNoteLength, { message: `must be at most ${LIMITS.maxVersionNoteLength} characters` })
  .refine(noControl, { message: 'must be plain text without control characters' });

/** A named version of the live draft, e.g. "Q1 2027 workshop". */
export const createVersionBodySchema = z.strictObject({
  name: versionNameSchema,
  note: versionNoteSchema.optional(),
});
export type CreateVersionBody = z.infer<typeof createVersionBodySchema>;

/** `to` is a version id or `draft` (the live document). */
export const diffVersionsQuerySchema = z.strictObject({
  from: versionIdSchema,
  to: z.union([versionIdSchema, z.literal('draft')], { message: 'must be a version id or "draft"' }),
});
export type DiffVersionsQuery = z.infer<typeof diffVersionsQuerySchema>;

export const REVIEW_DECISIONS = ['approve', 'request_changes'] as const;

/** A function's sign-off on the version under review; a reason is required to request changes. */
export const signOffBodySchema = z
  .strictObject({
    function: z.enum(FUNCTIONS, { message: `must be one of ${FUNCTIONS.join(', ')}` }),
    decision: z.enum(REVIEW_DECISIONS, { message: 'must be "approve" or "request_changes"' }),
    reason: versionNoteSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'request_changes' && !body.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'must say what should change' });
    }
  });
export type SignOffBody = z.infer<typeof signOffBodySchema>;

export const approveVersionBodySchema = z.strictObject({ note: versionNoteSchema.optional() });
export type ApproveVersionBody = z.infer<typeof approveVersionBodySchema>;

export const EXPORT_FORMATS = ['markdown', 'json'] as const;
export const exportVersionQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { message: 'must be "markdown" or "json"' }).default('markdown'),
});
export type ExportVersionQuery = z.output<typeof exportVersionQuerySchema>;

export const listAuditLogQuerySchema = z.strictObject({
  icpId: uuid('an ICP').optional(),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be at least 1' })
    .max(200, { message: 'must be at most 200' })
    .default(100),
  /** Entries before this sequence number (the last `seq` of the previous page). */
  before: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(1)
    .optional(),
});
export type ListAuditLogQuery = z.output<typeof listAuditLogQuerySchema>;

/** Days between approval and the next review; 7 days to 2 years. */
export const reviewIntervalDaysSchema = z
  .number({ message: 'must be a number of days' })
  .int({ message: 'must be a whole number of days' })
  .min(7, { message: 'must be at least 7 days' })
  .max(730, { message: 'must be at most 730 days' });

// Responses ---------------------------------------------------------------------------------------

export const VERSION_KINDS = ['named', 'auto', 'restore'] as const;

export const versionDtoSchema = z.object({
  id: z.uuid(),
  icpId: z.uuid(),
  /** 1, 2, 3… per ICP. */
  number: z.number().int(),
  /** Named versions have a name; automatic ones are named by the server ("Before restoring v3"). */
  name: z.string().nullable(),
  note: z.string().nullable(),
  /** `named` by a person, `auto` kept by the server while editing, `restore` the draft right after a restore. */
  kind: z.enum(VERSION_KINDS),
  /** Null for automatic versions. */
  author: personRefSchema.nullable(),
  createdAt: z.iso.datetime(),
  /** SHA-256 (hex) of the version's canonical JSON. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The version a `restore` version brought back. */
  restoredFrom: z.number().int().nullable(),
});

export const versionListDtoSchema = z.object({ versions: z.array(versionDtoSchema) });

export const versionDetailDtoSchema = versionDtoSchema.extend({
  /** The canonical JSON of the ICP at this version (see shared/src/icp/canonical.ts). */
  content: z.object({
    schemaVersion: z.number(),
    sections: z.record(z.string(), z.unknown()),
    /** The best-customer definition the version was derived from, when the team agreed one. */
    bestCustomers: bestCustomerDefinitionSchema.optional(),
  }),
  /** The ICP's title when the version was taken. */
  title: z.string(),
  /**
   * What the quality coach said when the version was recorded, and the findings dismissed then
   * (with their reasons), so a reviewer sees what was known and accepted; null for versions
   * recorded before the coach existed.
   */
  checklist: versionChecklistDtoSchema.nullable(),
});

const listItem = z.object({ id: z.string(), text: z.string() });
const rangeValue = z.object({
  min: z.number().nullable(),
  max: z.number().nullable(),
  currency: z.string().optional(),
});
export const textChangeSchema = z.object({ type: z.enum(['same', 'added', 'removed']), text: z.string() });

/** What changed in one section; only changed sections are listed. */
export const sectionDiffSchema = z.discriminatedUnion('kind', [
  z.object({
    key: z.string(),
    kind: z.literal('list'),
    added: z.array(listItem),
    removed: z.array(listItem),
    changed: z.array(z.object({ id: z.string(), before: z.string(), after: z.string() })),
  }),
  z.object({ key: z.string(), kind: z.literal('range'), before: rangeValue, after: rangeValue }),
  /** Word-level changes of the section's plain text (blocks separated by newlines). */
  z.object({ key: z.string(), kind: z.literal('richText'), changes: z.array(textChangeSchema) }),
  /** Scoring settings (key `scoring`): importances, acceptable bands, disqualifier rules, grades. */
  z.object({
    key: z.literal('scoring'),
    kind: z.literal('scoring'),
    changes: z.array(
      z.object({ label: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
    ),
  }),
]);

const diffSide = z.object({
  /** Null for the live draft. */
  versionId: z.uuid().nullable(),
  number: z.number().int().nullable(),
  hash: z.string(),
});
export const icpDiffDtoSchema = z.object({
  from: diffSide,
  to: diffSide,
  changed: z.boolean(),
  sections: z.array(sectionDiffSchema),
});

export const signOffDtoSchema = z.object({
  function: z.enum(FUNCTIONS),
  decision: z.enum(REVIEW_DECISIONS),
  reason: z.string().nullable(),
  by: personRefSchema.nullable(),
  at: z.iso.datetime(),
  /** The hash of the version signed; it never changes afterwards. */
  versionHash: z.string(),
});

export const REVIEW_STATES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;

/** Where an ICP stands in its review: part of every ICP the API returns (IcpDto.review). */
export const icpReviewDtoSchema = z.object({
  state: z.enum(REVIEW_STATES),
  /** True once `reviewIntervalDays` have passed since the last approval. */
  reviewDue: z.boolean(),
  reviewDueAt: z.iso.datetime().nullable(),
  reviewIntervalDays: z.number().int(),
  /** The version under review (requested and not yet approved or superseded). */
  current: z
    .object({
      versionId: z.uuid(),
      number: z.number().int(),
      hash: z.string(),
      requestedBy: personRefSchema.nullable(),
      requestedAt: z.iso.datetime(),
      /** The latest decision of each function that has signed. */
      signOffs: z.array(signOffDtoSchema),
    })
    .nullable(),
  /** The ICP's approved version: the one everybody uses. */
  approved: z
    .object({
      versionId: z.uuid(),
      number: z.number().int(),
      name: z.string().nullable(),
      hash: z.string(),
      approvedBy: personRefSchema.nullable(),
      approvedAt: z.iso.datetime(),
      signOffs: z.array(signOffDtoSchema),
    })
    .nullable(),
});

export const AUDIT_KINDS = [
  'version.created',
  'version.restored',
  'signoff.requested',
  'signoff.recorded',
  'version.approved',
  /** A thread started blocking, or marked blocking later (data.newThread says which). */
  'thread.marked_blocking',
  'thread.unmarked_blocking',
  /** A blocking thread resolved, reopened or deleted (non-blocking threads are not audited). */
  'thread.resolved',
  'thread.reopened',
  'thread.deleted',
  /** Someone joined through an invite link. */
  'member.joined',
  /** A member's role, function or approver flag changed (data.before, data.after). */
  'member.updated',
  'member.removed',
  'invite.created',
  'invite.revoked',
  /** An account dataset imported (first import or re-import), with its counts. */
  'dataset.imported',
  'dataset.deleted',
  /** A workshop session started on the ICP (data.workshopId, data.steps). */
  'workshop.started',
  /** The facilitator handed over, or an editor took over (data.from, data.to). */
  'workshop.facilitator_changed',
  /** Notes were promoted into the ICP (data.notes: text, section, votes, proposedBy). */
  'workshop.promoted',
  /** The session ended with a named version (data.versionId, data.participants, data.absent). */
  'workshop.ended',
  /** A coach finding was dismissed (data.ruleId, data.findingKey, data.reason) or restored. */
  'coach.dismissed',
  'coach.restored',
  /** An ICP was created as a copy of another's content (data.fromIcpId, data.fromTitle, data.kind). */
  'icp.duplicated',
  /** An ICP became a negative ICP or an ordinary one again (data.before, data.after). */
  'icp.kind_changed',
  /** The workspace's primary ICP changed (data.primary: marked or unmarked, data.previousIcpId). */
  'icp.primary_changed',
] as const;

export const auditEntryDtoSchema = z.object({
  seq: z.number().int(),
  icpId: z.uuid().nullable(),
  icpTitle: z.string().nullable(),
  kind: z.enum(AUDIT_KINDS),
  actor: personRefSchema.nullable(),
  at: z.iso.datetime(),
  /** What happened, e.g. { versionNumber, versionHash, function, decision, reason }. */
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export const auditLogDtoSchema = z.object({
  entries: z.array(auditEntryDtoSchema),
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export const auditVerifyDtoSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first entry whose hash or link does not match, or null when the chain is intact. */
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});

export type VersionDto = z.infer<typeof versionDtoSchema>;
export type VersionListDto = z.infer<typeof versionListDtoSchema>;
export type VersionDetailDto = z.infer<typeof versionDetailDtoSchema>;
export type TextChange = z.infer<typeof textChangeSchema>;
export type SectionDiff = z.infer<typeof sectionDiffSchema>;
export type IcpDiffDto = z.infer<typeof icpDiffDtoSchema>;
export type SignOffDto = z.infer<typeof signOffDtoSchema>;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export type ReviewState = (typeof REVIEW_STATES)[number];
export type IcpReviewDto = z.infer<typeof icpReviewDtoSchema>;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export type AuditEntryDto = z.infer<typeof auditEntryDtoSchema>;
export type AuditLogDto = z.infer<typeof auditLogDtoSchema>;
export type AuditVerifyDto = z.infer<typeof auditVerifyDtoSchema>;
