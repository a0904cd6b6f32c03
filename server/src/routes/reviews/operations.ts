import {
  approveVersionBodySchema,
  icpReviewDtoSchema,
  signOffBodySchema,
  versionParamsSchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/** The review workflow on a version; each answers the ICP's review as it is now. */
export const reviewOperations = {
  requestSignOff: {
    method: 'post',
    path: '/versions/{id}/review',
    summary:
      'Put the version under review (editors and admins). A review of another version is superseded: ' +
      'its sign-offs stay in the history but no longer count. Older versions may be put under review too',
    params: versionParamsSchema,
    response: { status: 200, schema: icpReviewDtoSchema },
    errors: [401, 403, 404, 409],
  },
  signOff: {
    method: 'post',
    path: '/versions/{id}/sign-offs',
    summary:
      "Sign off the version under review for one's own function: approve, or request changes with a " +
      'reason; a later decision of the same function replaces the earlier one. Refused while blocking ' +
      'comment threads are open (409 blocking_threads_open)',
    params: versionParamsSchema,
    body: signOffBodySchema,
    response: { status: 200, schema: icpReviewDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
  approveVersion: {
    method: 'post',
    path: '/versions/{id}/approve',
    summary:
      'Approve the version under review once all four functions approved it (approvers); it becomes ' +
      "the ICP's approved version, bound to its hash",
    params: versionParamsSchema,
    body: approveVersionBodySchema,
    response: { status: 200, schema: icpReviewDtoSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
} satisfies Record<string, Operation>;
