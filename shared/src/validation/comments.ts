import { z } from 'zod';
import { findSection } from '../icp/layout.js';
import { decodeRelativePosition } from '../icp/textAnchors.js';
import { FUNCTIONS } from '../logic/roles.js';
import { LIMITS } from './limits.js';

/**
 * Comment threads, replies, the inbox and following, as the HTTP API accepts and answers them.
 * A thread is its first comment (the "root"): it carries the anchor, the blocking flag and the
 * resolved state; replies hang off it. Response types are inferred from the response schemas.
 */

const uuid = (what: string) => z.uuid({ message: `must be ${what} id (a UUID)` });

export const commentIdSchema = uuid('a comment');
export const commentParamsSchema = z.object({ id: commentIdSchema });
export const icpCommentsParamsSchema = z.object({ icpId: uuid('an ICP') });

/** Plain text, 1 to 4,000 characters, newlines and tabs allowed, no other control characters. */
export const commentBodySchema = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(LIMITS.maxCommentLength, { message: `must be at most ${LIMITS.maxCommentLength} characters` })
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
    message: 'must be plain text without control characters',
  });

const quoteSchema = z
  .string({ message: 'must be a string' })
  .max(LIMITS.maxQuoteLength, { message: `must be at most ${LIMITS.maxQuoteLength} characters` })
  // eslint-disable-next-line no-control-regex
  .transform((s) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim());

const relativePositionSchema = z
  .string({ message: 'must be an encoded Yjs relative position' })
  .max(LIMITS.maxAnchorPositionLength, { message: 'must be an encoded Yjs relative position' })
  .refine((s) => decodeRelativePosition(s) !== null, { message: 'must be an encoded Yjs relative position' });

const sectionKeyOf = (kinds: readonly string[], what: string) =>
  z.string({ message: `must be ${what}` }).refine((key) => kinds.includes(findSection(key)?.kind ?? ''), {
    message: `must be ${what}`,
  });

/** The ICP as a whole. */
const icpAnchorSchema = z.strictObject({ type: z.literal('icp') });

/**
 * A structured criterion: one item of a list section by its stable id, or a whole range section
 * (`itemId` null). `quote` is the criterion's text when the thread was started.
 */
const criterionAnchorSchema = z
  .strictObject({
    type: z.literal('criterion'),
    section: sectionKeyOf(['list', 'range'], 'the key of a list or range section'),
    itemId: z
      .string({ message: 'must be a criterion id' })
      .min(1, { message: 'must be a criterion id' })
      .max(64, { message: 'must be a criterion id' })
      .nullable(),
    quote: quoteSchema,
  })
  .superRefine((anchor, ctx) => {
    const kind = findSection(anchor.section)?.kind;
    if (kind === 'list' && anchor.itemId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['itemId'],
        message: 'must name the criterion of a list section',
      });
    }
    if (kind === 'range' && anchor.itemId !== null) {
      ctx.addIssue({ code: 'custom', path: ['itemId'], message: 'must be null for a range section' });
    }
  });

/** A range of text in a narrative section, kept as Yjs relative positions (see textAnchors.ts). */
const textAnchorSchema = z.strictObject({
  type: z.literal('text'),
  section: sectionKeyOf(['richText'], 'the key of a narrative section'),
  start: relativePositionSchema,
  end: relativePositionSchema,
  quote: quoteSchema.pipe(z.string().min(1, { message: 'must quote the selected text' })),
});

export const commentAnchorSchema = z.discriminatedUnion(
  'type',
  [icpAnchorSchema, criterionAnchorSchema, textAnchorSchema],
  {
    message: 'must be an anchor of type icp, criterion or text',
  },
);
export type CommentAnchor = z.output<typeof commentAnchorSchema>;

const blockingSchema = z.boolean({ message: 'must be true or false' });

export const createCommentBodySchema = z.strictObject({
  body: commentBodySchema,
  anchor: commentAnchorSchema,
  blocking: blockingSchema.default(false),
});
export type CreateCommentBody = z.input<typeof createCommentBodySchema>;
export type CreateComment = z.output<typeof createCommentBodySchema>;

export const replyToCommentBodySchema = z.strictObject({ body: commentBodySchema });
export type ReplyToCommentBody = z.infer<typeof replyToCommentBodySchema>;

