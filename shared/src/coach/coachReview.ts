import type { IcpReviewDto } from '../validation/versions.js';
import type { CoachReview } from './coachRules.js';

/** The coach's view of an ICP's review cadence, from the review the API answers. */
export function coachReviewOf(review: IcpReviewDto): CoachReview {
  return {
    intervalDays: review.reviewIntervalDays,
    dueAt: review.reviewDueAt,
    approvedAt: review.approved?.approvedAt ?? null,
  };
}
