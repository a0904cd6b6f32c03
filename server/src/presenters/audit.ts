import type { AuditEntryDto, AuditKind, AuditLogDto, AuditVerifyDto } from '@bullseye/shared';
import type { ChainBreak } from '../db/auditChain.js';
import type { AuditRecord } from '../db/auditStore.js';
import { person } from './review.js';

export function presentAuditEntry(record: AuditRecord): AuditEntryDto {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(record.data);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      data = parsed as Record<string, unknown>;
  } catch {
    // An altered row is still listed; verify() says which one.
  }
  return {
    seq: record.seq,
    icpId: record.icp_id,
    icpTitle: record.icp_title,
    kind: record.kind as AuditKind,
    actor: person(record.actor_id, record.actor_name),
    at: record.at,
    data,
    prevHash: record.prev_hash,
    hash: record.hash,
  };
}

/** A page of entries; `nextBefore` is set when a full page suggests more may follow. */
export function presentAuditLog(records: readonly AuditRecord[], limit: number): AuditLogDto {
  const entries = records.slice(0, limit).map(presentAuditEntry);
  return { entries, nextBefore: records.length > limit ? (entries.at(-1)?.seq ?? null) : null };
}

export function presentAuditVerify(result: {
  checked: number;
  firstBroken: ChainBreak | null;
}): AuditVerifyDto {
  return { ok: result.firstBroken === null, checked: result.checked, firstBroken: result.firstBroken };
}
