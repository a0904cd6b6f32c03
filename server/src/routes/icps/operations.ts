import {
  compareIcpsParamsSchema,
  compareIcpsQuerySchema,
  createIcpBodySchema,
  duplicateIcpBodySchema,
  icpComparisonDtoSchema,
  inheritedDisqualifiersDtoSchema,
  icpDraftDtoSchema,
  icpDtoSchema,
  icpListDtoSchema,
  icpParamsSchema,
  listIcpsQuerySchema,
  updateIcpBodySchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

const errors = [401, 404] as const;

/** The ICP operations, described once; the router and /api/openapi.json both read this. */
export const icpOperations = {
  listIcps: {
    method: 'get',
    path: '/icps',
    summary:
      'List ICPs (active by default, archived with ?archived=true), most recently updated first, each ' +
      'with its review, its draft against the approved version and the version under review ' +
      '(`draft`), completeness, last editor and the people who have it open now (`activeUsers`)',
    query: listIcpsQuerySchema,
    response: { status: 200, schema: icpListDtoSchema },
    errors: [400, 401, 404],
  },
  createIcp: {
    method: 'post',
    path: '/icps',
    summary:
      'Create an ICP with an empty one-page document in a workspace (editors and admins); `kind` ' +
      '`negative` makes a negative ICP (who we never sell to)',
    body: createIcpBodySchema,
    response: { status: 201, schema: icpDtoSchema },
    errors: [400, 401, 403, 404, 413],
  },
  getIcp: {
    method: 'get',
    path: '/icps/{id}',
    summary: 'Get one ICP record with its review (state, version under review, approved version, due date)',
    params: icpParamsSchema,
    response: { status: 200, schema: icpDtoSchema },
    errors,
  },
  getIcpDraft: {
    method: 'get',
    path: '/icps/{id}/draft',
    summary:
      'Compare the live draft (as committed) with the approved version and the version under review, ' +
      'by the SHA-256 of its canonical JSON (`editedSinceApproval`, `changedSinceReview`; null when ' +
      'there is no such version or the draft could not be read), with its completeness',
    params: icpParamsSchema,
    response: { status: 200, schema: icpDraftDtoSchema },
    errors,
  },
  updateIcp: {
    method: 'patch',
    path: '/icps/{id}',
    summary:
      'Rename an ICP, set its review cadence (`reviewIntervalDays`, 7 to 730) and/or its kind ' +
      '(`icp` or `negative`; audited, and a negative ICP is never primary) (editors and admins); ' +
      'open editors see it live',
    params: icpParamsSchema,
    body: updateIcpBodySchema,
    response: { status: 200, schema: icpDtoSchema },
    errors: [400, 401, 403, 404, 413],
  },
  archiveIcp: {
    method: 'post',
    path: '/icps/{id}/archive',
    summary: 'Archive an ICP: hidden from the default list and read-only until restored',
    params: icpParamsSchema,
    response: { status: 200, schema: icpDtoSchema },
    errors: [401, 403, 404],
  },
  unarchiveIcp: {
    method: 'post',
    path: '/icps/{id}/unarchive',
    summary: 'Restore an archived ICP',
    params: icpParamsSchema,
    response: { status: 200, schema: icpDtoSchema },
    errors: [401, 403, 404],
  },
  duplicateIcp: {
    method: 'post',
    path: '/icps/{id}/duplicate',
    summary:
      "Start a new ICP (another segment) from this one's content as committed now: criteria, " +
      'narrative, scoring settings and evidence, never its history, comments, versions or sign-offs ' +
      '(editors and admins; audited as `icp.duplicated`)',
    params: icpParamsSchema,
    body: duplicateIcpBodySchema,
    response: { status: 201, schema: icpDtoSchema },
    errors: [400, 401, 403, 404, 413],
  },
  markPrimaryIcp: {
    method: 'put',
    path: '/icps/{id}/primary',
    summary:
      "Mark the workspace's primary ICP (the previous one loses the mark; 409 `negative_icp` or " +
      '`archived`; editors and admins; audited)',
    params: icpParamsSchema,
    response: { status: 200, schema: icpDtoSchema },
    errors: [401, 403, 404, 409],
  },
  unmarkPrimaryIcp: {
    method: 'delete',
    path: '/icps/{id}/primary',
    summary: 'Remove the primary mark (editors and admins; audited)',
    params: icpParamsSchema,
    response: { status: 200, schema: icpDtoSchema },
    errors: [401, 403, 404],
  },
  compareIcps: {
    method: 'get',
    path: '/icps/{id}/compare/{otherId}',
    summary:
      'Compare two ICPs of a workspace as their drafts stand: shared criteria, bands, conflicts ' +
      '(what one rules out that the other targets), whether any company can match both, and with a ' +
      'ready dataset (`datasetId`, else the newest ready one) the accounts a fit (A or B) for both',
    params: compareIcpsParamsSchema,
    query: compareIcpsQuerySchema,
    response: { status: 200, schema: icpComparisonDtoSchema },
    errors: [400, 401, 404, 409, 503],
  },
  getInheritedDisqualifiers: {
    method: 'get',
    path: '/icps/{id}/inherited-disqualifiers',
    summary:
      "What this ICP inherits from the workspace's negative ICPs: the criteria of each one's " +
      'approved version (they disqualify in its scores) and the negative ICPs not approved yet',
    params: icpParamsSchema,
    response: { status: 200, schema: inheritedDisqualifiersDtoSchema },
    errors,
  },
} satisfies Record<string, Operation>;

export type IcpOperationId = keyof typeof icpOperations;
