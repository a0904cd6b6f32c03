import {
  auditLogDtoSchema,
  auditParamsSchema,
  auditVerifyDtoSchema,
  listAuditLogQuerySchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/** The workspace's hash-chained audit log (any member reads and verifies it). */
export const auditOperations = {
  listAuditLog: {
    method: 'get',
    path: '/workspaces/{workspaceId}/audit',
    summary:
      'Audit entries (versions created and restored, sign-off requests, sign-offs, approvals), newest ' +
      'first; `icpId` for one ICP, `before` (a seq) and `limit` to page',
    params: auditParamsSchema,
    query: listAuditLogQuerySchema,
    response: { status: 200, schema: auditLogDtoSchema },
    errors: [400, 401, 404],
  },
  verifyAuditLog: {
    method: 'get',
    path: '/workspaces/{workspaceId}/audit/verify',
    summary:
      "Recompute the workspace's hash chain from its first entry and report the first entry whose " +
      'hash or link to the previous one does not match (or a missing entry)',
    params: auditParamsSchema,
    response: { status: 200, schema: auditVerifyDtoSchema },
    errors: [401, 404],
  },
} satisfies Record<string, Operation>;
