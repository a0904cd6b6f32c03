import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addListItem, canonicalJson, readList } from '@bullseye/shared';
import { systemClock } from '../clock.js';
import { ensureWritableDir, openDatabase, type DatabaseHandle } from './database.js';
import { IcpStore } from './icpStore.js';
import { WorkspaceStore } from './workspaceStore.js';
import { buildDoc, UpdateLog } from './updateLog.js';

let dir: string;
let handle: DatabaseHandle;
let log: UpdateLog;
let icpId: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-unit-'));
  handle = await openDatabase({ dataDir: dir });
  log = new UpdateLog(handle.db, systemClock, handle.dialect);
  icpId = await newIcp(handle, 'Test');
});

afterEach(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A writer doc whose every update is appended to the log, like the collaboration server does. */
function recordingDoc(pending: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => pending.push(update));
  return doc;
}

describe('UpdateLog', () => {
  it('loads exactly what was appended, from a new connection to the same file', async () => {
    const pending: Uint8Array[] = [];
    const doc = recordingDoc(pending);
    for (const name of ['Fintech', 'Healthcare', 'Insurance']) addListItem(doc, 'industries', name);
    await log.append(pending.map((data) => ({ icpId, data })));
    await handle.close();

    handle = await openDatabase({ dataDir: dir });
    log = new UpdateLog(handle.db, systemClock, handle.dialect);
    const loaded = buildDoc(await log.load(icpId));
    expect(canonicalJson(loaded)).toBe(canonicalJson(doc));
  });

  it('compacts the tail into a snapshot without changing the content', async () => {
    const pending: Uint8Array[] = [];
    const doc = recordingDoc(pending);
    for (let i = 0; i < 39; i++) addListItem(doc, 'technologies', `Tool ${i}`);
    await log.append(pending.map((data) => ({ icpId, data })));
    expect(await log.tailLength(icpId)).toBe(39);

    expect(await log.compact(icpId)).toBe(39);
    expect(await log.tailLength(icpId)).toBe(0);
    const state = await log.load(icpId);
    expect(state.snapshot).not.toBeNull();
    expect(canonicalJson(buildDoc(state))).toBe(canonicalJson(doc));

    // Updates after a compaction form a new tail on top of the snapshot.
    pending.length = 0;
    addListItem(doc, 'technologies', 'Late addition');
    await log.append(pending.map((data) => ({ icpId, data })));
    expect(readList(buildDoc(await log.load(icpId)), 'technologies').at(-1)?.text).toBe('Late addition');
  });

  it('keeps updates of other ICPs apart', async () => {
    const other = await newIcp(handle, 'Other');
    const pending: Uint8Array[] = [];
    const doc = recordingDoc(pending);
    addListItem(doc, 'industries', 'Only here');
    await log.append(pending.map((data) => ({ icpId: other, data })));
    expect(readList(buildDoc(await log.load(icpId)), 'industries')).toEqual([]);
    expect(readList(buildDoc(await log.load(other)), 'industries').map((i) => i.text)).toEqual(['Only here']);
  });

  it('skips an unreadable stored update instead of refusing to load the document', () => {
    const pending: Uint8Array[] = [];
    const doc = recordingDoc(pending);
    addListItem(doc, 'industries', 'Good');
    const problems: unknown[] = [];
    const loaded = buildDoc({ snapshot: null, updates: [new Uint8Array([1, 2, 3, 250]), ...pending] }, (e) =>
      problems.push(e),
    );
    expect(problems).toHaveLength(1);
    expect(readList(loaded, 'industries').map((i) => i.text)).toEqual(['Good']);
  });
});

describe('data directory', () => {
  it('refuses a data directory that cannot be created, saying which', () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    expect(() => ensureWritableDir(path.join(file, 'data'))).toThrow(
      /DATA_DIR .*a-file\/data is not writable/,
    );
  });
});

/** An ICP in a fresh workspace (every ICP belongs to one). */
async function newIcp(db: DatabaseHandle, title: string): Promise<string> {
  const workspace = await new WorkspaceStore(db.db, systemClock).create('Unit');
  return (await new IcpStore(db.db, systemClock).create(workspace.id, title)).id;
}

describe('buildDoc', () => {
  it('drops (and reports) stored changes that wait for changes never stored', () => {
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on('update', (update: Uint8Array) => updates.push(update));
    author.getText('t').insert(0, 'never stored ');
    author.getText('t').insert(13, 'orphan');
    const reported: unknown[] = [];
    const doc = buildDoc({ snapshot: null, updates: [updates[1]!] }, (error) => reported.push(error));
    expect(reported).toHaveLength(1);
    expect(doc.store.pendingStructs).toBeNull();
    // A snapshot made from it (compaction) carries nothing pending either.
    const again = new Y.Doc();
    Y.applyUpdate(again, Y.encodeStateAsUpdate(doc));
    expect(again.store.pendingStructs).toBeNull();
    expect(again.getText('t').toString()).toBe('');
  });
});

describe('UpdateLog.readSince (catching up by sequence)', () => {
  it('reads what was committed after a position, and the snapshot once compaction merged past it', async () => {
    const pending: Uint8Array[] = [];
    const doc = recordingDoc(pending);
    addListItem(doc, 'industries', 'Fintech');
    await log.append(pending.splice(0).map((data) => ({ icpId, data })));
    const loaded = await log.load(icpId);
    expect(loaded.position).toBeGreaterThan(0);

    addListItem(doc, 'industries', 'Insurance');
    addListItem(doc, 'industries', 'Retail');
    await log.append(pending.splice(0).map((data) => ({ icpId, data })));
    const since = await log.readSince(icpId, loaded.position!);
    expect(since.snapshot).toBeNull();
    expect(since.updates).toHaveLength(2);
    expect(since.position).toBeGreaterThan(loaded.position!);
    expect(await log.readSince(icpId, since.position!)).toEqual({
      snapshot: null,
      updates: [],
      position: since.position,
    });

    // Compaction deletes the rows it merged: a reader behind them gets the snapshot instead.
    await log.compact(icpId);
    const behind = await log.readSince(icpId, loaded.position!);
    expect(behind.snapshot).not.toBeNull();
    expect(behind.position).toBe(since.position);
    const rebuilt = buildDoc({
      snapshot: null,
      updates: [Y.encodeStateAsUpdate(buildDoc(loaded)), behind.snapshot!],
    });
    expect(readList(rebuilt, 'industries').map((i) => i.text)).toEqual(['Fintech', 'Insurance', 'Retail']);
    expect((await log.readSince(icpId, since.position!)).snapshot).toBeNull();
  });
});
