import { FUNCTIONS, latestDecisions, type IcpReviewDto, type ReviewState } from '@bullseye/shared';
import { functionList } from './functionList.js';

export interface ReviewStatusView {
  state: ReviewState;
  /** "Draft", "In review", "Changes requested", "Approved". */
  label: string;
  /** What the label needs next to it: "2 of 4 signed", "by Sales", "v3"; null when nothing. */
  detail: string | null;
  /** Both together, for a title or a screen reader: "In review, 2 of 4 signed". */
  text: string;
}

const LABELS: Record<ReviewState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
};

/** How many of the four functions currently approve the version under review. */
export function approvalCount(review: Pick<IcpReviewDto, 'current'>): number {
  if (!review.current) return 0;
  const latest = latestDecisions(review.current.signOffs);
  return FUNCTIONS.filter((fn) => latest.get(fn)?.decision === 'approve').length;
}

/** The words of an ICP's review status pill, from the state the server sent. */
export function reviewStatusView(review: IcpReviewDto): ReviewStatusView {
  const label = LABELS[review.state];
  let detail: string | null = null;
  if (review.state === 'in_review') {
    detail = `${approvalCount(review)} of ${FUNCTIONS.length} signed`;
  } else if (review.state === 'changes_requested' && review.current) {
    const latest = latestDecisions(review.current.signOffs);
    const asking = FUNCTIONS.filter((fn) => latest.get(fn)?.decision === 'request_changes');
    // The pill stays short: two names at most.
    detail =
      asking.length > 2
        ? `by ${asking.length} functions`
        : asking.length
          ? `by ${functionList(asking)}`
          : null;
  } else if (review.state === 'approved' && review.approved) {
    detail = `v${review.approved.number}`;
  }
  return { state: review.state, label, detail, text: detail ? `${label}, ${detail}` : label };
}
