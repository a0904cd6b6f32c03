import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { systemClock } from '../clock.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { IcpStore } from '../db/icpStore.js';
import { WorkspaceStore } from '../db/workspaceStore.js';
import { UpdateLog, type PendingUpdate } from '../db/updateLog.js';
import { UpdateCommitter } from './committer.js';

let dir: string;
let handle: DatabaseHandle;
let icpId: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-unit-'));
  handle = await openDatabase({ dataDir: dir });
  icpId = await newIcp(handle, 'Test');
});

afterEach(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function someUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, 'x');
  return updates;
}

describe('UpdateCommitter', () => {
  it('reports each update only once it can be read back, in arrival order, in few transactions', async () => {
    const log = new UpdateLog(handle.db, systemClock, handle.dialect);
    const batches: number[] = [];
    const committer = new UpdateCommitter(log, (batch) => batches.push(batch.length));
    const order: number[] = [];
    const updates = someUpdates(50);
    const visibleAtCallback: number[] = [];
    updates.forEach((data, i) =>
      committer.enqueue(i === 10 ? null : { icpId, data }, (error) => {
        expect(error).toBeNull();
        order.push(i);
        if (i === 49) void log.tailLength(icpId).then((n) => visibleAtCallback.push(n));
      }),
    );
    await committer.idle();
    expect(order).toEqual([...Array(50).keys()]);
    expect(await log.tailLength(icpId)).toBe(49); // the null barrier writes nothing
    expect(visibleAtCallback[0] ?? (await log.tailLength(icpId))).toBe(49);
    // Everything queued in one turn of the event loop is one transaction.
    expect(batches).toEqual([49]);
  });

  it('tells every waiter about a failed commit and keeps working afterwards', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    const real = new UpdateLog(handle.db, systemClock, handle.dialect);
    const flaky = {
      append: (batch: readonly PendingUpdate[]) =>
        fail ? Promise.reject(new Error('disk full')) : real.append(batch),
    } as unknown as UpdateLog;
    const committer = new UpdateCommitter(flaky);
    const [a, b] = someUpdates(2);
    const errors: (Error | null)[] = [];
    committer.enqueue({ icpId, data: a! }, (e) => errors.push(e));
    await committer.idle();
    fail = false;
    committer.enqueue({ icpId, data: b! }, (e) => errors.push(e));
    await committer.idle();
    expect(errors.map((e) => e?.message ?? null)).toEqual(['disk full', null]);
    expect(await real.tailLength(icpId)).toBe(1);
  });
});

/** An ICP in a fresh workspace (every ICP belongs to one). */
async function newIcp(db: DatabaseHandle, title: string): Promise<string> {
  const workspace = await new WorkspaceStore(db.db, systemClock).create('Unit');
  return (await new IcpStore(db.db, systemClock).create(workspace.id, title)).id;
}
