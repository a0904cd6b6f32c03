import { CoachChecklist } from '../coach/CoachChecklist.js';
import { useCoachOptional } from '../coach/coachContext.js';
import { useNow } from '../comments/useNow.js';
import { IcpKindCard } from '../icpKinds/IcpKindCard.js';
import { ApprovedVersionCard } from './ApprovedVersionCard.js';
import { CurrentReviewCard } from './CurrentReviewCard.js';
import { RequestSignOffForm } from './RequestSignOffForm.js';
import { ReviewCadence } from './ReviewCadence.js';
import { useReview } from './reviewContext.js';
import { reviewNextStep } from './reviewNextStep.js';
import { ReviewStatusPill } from './ReviewStatusPill.js';

/**
 * The Review tab of the editor's panel: where the ICP stands, the version under review with each
 * function's sign-off, the approved version and what changed since, the review cadence, and the
 * kind of profile (ICP or negative, primary).
 */
export function ReviewPanel() {
  const { review, abilities, sinceApproval } = useReview();
  const now = useNow(60_000);
  const coach = useCoachOptional();

  return (
    <div className="review-panel" data-testid="review-panel">
      <section className="review-summary" aria-label="Review status">
        <ReviewStatusPill
          review={review}
          now={now}
          changedSinceApproval={review.state === 'approved' && sinceApproval.status === 'changed'}
        />
        <p className="review-next">{reviewNextStep(review)}</p>
      </section>
      {coach && <CoachChecklist />}
      {review.current && <CurrentReviewCard current={review.current} now={now} />}
      {review.approved && <ApprovedVersionCard approved={review.approved} now={now} />}
      {abilities.requestSignOff && (
        <RequestSignOffForm
          current={review.current}
          prominent={
            !review.current && (!review.approved || sinceApproval.status === 'changed' || review.reviewDue)
          }
        />
      )}
      <ReviewCadence now={now} />
      <IcpKindCard />
    </div>
  );
}
