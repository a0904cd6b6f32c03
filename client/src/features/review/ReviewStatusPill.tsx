import type { IcpReviewDto } from '@bullseye/shared';
import { dueWording } from './dueWording.js';
import { reviewStatusView } from './reviewStatus.js';

interface ReviewStatusPillProps {
  review: IcpReviewDto;
  now: number;
  /** The live draft differs from the approved version. */
  changedSinceApproval?: boolean;
}

/**
 * Where an ICP stands in its review: Draft, In review (n of 4 signed), Changes requested, Approved
 * (vN); and, beside it and louder, Review due once the cadence has run out.
 */
export function ReviewStatusPill({ review, now, changedSinceApproval = false }: ReviewStatusPillProps) {
  const view = reviewStatusView(review);
  const due = dueWording(review, now);
  return (
    <span className="review-pills">
      <span
        className={`status-pill status-pill-${view.state}`}
        data-testid="review-status"
        data-state={view.state}
        title={view.text}
      >
        <span className="status-pill-dot" aria-hidden="true" />
        {view.label}
        {view.detail && <span className="status-pill-detail">{view.detail}</span>}
        {changedSinceApproval && (
          <span className="status-pill-changed" title="The draft has changed since this version was approved">
            <span className="visually-hidden">, </span>edited since
          </span>
        )}
      </span>
      {due?.overdue && (
        <span className="status-pill status-pill-due" data-testid="review-due" title={due.long}>
          <span aria-hidden="true">!</span> Review due
        </span>
      )}
    </span>
  );
}
