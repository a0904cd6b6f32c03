import {
  abilitiesFor,
  icpAbilities,
  reviewAbilities,
  type CommentViewer,
  type IcpFunction,
  type ReviewAbilities,
  type WorkspaceAbilities,
} from '@bullseye/shared';
import type { Membership } from '../db/workspaceStore.js';
import { forbidden, forbiddenBecause, notFound } from '../errors.js';

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

/** What a member may do in an ICP's review (rules in shared/src/logic/review.ts). */
export function memberReviewAbilities(membership: Membership, icp: IcpSubject): ReviewAbilities {
  return reviewAbilities(membership, icp.archived_at !== null);
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

/** A step of the review workflow that depends on the member, not on the review's state. */
export type ReviewAction = 'requestSignOff' | 'restore' | 'approve' | { signOffFor: IcpFunction };

/**
 * Throws 403 unless the member may take this review step on this ICP: naming versions, requesting
 * sign-off and restoring need an editor or admin; signing needs the member to represent that very
 * function (`not_your_function`); approving needs an approver (`not_approver`). Archived ICPs and
 * viewers take no step at all.
 */
export function authorizeReview(membership: Membership, icp: IcpSubject, action: ReviewAction): void {
  const abilities = memberReviewAbilities(membership, icp);
  if (typeof action === 'object') {
    if (!memberAbilities(membership, icp).comment) throw forbidden('signOff');
    if (abilities.signOffFor !== action.signOffFor) {
      throw forbiddenBecause(
        'not_your_function',
        abilities.signOffFor
          ? `You sign off for ${abilities.signOffFor} only, not for ${action.signOffFor}`
          : `Only members representing ${action.signOffFor} sign off for it; you represent no function`,
      );
    }
    return;
  }
  if (action === 'approve') {
    if (!memberAbilities(membership, icp).comment) throw forbidden('approve');
    if (!abilities.approve) throw forbiddenBecause('not_approver', 'Only approvers approve versions');
    return;
  }
  if (!abilities[action]) throw forbidden(action);
}
