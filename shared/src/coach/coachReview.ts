import type { IcpReviewDto } from '../validation/versions.js';
import type { IcpContributionsDto } from '../validation/coach.js';
import type { CoachContribution, CoachReview } from './coachRules.js';

/** The coach's view of an ICP's review cadence, from the review the API answers. */
export function coachReviewOf(review: IcpReviewDto): CoachReview {
  return {
    intervalDays: review.reviewIntervalDays,
    dueAt: review.reviewDueAt,
    approvedAt: review.approved?.approvedAt ?? null,
  };
}

/**
 * The coach's contributions from what the API answers: a section counts as contributed to by a
 * function when its members edited or commented on it, and a function that gave a sign-off with a
 * reason contributed to the ICP as a whole (section null). An ICP nobody has contributed to yet
 * gives null (unknown), so a brand-new ICP is not told that every function is missing.
 */
export function contributionsForCoach(
  answer: Pick<IcpContributionsDto, 'contributions'> & Partial<Pick<IcpContributionsDto, 'signOffReasons'>>,
): CoachContribution[] | null {
  const counted: CoachContribution[] = [
    ...answer.contributions.map((r) => ({
      section: r.section,
      function: r.function,
      count: r.edits + r.comments,
    })),
    ...(answer.signOffReasons ?? []).map((r) => ({ section: null, function: r.function, count: r.count })),
  ].filter((r) => r.count > 0);
  return counted.length > 0 ? counted : null;
}
