import type {
  CreatedInviteDto,
  CreateInviteBody,
  InviteDto,
  InviteInfoDto,
  SignUpBody,
  WorkspaceDto,
} from '@bullseye/shared';
import { request } from './request.js';

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/invites`;
const byToken = (token: string) => `/invites/${encodeURIComponent(token)}`;

/** Invite links: admins create, list and revoke them; anyone holding one can look at it and join. */
export const invitesApi = {
  list: (workspaceId: string) =>
    request<{ invites: InviteDto[] }>('GET', base(workspaceId)).then((r) => r.invites),
  create: (workspaceId: string, body: CreateInviteBody) =>
    request<CreatedInviteDto>('POST', base(workspaceId), body),
  revoke: (workspaceId: string, inviteId: string) =>
    request<void>('DELETE', `${base(workspaceId)}/${encodeURIComponent(inviteId)}`),
  info: (token: string) => request<InviteInfoDto>('GET', byToken(token)),
  /** Joins as the signed-in person (no body), or creates an account and joins (with one). */
  accept: (token: string, account?: SignUpBody) =>
    request<{ workspace: WorkspaceDto }>('POST', `${byToken(token)}/accept`, account ?? {}).then(
      (r) => r.workspace,
    ),
};
