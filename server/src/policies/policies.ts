import { abilitiesFor, icpAbilities, type CommentViewer, type WorkspaceAbilities } from '@bullseye/shared';
import type { Membership } from '../db/workspaceStore.js';
import { forbidden, notFound } from '../errors.js';

export type Ability = keyof WorkspaceAbilities;

/** The ICP fields the rules look at. */
export interface IcpSubject {
  archived_at: string | null;
}

/**
 * What a member may do, in the workspace or (with `icp`) on one ICP. The rules themselves are the
 * table in shared/src/logic/abilities.ts.
 */
export function memberAbilities(membership: Membership, icp?: IcpSubject): WorkspaceAbilities {
  return icp ? icpAbilities(membership.role, icp.archived_at !== null) : abilitiesFor(membership.role);
}

/** Who reads a comment thread, for the comment rules in shared/src/logic/commentRules.ts. */
export function commentViewer(membership: Membership, icp: IcpSubject): CommentViewer {
  return { userId: membership.userId, abilities: memberAbilities(membership, icp) };
}

/** The one question every path asks: may this member do this? Non-members can do nothing. */
export function can(membership: Membership | undefined, ability: Ability, icp?: IcpSubject): boolean {
  return membership ? memberAbilities(membership, icp)[ability] : false;
}

/**
 * Throws unless the member may do it: 404 for a non-member (another workspace's ids look exactly
 * like ids that do not exist), 403 for a member whose role does not allow it.
 */
export function authorize(
  membership: Membership | undefined,
  ability: Ability,
  what: string,
  icp?: IcpSubject,
): asserts membership is Membership {
  if (!membership) throw notFound(what);
  if (!can(membership, ability, icp)) throw forbidden(ability);
}
