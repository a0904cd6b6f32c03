import {
  coachDismissalListDtoSchema,
  dismissFindingBodySchema,
  icpCoachParamsSchema,
  icpContributionsDtoSchema,
  undismissFindingQuerySchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/** The quality coach's dismissals on an ICP; described once for the router and OpenAPI. */
export const coachOperations = {
  listCoachDismissals: {
    method: 'get',
    path: '/icps/{icpId}/coach/dismissals',
    summary: 'Coach findings dismissed on the ICP, with the reason, who and when (any member)',
    params: icpCoachParamsSchema,
    response: { status: 200, schema: coachDismissalListDtoSchema },
    errors: [400, 401, 404],
  },
  dismissCoachFinding: {
    method: 'post',
    path: '/icps/{icpId}/coach/dismissals',
    summary:
      'Dismiss a coach finding (by its key) with a reason reviewers will read; again changes the reason (editors and admins)',
    params: icpCoachParamsSchema,
    body: dismissFindingBodySchema,
    response: { status: 201, schema: coachDismissalListDtoSchema },
    errors: [400, 401, 403, 404, 413],
  },
  getIcpContributions: {
    method: 'get',
    path: '/icps/{icpId}/contributions',
    summary:
      'Who contributed to which section of the ICP, by function: edits (counted as they are committed) and comments (any member)',
    params: icpCoachParamsSchema,
    response: { status: 200, schema: icpContributionsDtoSchema },
    errors: [400, 401, 404],
  },
  restoreCoachFinding: {
    method: 'delete',
    path: '/icps/{icpId}/coach/dismissals',
    summary: 'Bring back a dismissed finding (?findingKey=…; editors and admins)',
    params: icpCoachParamsSchema,
    query: undismissFindingQuerySchema,
    response: { status: 200, schema: coachDismissalListDtoSchema },
    errors: [400, 401, 403, 404],
  },
} satisfies Record<string, Operation>;
