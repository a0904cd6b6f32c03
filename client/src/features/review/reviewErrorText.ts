import type { ApiError } from '../../api/apiError.js';

const MESSAGES: Record<string, string> = {
  blocking_threads_open:
    'Approval waits while blocking comment threads are open. Resolve them in Comments, then approve.',
  version_superseded:
    'A newer version has been put up for sign-off since. Sign off on that one instead (the review has been refreshed).',
  not_in_review: 'This version is no longer under review. The review has been refreshed.',
  not_your_function: 'You can only sign off for the function you represent in this workspace.',
  sign_offs_missing: 'All four functions must approve this version before it can be approved.',
  not_approver: 'Only members marked as approvers can approve a version.',
};

/** What a refused review action means, in the words of the review panel. */
export function reviewErrorText(error: Pick<ApiError, 'code' | 'message'>): string {
  return MESSAGES[error.code] ?? error.message;
}

/** Refusals after which the review shown is out of date and should be fetched again. */
export function isStaleReviewError(error: Pick<ApiError, 'code'>): boolean {
  return ['version_superseded', 'not_in_review', 'sign_offs_missing'].includes(error.code);
}
