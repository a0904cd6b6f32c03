import type { MemberDto, UpdateMemberBody } from '@bullseye/shared';
import { request } from './request.js';

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/members`;

/** The members of one workspace: anyone may list them, admins change and remove them. */
export const membersApi = {
  list: (workspaceId: string) =>
    request<{ members: MemberDto[] }>('GET', base(workspaceId)).then((r) => r.members),
  update: (workspaceId: string, userId: string, patch: UpdateMemberBody) =>
    request<MemberDto>('PATCH', `${base(workspaceId)}/${encodeURIComponent(userId)}`, patch),
  remove: (workspaceId: string, userId: string) =>
    request<void>('DELETE', `${base(workspaceId)}/${encodeURIComponent(userId)}`),
};
