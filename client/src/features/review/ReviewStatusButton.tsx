import { useNow } from '../comments/useNow.js';
import { useReview } from './reviewContext.js';
import { ReviewStatusPill } from './ReviewStatusPill.js';

interface ReviewStatusButtonProps {
  expanded: boolean;
  /** The id of the panel it opens, for `aria-controls`. */
  controls: string;
  onClick: () => void;
}

/** The editor top bar's review status; it opens the Review tab of the panel. */
export function ReviewStatusButton({ expanded, controls, onClick }: ReviewStatusButtonProps) {
  const { review, sinceApproval } = useReview();
  const now = useNow(60_000);
  return (
    <button
      type="button"
      className={`review-toggle ${expanded ? 'review-toggle-on' : ''}`}
      id="review-toggle"
      data-testid="review-toggle"
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      title="Review: sign-offs, approval and the review cadence"
      onClick={onClick}
    >
      <span className="visually-hidden">Review: </span>
      <ReviewStatusPill
        review={review}
        now={now}
        changedSinceApproval={review.state === 'approved' && sinceApproval.status === 'changed'}
      />
    </button>
  );
}
