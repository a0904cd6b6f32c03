import type { AuditLogDto, AuditVerifyDto } from '@bullseye/shared';
import { request } from './request.js';

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/audit`;

export interface AuditQuery {
  /** Only entries about this ICP. */
  icpId?: string | null;
  /** Page size, 1 to 200 (the server defaults to 100). */
  limit?: number;
  /** The `nextBefore` of the previous page. */
  before?: number | null;
}

/** A workspace's hash-chained audit log of versions, sign-offs, approvals and restores. */
export const auditApi = {
  /** Newest first. */
  list: (workspaceId: string, { icpId, limit, before }: AuditQuery = {}) => {
    const query = new URLSearchParams();
    if (icpId) query.set('icpId', icpId);
    if (limit !== undefined) query.set('limit', String(limit));
    if (before) query.set('before', String(before));
    const search = query.toString();
    return request<AuditLogDto>('GET', search ? `${base(workspaceId)}?${search}` : base(workspaceId));
  },
  verify: (workspaceId: string) => request<AuditVerifyDto>('GET', `${base(workspaceId)}/verify`),
};
