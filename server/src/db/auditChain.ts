import { canonicalStringify } from '@bullseye/shared';
import { sha256Hex } from './docSnapshot.js';

/** The `prev_hash` of a workspace's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry its hash covers (with the previous entry's hash). */
export interface AuditFields {
  seq: number;
  workspaceId: string;
  icpId: string | null;
  kind: string;
  actorId: string | null;
  at: string;
  data: unknown;
}

/** SHA-256 of the previous hash followed by the canonical JSON of the entry's fields. */
export function auditEntryHash(prevHash: string, fields: AuditFields): string {
  const { seq, workspaceId, icpId, kind, actorId, at, data } = fields;
  return sha256Hex(prevHash + canonicalStringify({ seq, workspaceId, icpId, kind, actorId, at, data }));
}

/** An entry as stored: its fields with `data` as text, and the two hashes. */
export interface StoredAuditEntry {
  seq: number;
  workspace_id: string;
  icp_id: string | null;
  kind: string;
  actor_id: string | null;
  at: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

/**
 * Checks a workspace's chain entry by entry, in seq order; feed it every entry once. The first
 * break is kept: a gap in seq ("missing entry", reported at the first missing number), a prev_hash
 * that is not the previous entry's hash ("broken link"), or a hash that does not cover the
 * entry's fields ("hash mismatch").
 */
export class ChainVerifier {
  checked = 0;
  firstBroken: ChainBreak | null = null;
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;

  add(entry: StoredAuditEntry): void {
    this.checked++;
    if (!this.firstBroken) this.firstBroken = this.check(entry);
    this.expectedSeq = entry.seq + 1;
    this.prevHash = entry.hash;
  }

  private check(entry: StoredAuditEntry): ChainBreak | null {
    if (entry.seq !== this.expectedSeq) {
      return entry.seq > this.expectedSeq
        ? { seq: this.expectedSeq, reason: `missing entry (the next one present is ${entry.seq})` }
        : { seq: entry.seq, reason: 'entry out of order' };
    }
    if (entry.prev_hash !== this.prevHash) {
      return { seq: entry.seq, reason: "broken link (prev_hash is not the previous entry's hash)" };
    }
    let data: unknown;
    try {
      data = JSON.parse(entry.data);
    } catch {
      return { seq: entry.seq, reason: 'hash mismatch (data is not JSON)' };
    }
    const expected = auditEntryHash(entry.prev_hash, {
      seq: entry.seq,
      workspaceId: entry.workspace_id,
      icpId: entry.icp_id,
      kind: entry.kind,
      actorId: entry.actor_id,
      at: entry.at,
      data,
    });
    return expected === entry.hash ? null : { seq: entry.seq, reason: 'hash mismatch' };
  }
}
