import type { WorkspaceAbilities } from '../logic/abilities.js';
import type { IcpFunction, Role } from '../logic/roles.js';

/** A person as others see them. */
export interface UserDto {
  id: string;
  name: string;
  email: string;
}

/** Whether this installation still needs its owner, and whether anyone may sign up. */
export interface InstanceDto {
  needsSetup: boolean;
  signupOpen: boolean;
}

/** One workspace as a member sees it: their own membership and what it allows. */
export interface WorkspaceDto {
  id: string;
  name: string;
  role: Role;
  function: IcpFunction | null;
  approver: boolean;
  abilities: WorkspaceAbilities;
}

/** The signed-in person, the workspaces they belong to, and whether they own the installation. */
export interface MeDto {
  user: UserDto;
  isOwner: boolean;
  workspaces: WorkspaceDto[];
}

/**
 * Who this browser is signed in as, if anyone (`GET /api/session`, 200 either way), and what the
 * installation allows, so a signed-out page needs one request and no refused one.
 */
export interface SessionDto {
  me: MeDto | null;
  instance: InstanceDto;
}

export interface MemberDto {
  user: UserDto;
  role: Role;
  function: IcpFunction | null;
  approver: boolean;
  joinedAt: string;
}

export interface InviteDto {
  id: string;
  role: Role;
  function: IcpFunction | null;
  approver: boolean;
  createdAt: string;
  expiresAt: string;
  createdBy: UserDto | null;
  /** How many people joined through this link. */
  uses: number;
}

/** Answer to creating an invite: the only time the link's secret is shown. */
export interface CreatedInviteDto {
  invite: InviteDto;
  token: string;
  /** The full link to share, on PUBLIC_URL (else `http://localhost:<port>`; never from request headers). */
  url: string;
}

/** What a person opening an invite link is told before joining. */
export interface InviteInfoDto {
  workspaceName: string;
  role: Role;
  function: IcpFunction | null;
  expiresAt: string;
}

export interface ApiTokenDto {
  id: string;
  name: string;
  /** The first characters, to recognise a token without revealing it. */
  prefix: string;
  /** `full`: the owner's rights; `scoring`: only the scoring API (read-only). */
  scope: 'full' | 'scoring';
  createdAt: string;
  lastUsedAt: string | null;
}

/** Answer to creating a token: the only time its secret is shown. */
export interface CreatedApiTokenDto {
  token: ApiTokenDto;
  secret: string;
}
