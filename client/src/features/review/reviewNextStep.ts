import { FUNCTIONS, missingApprovals, type IcpReviewDto } from '@bullseye/shared';
import { functionList } from './functionList.js';
import { functionSignOffs } from './functionSignOffs.js';

/** One sentence on where the review stands and what has to happen next. */
export function reviewNextStep(review: IcpReviewDto): string {
  const { current, approved } = review;
  if (current) {
    const rows = functionSignOffs(current.signOffs);
    const asking = rows.filter((r) => r.decision === 'request_changes').map((r) => r.fn);
    if (asking.length) {
      return `${functionList(asking)} asked for changes to version ${current.number}. Edit the draft, then request sign-off on a new version.`;
    }
    const missing = missingApprovals(current.signOffs);
    if (missing.length === 0) {
      return `All ${FUNCTIONS.length} functions approved version ${current.number}. An approver can now approve it.`;
    }
    return `Waiting for ${functionList(missing)} to sign off version ${current.number}.`;
  }
  if (approved) {
    const approvedText = `Version ${approved.number} is the approved version everybody uses.`;
    return review.reviewDue
      ? `${approvedText} Its review is due: request sign-off on the current draft to review it again.`
      : approvedText;
  }
  return 'No version has been approved yet. An editor requests sign-off on a version; each function signs it off, then an approver approves it.';
}

/** The line under an ICP in the list: "Version 3 approved · next review due in 12 days". */
export function reviewSummaryLine(
  review: IcpReviewDto,
  due: { short: string; overdue: boolean } | null,
): string | null {
  const parts: string[] = [];
  if (review.current) parts.push(`Version ${review.current.number} in review`);
  if (review.approved) parts.push(`Version ${review.approved.number} approved`);
  if (due) parts.push(due.overdue ? `review ${due.short}` : `next review ${due.short}`);
  return parts.length ? parts.join(' · ') : null;
}
