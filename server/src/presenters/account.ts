import type { ApiTokenDto, InviteDto, MeDto, MemberDto, UserDto, WorkspaceDto } from '@bullseye/shared';
import { abilitiesFor } from '@bullseye/shared';
import type { ApiTokenRow } from '../db/apiTokenStore.js';
import type { InviteRow } from '../db/inviteStore.js';
import type { Membership, WorkspaceRow } from '../db/workspaceStore.js';
import type { IcpFunction, Role } from '@bullseye/shared';

export function presentWorkspace(workspace: WorkspaceRow, membership: Membership): WorkspaceDto {
  return {
    id: workspace.id,
    name: workspace.name,
    role: membership.role,
    function: membership.function,
    approver: membership.approver,
    abilities: abilitiesFor(membership.role),
  };
}

export function presentMe(
  user: UserDto,
  isOwner: boolean,
  workspaces: { workspace: WorkspaceRow; membership: Membership }[],
): MeDto {
  return {
    user,
    isOwner,
    workspaces: workspaces.map((w) => presentWorkspace(w.workspace, w.membership)),
  };
}

export function presentMember(user: UserDto, membership: Membership): MemberDto {
  return {
    user,
    role: membership.role,
    function: membership.function,
    approver: membership.approver,
    joinedAt: membership.createdAt,
  };
}

export function presentInvite(row: InviteRow, createdBy: UserDto | null): InviteDto {
  return {
    id: row.id,
    role: row.role as Role,
    function: row.function as IcpFunction | null,
    approver: Boolean(row.approver),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    createdBy,
    uses: Number(row.uses),
  };
}

export function presentToken(row: ApiTokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    // Anything but `full` (say, a scope from a newer release) is the least: scoring only.
    scope: row.scope === 'full' ? 'full' : 'scoring',
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}
