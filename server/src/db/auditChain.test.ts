import { describe, expect, it } from 'vitest';
import { canonicalStringify } from '@bullseye/shared';
import { auditEntryHash, ChainVerifier, GENESIS_HASH, type StoredAuditEntry } from './auditChain.js';

function chain(length: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const data = { versionNumber: seq, name: `v${seq}` };
    const fields = {
      seq,
      workspaceId: 'w',
      icpId: 'i',
      kind: 'version.created',
      actorId: null,
      at: `t${seq}`,
      data,
    };
    const hash = auditEntryHash(prev, fields);
    entries.push({
      seq,
      workspace_id: 'w',
      icp_id: 'i',
      kind: 'version.created',
      actor_id: null,
      at: `t${seq}`,
      data: canonicalStringify(data),
      prev_hash: prev,
      hash,
    });
    prev = hash;
  }
  return entries;
}

function verify(entries: StoredAuditEntry[]) {
  const verifier = new ChainVerifier();
  entries.forEach((entry) => verifier.add(entry));
  return { checked: verifier.checked, firstBroken: verifier.firstBroken };
}

describe('the audit hash chain', () => {
  it('does not depend on the key order of the data', () => {
    const fields = { seq: 1, workspaceId: 'w', icpId: null, kind: 'k', actorId: 'a', at: 't' };
    expect(auditEntryHash(GENESIS_HASH, { ...fields, data: { a: 1, b: [2, { c: 3, d: 4 }] } })).toBe(
      auditEntryHash(GENESIS_HASH, { ...fields, data: { b: [2, { d: 4, c: 3 }], a: 1 } }),
    );
  });

  it('accepts an intact chain', () => {
    expect(verify(chain(4))).toEqual({ checked: 4, firstBroken: null });
    expect(verify([])).toEqual({ checked: 0, firstBroken: null });
  });

  it('reports the first entry whose data, actor or hash changed', () => {
    const data = chain(4);
    data[2]!.data = data[2]!.data.replace('v3', 'v9');
    data[3]!.hash = 'f'.repeat(64);
    expect(verify(data).firstBroken).toEqual({ seq: 3, reason: 'hash mismatch' });
    const actor = chain(3);
    actor[1]!.actor_id = 'someone';
    expect(verify(actor).firstBroken).toEqual({ seq: 2, reason: 'hash mismatch' });
    const unreadable = chain(2);
    unreadable[0]!.data = '{';
    expect(verify(unreadable).firstBroken?.seq).toBe(1);
  });

  it('reports a broken link and a missing entry', () => {
    const relinked = chain(3);
    relinked[1]!.prev_hash = 'a'.repeat(64);
    expect(verify(relinked).firstBroken).toMatchObject({
      seq: 2,
      reason: expect.stringMatching(/^broken link/),
    });
    const gap = chain(5).filter((entry) => entry.seq !== 3);
    expect(verify(gap)).toEqual({
      checked: 4,
      firstBroken: { seq: 3, reason: 'missing entry (the next one present is 4)' },
    });
    const headless = chain(3).slice(1);
    expect(verify(headless).firstBroken).toMatchObject({
      seq: 1,
      reason: expect.stringMatching(/^missing entry/),
    });
  });
});
