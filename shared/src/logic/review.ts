import type { ReviewDecision, ReviewState } from '../validation/versions.js';
import { abilitiesFor, type WorkspaceAbilities } from './abilities.js';
import { FUNCTIONS, type IcpFunction, type Role } from './roles.js';

/**
 * The review workflow's rules, in one place: who may do what, and where an ICP stands. An editor
 * requests sign-off on a version; each of the four functions signs off (approve, or request
 * changes) through a member representing it; once all four approved that same version, an
 * approver approves it and it becomes the ICP's approved version.
 */

/** What a member may do in the review of one ICP; sent with every ICP as `reviewAbilities`. */
export interface ReviewAbilities {
  /** Name versions and request sign-off (editors and admins). */
  requestSignOff: boolean;
  /** Bring a past version back onto the draft (editors and admins). */
  restore: boolean;
  /** The function this member may sign off for, or null. */
  signOffFor: IcpFunction | null;
  /** Approve a version all four functions approved (members flagged as approvers). */
  approve: boolean;
}

/** A member as the review rules see them. */
export interface Reviewer {
  role: Role;
  function: IcpFunction | null;
  approver: boolean;
}

/** The review abilities of a member on an ICP (archived ICPs are read-only for everyone). */
export function reviewAbilities(member: Reviewer, archived: boolean): ReviewAbilities {
  const base: WorkspaceAbilities = abilitiesFor(member.role);
  const active = !archived;
  // Signing and approving are judgements, not edits: commenters may do them, viewers only read.
  const mayJudge = active && base.comment;
  return {
    requestSignOff: active && base.edit,
    restore: active && base.edit,
    signOffFor: mayJudge ? member.function : null,
    approve: mayJudge && member.approver,
  };
}

/**
 * Whether a member with `role` could ever approve: approving is a judgement, and viewers only read.
 * An invite (or a change) that makes a viewer an approver is refused rather than kept as a flag
 * that does nothing.
 */
export function roleMayApprove(role: Role): boolean {
  return abilitiesFor(role).comment;
}

/** What the invite form and the API say when a viewer is made an approver. */
export const VIEWERS_CANNOT_APPROVE =
  'viewers cannot approve: choose the commenter role or above, or leave approver off';

/** One function's decision on a version. */
export interface SignOffDecision {
  function: IcpFunction;
  decision: ReviewDecision;
}

/** The latest decision of each function, from decisions in the order they were made. */
export function latestDecisions<T extends SignOffDecision>(decisions: readonly T[]): Map<IcpFunction, T> {
  const latest = new Map<IcpFunction, T>();
  for (const decision of decisions) latest.set(decision.function, decision);
  return latest;
}

/** Functions that have not approved (yet, or any more), in the canonical order. */
export function missingApprovals(decisions: readonly SignOffDecision[]): IcpFunction[] {
  const latest = latestDecisions(decisions);
  return FUNCTIONS.filter((fn) => latest.get(fn)?.decision !== 'approve');
}

/**
 * Where an ICP stands: `in_review` (or `changes_requested` once any function asked for changes)
 * while a version is under review, else `approved` once a version was approved, else `draft`.
 */
export function reviewState(input: {
  underReview: readonly SignOffDecision[] | null;
  hasApproved: boolean;
}): ReviewState {
  if (input.underReview) {
    const latest = latestDecisions(input.underReview);
    return [...latest.values()].some((d) => d.decision === 'request_changes')
      ? 'changes_requested'
      : 'in_review';
  }
  return input.hasApproved ? 'approved' : 'draft';
}

/** When the next review is due: `intervalDays` after the last approval (null if never approved). */
export function reviewDueAt(approvedAt: string | null, intervalDays: number): Date | null {
  if (!approvedAt) return null;
  return new Date(new Date(approvedAt).getTime() + intervalDays * 24 * 60 * 60 * 1000);
}

/** Whether the review is due at `now`. */
export function isReviewDue(approvedAt: string | null, intervalDays: number, now: Date): boolean {
  const due = reviewDueAt(approvedAt, intervalDays);
  return due !== null && now.getTime() >= due.getTime();
}

/** The default review cadence, in days. */
export const DEFAULT_REVIEW_INTERVAL_DAYS = 90;
