import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addListItem, canonicalJson } from '@bullseye/shared';
import { systemClock } from '../clock.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { sha256Hex } from './docSnapshot.js';
import { DraftDigests } from './draftDigests.js';
import { IcpStore } from './icpStore.js';
import { UpdateLog } from './updateLog.js';
import { WorkspaceStore } from './workspaceStore.js';

let dir: string;
let handle: DatabaseHandle;
let log: UpdateLog;
let icps: IcpStore;
let workspaceId: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-unit-'));
  handle = await openDatabase({ dataDir: dir });
  log = new UpdateLog(handle.db, systemClock, handle.dialect);
  icps = new IcpStore(handle.db, systemClock);
  workspaceId = (await new WorkspaceStore(handle.db, systemClock).create('Unit')).id;
});

afterEach(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A document whose every change is committed to the log, as the collaboration server does. */
function writer(icpId: string) {
  const doc = new Y.Doc();
  const pending: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => pending.push(update));
  return {
    doc,
    async commit() {
      await log.append(pending.splice(0).map((data) => ({ icpId, data })));
      return sha256Hex(canonicalJson(doc));
    },
  };
}

describe('DraftDigests', () => {
  it('hashes each draft as a version would, and follows every commit, compaction and later commit', async () => {
    const icpId = (await icps.create(workspaceId, 'A')).id;
    const digests = new DraftDigests(handle.db);
    const empty = sha256Hex(canonicalJson(new Y.Doc()));
    expect((await digests.digests([icpId])).get(icpId)?.hash).toBe(empty);

    const w = writer(icpId);
    addListItem(w.doc, 'industries', 'Fintech');
    const first = await w.commit();
    expect((await digests.digests([icpId])).get(icpId)?.hash).toBe(first);

    await log.compact(icpId);
    // Same content after compaction (a new position, read again, same hash).
    expect((await digests.digests([icpId])).get(icpId)?.hash).toBe(first);

    addListItem(w.doc, 'industries', 'Banking');
    const second = await w.commit();
    expect(second).not.toBe(first);
    expect((await digests.digests([icpId])).get(icpId)?.hash).toBe(second);
  });

  it('never answers a cached hash for a draft that changed behind it (another instance, a second cache)', async () => {
    const icpId = (await icps.create(workspaceId, 'B')).id;
    const ours = new DraftDigests(handle.db);
    const w = writer(icpId);
    addListItem(w.doc, 'industries', 'Fintech');
    await w.commit();
    await ours.digests([icpId]);
    // Another process appends: nothing tells this cache, the position does.
    addListItem(w.doc, 'geographies', 'Germany');
    const now = await w.commit();
    const digest = (await ours.digests([icpId])).get(icpId);
    expect(digest?.hash).toBe(now);
    expect(digest?.completeness).toBeGreaterThan(0);
  });

  it('digests several ICPs at once, one without content as the empty document', async () => {
    const a = (await icps.create(workspaceId, 'A')).id;
    const b = (await icps.create(workspaceId, 'B')).id;
    const wa = writer(a);
    addListItem(wa.doc, 'industries', 'Retail');
    const hashA = await wa.commit();
    const result = await new DraftDigests(handle.db).digests([a, b]);
    expect(result.get(a)?.hash).toBe(hashA);
    expect(result.get(b)?.hash).toBe(sha256Hex(canonicalJson(new Y.Doc())));
  });
});