/** Edit the text (own comments), and on a thread's first comment, the blocking flag. */
export const updateCommentBodySchema = z
  .strictObject({ body: commentBodySchema.optional(), blocking: blockingSchema.optional() })
  .refine((b) => b.body !== undefined || b.blocking !== undefined, {
    message: 'must change body or blocking',
  });
export type UpdateCommentBody = z.infer<typeof updateCommentBodySchema>;

export const listCommentsQuerySchema = z.strictObject({
  status: z
    .enum(['open', 'resolved', 'all'], { message: 'must be "open", "resolved" or "all"' })
    .default('all'),
  /** Only threads the caller started or took part in. */
  mine: z
    .enum(['true', 'false'], { message: 'must be "true" or "false"' })
    .optional()
    .transform((v) => v === 'true'),
});
export type ListCommentsQuery = z.output<typeof listCommentsQuerySchema>;

export const followIcpBodySchema = z.strictObject({ following: blockingSchema });
export type FollowIcpBody = z.infer<typeof followIcpBodySchema>;

export const listInboxQuerySchema = z.strictObject({
  unread: z
    .enum(['true', 'false'], { message: 'must be "true" or "false"' })
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be at least 1' })
    .max(LIMITS.maxInboxPage, { message: `must be at most ${LIMITS.maxInboxPage}` })
    .default(50),
  /** Items older than this item (the last one of the previous page). */
  before: uuid('an inbox item').optional(),
});
export type ListInboxQuery = z.output<typeof listInboxQuerySchema>;

export const markInboxReadBodySchema = z.union(
  [
    z.strictObject({
      ids: z
        .array(uuid('an inbox item'), { message: 'must be a list of inbox item ids' })
        .min(1, { message: 'must name at least one item' })
        .max(LIMITS.maxInboxPage, { message: `must name at most ${LIMITS.maxInboxPage} items` }),
    }),
    z.strictObject({ all: z.literal(true, { message: 'must be true' }) }),
  ],
  { message: 'must be { "ids": [...] } or { "all": true }' },
);
export type MarkInboxReadBody = z.infer<typeof markInboxReadBodySchema>;

// Responses ---------------------------------------------------------------------------------------

export const personRefSchema = z.object({ id: z.string(), name: z.string() });

export const mentionDtoSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId: z.string(), name: z.string() }),
  z.object({ type: z.literal('function'), function: z.enum(FUNCTIONS) }),
]);

export const commentAnchorDtoSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('icp') }),
  z.object({
    type: z.literal('criterion'),
    section: z.string(),
    itemId: z.string().nullable(),
    quote: z.string(),
  }),
  z.object({
    type: z.literal('text'),
    section: z.string(),
    start: z.string(),
    end: z.string(),
    quote: z.string(),
  }),
]);

export const commentDtoSchema = z.object({
  id: z.uuid(),
  /** Null once the author's account is gone. */
  author: personRefSchema.nullable(),
  body: z.string(),
  mentions: z.array(mentionDtoSchema),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
});

export const threadDtoSchema = z.object({
  /** The id of the thread's first comment. */
  id: z.uuid(),
  icpId: z.uuid(),
  anchor: commentAnchorDtoSchema,
  blocking: z.boolean(),
  status: z.enum(['open', 'resolved']),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedBy: personRefSchema.nullable(),
  createdAt: z.iso.datetime(),
  /** The latest comment, edit, resolution or reopening. */
  updatedAt: z.iso.datetime(),
  /** The first comment, then the replies, oldest first. */
  comments: z.array(commentDtoSchema),
  abilities: z.object({ reply: z.boolean(), resolve: z.boolean(), setBlocking: z.boolean() }),
});

export const threadListDtoSchema = z.object({
  threads: z.array(threadDtoSchema),
  /** Whether the caller follows the ICP (hears of every new thread in their inbox). */
  following: z.boolean(),
  /** Open threads marked blocking, whatever the filter. */
  blockingOpen: z.number().int(),
});

export const followDtoSchema = z.object({ following: z.boolean() });

/** Why a comment is in someone's inbox: mentioned (themselves or their function), a reply in a thread they are in, a new thread on an ICP they follow. */
export const INBOX_REASONS = ['mention', 'reply', 'new_thread'] as const;

