import { z } from 'zod';
import { FUNCTIONS, ROLES } from '../logic/roles.js';
import { LIMITS } from './limits.js';
import { workspaceNameSchema } from './auth.js';
import { roleMayApprove, VIEWERS_CANNOT_APPROVE } from '../logic/review.js';

const uuid = (what: string) => z.uuid({ message: `must be ${what} id (a UUID)` });

export const workspaceIdSchema = uuid('a workspace');
export const userIdSchema = z
  .string({ message: 'must be a user id' })
  .min(1, { message: 'must be a user id' })
  .max(64, { message: 'must be a user id' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'must be a user id' });

export const roleSchema = z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` });
export const functionSchema = z.enum(FUNCTIONS, { message: `must be one of ${FUNCTIONS.join(', ')}` });

export const createWorkspaceBodySchema = z.strictObject({ name: workspaceNameSchema });
export type CreateWorkspaceBody = z.infer<typeof createWorkspaceBodySchema>;

export const workspaceParamsSchema = z.object({ workspaceId: workspaceIdSchema });
export const memberParamsSchema = z.object({ workspaceId: workspaceIdSchema, userId: userIdSchema });

export const updateMemberBodySchema = z
  .strictObject({
    role: roleSchema.optional(),
    function: functionSchema.nullable().optional(),
    approver: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .refine((b) => b.role !== undefined || b.function !== undefined || b.approver !== undefined, {
    message: 'must change role, function or approver',
  })
  .refine((b) => !(b.approver === true && b.role !== undefined && !roleMayApprove(b.role)), {
    message: VIEWERS_CANNOT_APPROVE,
    path: ['approver'],
  });
export type UpdateMemberBody = z.infer<typeof updateMemberBodySchema>;

export const createInviteBodySchema = z
  .strictObject({
    role: roleSchema,
    function: functionSchema.nullable().optional(),
    approver: z.boolean({ message: 'must be true or false' }).optional(),
    /** Hours until the link stops working. */
    expiresInHours: z
      .number({ message: 'must be a number of hours' })
      .int({ message: 'must be a whole number of hours' })
      .min(1, { message: 'must be at least 1 hour' })
      .max(LIMITS.maxInviteHours, { message: `must be at most ${LIMITS.maxInviteHours} hours` })
      .default(72),
  })
  .refine((b) => !(b.approver === true && !roleMayApprove(b.role)), {
    message: VIEWERS_CANNOT_APPROVE,
    path: ['approver'],
  });
/** What a client sends (expiry optional). */
export type CreateInviteBody = z.input<typeof createInviteBodySchema>;
/** What the server works with once the body is parsed (expiry defaulted). */
export type CreateInvite = z.output<typeof createInviteBodySchema>;

export const inviteParamsSchema = z.object({ workspaceId: workspaceIdSchema, inviteId: uuid('an invite') });

/** The secret part of an invite link: 43 URL-safe base64 characters. */
export const inviteTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: 'must be an invite token from an invite link' });
export const inviteTokenParamsSchema = z.object({ token: inviteTokenSchema });

export const tokenNameSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(LIMITS.maxTokenNameLength, { message: `must be at most ${LIMITS.maxTokenNameLength} characters` });
/** What a token may do: everything its owner may (`full`), or only the read-only scoring API. */
export const TOKEN_SCOPES = ['full', 'scoring'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export const createTokenBodySchema = z.strictObject({
  name: tokenNameSchema,
  scope: z.enum(TOKEN_SCOPES, { message: 'must be full or scoring' }).default('full'),
});
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;
export const tokenParamsSchema = z.object({ tokenId: uuid('a token') });
