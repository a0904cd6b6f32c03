import { latestDecisions, missingApprovals, type IcpReviewDto, type ReviewAbilities } from '@bullseye/shared';

/**
 * Whether the review waits on this person: their function has not signed the version under
 * review, or they may approve a version all four functions approved.
 */
export function reviewNeedsMe(review: IcpReviewDto, abilities: ReviewAbilities): boolean {
  const { current } = review;
  if (!current) return false;
  if (abilities.signOffFor && !latestDecisions(current.signOffs).has(abilities.signOffFor)) return true;
  return abilities.approve && missingApprovals(current.signOffs).length === 0;
}
