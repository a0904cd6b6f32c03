import { z } from 'zod';
import { FUNCTIONS, ROLES } from '../logic/roles.js';

/** Response shapes of the account and workspace API, for /api/openapi.json (see dto/auth.ts). */
const abilities = z.object({
  read: z.boolean(),
  comment: z.boolean(),
  edit: z.boolean(),
  manageIcps: z.boolean(),
  manageMembers: z.boolean(),
});
const role = z.enum(ROLES);
const fn = z.enum(FUNCTIONS).nullable();

export const userDtoSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export const instanceDtoSchema = z.object({ needsSetup: z.boolean(), signupOpen: z.boolean() });
export const workspaceDtoSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role,
  function: fn,
  approver: z.boolean(),
  abilities,
});
export const workspaceListDtoSchema = z.object({ workspaces: z.array(workspaceDtoSchema) });
export const joinedWorkspaceDtoSchema = z.object({ workspace: workspaceDtoSchema });
export const meDtoSchema = z.object({
  user: userDtoSchema,
  isOwner: z.boolean(),
  workspaces: z.array(workspaceDtoSchema),
});
export const sessionDtoSchema = z.object({ me: meDtoSchema.nullable(), instance: instanceDtoSchema });
export const memberDtoSchema = z.object({
  user: userDtoSchema,
  role,
  function: fn,
  approver: z.boolean(),
  joinedAt: z.iso.datetime(),
});
export const memberListDtoSchema = z.object({ members: z.array(memberDtoSchema) });
export const inviteDtoSchema = z.object({
  id: z.uuid(),
  role,
  function: fn,
  approver: z.boolean(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  createdBy: userDtoSchema.nullable(),
  uses: z.number().int(),
});
export const inviteListDtoSchema = z.object({ invites: z.array(inviteDtoSchema) });
export const createdInviteDtoSchema = z.object({ invite: inviteDtoSchema, token: z.string(), url: z.url() });
export const inviteInfoDtoSchema = z.object({
  workspaceName: z.string(),
  role,
  function: fn,
  expiresAt: z.iso.datetime(),
});
export const apiTokenDtoSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  /** `full`: the owner's rights; `scoring`: only the scoring API (read-only). */
  scope: z.enum(['full', 'scoring']),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export const apiTokenListDtoSchema = z.object({ tokens: z.array(apiTokenDtoSchema) });
export const createdApiTokenDtoSchema = z.object({ token: apiTokenDtoSchema, secret: z.string() });
/** A 204 answer has no body. */
export const noContentSchema = z.null();
