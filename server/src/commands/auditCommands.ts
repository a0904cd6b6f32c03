import type { AuditLogDto, AuditVerifyDto, ListAuditLogQuery } from '@bullseye/shared';
import type { AuditStore } from '../db/auditStore.js';
import type { IcpStore } from '../db/icpStore.js';
import { notFound } from '../errors.js';
import { presentAuditLog, presentAuditVerify } from '../presenters/audit.js';

/** Reading and verifying a workspace's audit log (appending happens in the commands it records). */
export class AuditCommands {
  constructor(
    private readonly audit: AuditStore,
    private readonly icps: IcpStore,
  ) {}

  /** A page of entries, newest first; `icpId` must be one of the workspace's ICPs (404 otherwise). */
  async list(workspaceId: string, query: ListAuditLogQuery): Promise<AuditLogDto> {
    if (query.icpId !== undefined) {
      const icp = await this.icps.find(query.icpId);
      if (icp?.workspace_id !== workspaceId) throw notFound('ICP');
    }
    const records = await this.audit.list(workspaceId, {
      icpId: query.icpId,
      before: query.before,
      limit: query.limit + 1,
    });
    return presentAuditLog(records, query.limit);
  }

  async verify(workspaceId: string): Promise<AuditVerifyDto> {
    return presentAuditVerify(await this.audit.verify(workspaceId));
  }
}