/** The review steps that reach inboxes. */
export const REVIEW_INBOX_EVENTS = [
  /** An editor requested sign-off on a version. */
  'signoff_requested',
  /** A function requested changes to the version under review. */
  'changes_requested',
  /** The last of the four functions approved: an approver may now approve the version. */
  'all_approved',
  /** An approver approved the version. */
  'approved',
  /** A workshop ended with this version; its summary reaches the members who were not there. */
  'workshop_ended',
] as const;

/**
 * Why a review step is in someone's inbox, most specific first: they sign for a function, they
 * approve versions, they requested the review, they may edit the ICP, they follow it.
 */
export const REVIEW_INBOX_REASONS = [
  'signer',
  'approver',
  'requester',
  'editor',
  'follower',
  'absent',
] as const;

/** How a mention reached the person: by name, or through the function they represent. */
export const inboxMentionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user') }),
  z.object({ type: z.literal('function'), function: z.enum(FUNCTIONS) }),
]);

const inboxItemBase = {
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  icp: z.object({ id: z.uuid(), title: z.string(), workspaceId: z.uuid() }),
  /** Who acted; null once their account is gone. */
  actor: personRefSchema.nullable(),
};

/** A comment: a mention, a reply in a thread the person is in, a new thread on an ICP they follow. */
export const commentInboxItemDtoSchema = z.object({
  kind: z.literal('comment'),
  ...inboxItemBase,
  reason: z.enum(INBOX_REASONS),
  /** For `mention`: how the person was named; null for other reasons (and items from before it was recorded). */
  mention: inboxMentionSchema.nullable(),
  threadId: z.uuid(),
  commentId: z.uuid(),
  /** The start of the comment's text. */
  excerpt: z.string(),
  anchor: commentAnchorDtoSchema,
  threadStatus: z.enum(['open', 'resolved']),
});

/**
 * A step of an ICP's review (link: the ICP's Review tab), or a workshop that ended with a version
 * (`workshop_ended`, reason `absent`: the person was not there; link: the workshop's summary).
 */
export const reviewInboxItemDtoSchema = z.object({
  kind: z.literal('review'),
  ...inboxItemBase,
  event: z.enum(REVIEW_INBOX_EVENTS),
  reason: z.enum(REVIEW_INBOX_REASONS),
  version: z.object({ id: z.uuid(), number: z.number().int(), name: z.string().nullable() }),
  /** For `signer`: the function the person signs for. */
  yourFunction: z.enum(FUNCTIONS).nullable(),
  /** For `changes_requested`: the function that asked for changes. */
  byFunction: z.enum(FUNCTIONS).nullable(),
  /** The reason given for changes, or the approval's note ("" when none). */
  excerpt: z.string(),
  /** For `workshop_ended`: the session whose summary this is (link: its summary page). */
  workshopId: z.uuid().nullable(),
});

export const inboxItemDtoSchema = z.discriminatedUnion('kind', [
  commentInboxItemDtoSchema,
  reviewInboxItemDtoSchema,
]);

export const inboxDtoSchema = z.object({
  items: z.array(inboxItemDtoSchema),
  unreadCount: z.number().int(),
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: z.uuid().nullable(),
});
export const inboxCountDtoSchema = z.object({ unreadCount: z.number().int() });

export type PersonRefDto = z.infer<typeof personRefSchema>;
export type MentionDto = z.infer<typeof mentionDtoSchema>;
export type CommentAnchorDto = z.infer<typeof commentAnchorDtoSchema>;
export type CommentDto = z.infer<typeof commentDtoSchema>;
export type ThreadDto = z.infer<typeof threadDtoSchema>;
export type ThreadListDto = z.infer<typeof threadListDtoSchema>;
export type FollowDto = z.infer<typeof followDtoSchema>;
export type InboxReason = (typeof INBOX_REASONS)[number];
export type ReviewInboxEvent = (typeof REVIEW_INBOX_EVENTS)[number];
export type ReviewInboxReason = (typeof REVIEW_INBOX_REASONS)[number];
export type InboxMention = z.infer<typeof inboxMentionSchema>;
export type CommentInboxItemDto = z.infer<typeof commentInboxItemDtoSchema>;
export type ReviewInboxItemDto = z.infer<typeof reviewInboxItemDtoSchema>;
export type InboxItemDto = z.infer<typeof inboxItemDtoSchema>;
export type InboxDto = z.infer<typeof inboxDtoSchema>;
export type InboxCountDto = z.infer<typeof inboxCountDtoSchema>;
