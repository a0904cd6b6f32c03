import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { textOf, typingUpdates } from '../../../tests/support/icpDocs.js';
import { CloseCode } from '@bullseye/shared';
import { awarenessMessage, RawCollabSocket, syncUpdateMessage } from '../../../tests/support/rawSocket.js';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { waitFor } from '../../../tests/support/waitFor.js';
import { systemClock } from '../clock.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { IcpStore } from '../db/icpStore.js';
import { UpdateLog, type DbTransaction, type PendingUpdate } from '../db/updateLog.js';
import { WorkspaceStore } from '../db/workspaceStore.js';
import { encodeSyncStep2 } from './messages.js';
import type { RoomRegistry } from './roomRegistry.js';
import { CollabServer } from './collabServer.js';
import { collabStats } from './connection.js';
import type { Room } from './room.js';
import type { UpgradeCheck } from './upgrade.js';

/** The update log with a hand on the brake: commits can be held, or made to fail. */
class ControlledLog extends UpdateLog {
  held: Promise<void> | null = null;
  failing = false;
  appends = 0;
  private releaseHeld: (() => void) | null = null;

  hold(): void {
    this.held = new Promise((resolve) => (this.releaseHeld = resolve));
  }

  release(): void {
    this.releaseHeld?.();
    this.held = null;
  }

  override async append(batch: readonly PendingUpdate[], db?: DbTransaction): Promise<void> {
    if (batch.length === 0) return;
    this.appends++;
    if (this.held) await this.held;
    if (this.failing) throw new Error('planted commit failure');
    return super.append(batch, db);
  }
}

let dir: string;
let handle: DatabaseHandle;
let log: ControlledLog;
let icps: IcpStore;
let icpId: string;
let workspaceId: string;
let collab: CollabServer;
let httpServer: http.Server;
let port: number;
/** Runs inside the upgrade checks, after authentication; tests use it to pause an upgrade. */
let duringUpgrade: () => Promise<void>;
const sockets: RawCollabSocket[] = [];

const authenticate: UpgradeCheck = async (ctx) => {
  const as = ctx.url.searchParams.get('as') ?? 'editor';
  ctx.actor = {
    user: { id: `user-${as}`, name: as, email: `${as}@example.com` },
    via: 'token',
    scope: 'full',
  };
  ctx.membership = {
    workspaceId,
    userId: `user-${as}`,
    role: as === 'viewer' ? 'viewer' : 'editor',
    function: null,
    approver: false,
    createdAt: new Date().toISOString(),
  };
  ctx.readOnly = as === 'viewer';
  await duringUpgrade();
};

beforeEach(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-collab-'));
  handle = await openDatabase({ dataDir: dir });
  log = new ControlledLog(handle.db, systemClock, handle.dialect);
  icps = new IcpStore(handle.db, systemClock);
  workspaceId = (await new WorkspaceStore(handle.db, systemClock).create('Unit')).id;
  icpId = (await icps.create(workspaceId, 'Promises')).id;
  duringUpgrade = async () => {};
  collab = new CollabServer({
    updateLog: log,
    icps,
    checks: [authenticate],
    unloadDelayMs: 0,
    compactAfterUpdates: 1_000,
  });
  httpServer = http.createServer();
  collab.attach(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  port = (httpServer.address() as AddressInfo).port;
});

afterEach(async () => {
  log.release();
  for (const socket of sockets.splice(0)) socket.destroy();
  await collab.close();
  await new Promise((resolve) => httpServer.close(resolve));
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function open(as = 'editor'): Promise<RawCollabSocket> {
  const socket = await RawCollabSocket.open(`ws://127.0.0.1:${port}/collab/${icpId}?acks=1&as=${as}`);
  sockets.push(socket);
  await waitFor(() => socket.received.length > 0); // accepted: the server sent sync step 1
  return socket;
}

const textSeenBy = (socket: RawCollabSocket): string => textOf(socket.seenDoc());

/** A new connection's edit ('kept') is saved and stored: the ICP still takes writes. */
async function expectNewWriterSaved(): Promise<void> {
  const next = await open();
  const [fresh] = typingUpdates('kept');
  next.send(syncUpdateMessage(fresh!));
  await next.waitForSaved(1);
  expect(await storedText()).toBe('kept');
}

async function storedText(): Promise<string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await log.loadState(icpId));
  return textOf(doc);
}

describe('CollabServer promises', () => {
  it('relays and acknowledges an update only once its commit is durable', async () => {
    const writer = await open();
    const reader = await open();
    log.hold();
    const [update] = typingUpdates('held');
    writer.send(syncUpdateMessage(update!));
    await waitFor(() => log.appends === 1); // the commit is under way, and held
    // Barriers: everything the server sent each socket before answering has arrived.
    await writer.roundTrip();
    await reader.roundTrip();
    expect(writer.saved).toBe(0);
    expect(textSeenBy(reader)).toBe('');

    log.release();
    await writer.waitForSaved(1);
    await waitFor(() => expect(textSeenBy(reader)).toBe('held'));
    expect(await storedText()).toBe('held');
  });

  it('never relays, acknowledges or keeps an update whose commit failed', async () => {
    const writer = await open();
    const reader = await open();
    log.failing = true;
    const [update] = typingUpdates('lost');
    writer.send(syncUpdateMessage(update!));
    expect((await writer.closed).code).toBe(CloseCode.internalError);
    expect(writer.saved).toBe(0);
    if (!reader.isClosed) await reader.roundTrip();
    expect(textSeenBy(reader)).toBe('');
    log.failing = false;
    expect(await storedText()).toBe('');
    // The room keeps serving: a new connection writes and is saved.
    await expectNewWriterSaved();
  });

  it('commits nothing queued behind a failed commit of the same ICP, and the ICP stays editable', async () => {
    const writer = await open();
    const [a, b] = typingUpdates('first ', 'second');
    log.hold();
    writer.send(syncUpdateMessage(a!));
    await waitFor(() => log.appends === 1); // A is being written
    writer.send(syncUpdateMessage(b!)); // B builds on A and waits for the next batch
    await writer.roundTrip();
    log.failing = true;
    log.release();
    expect((await writer.closed).code).toBe(CloseCode.internalError);
    log.failing = false;
    expect(log.appends).toBe(1); // B was withdrawn, never written on its own
    expect(await storedText()).toBe('');
    // Someone else edits next: nothing pending is blamed on them.
    await expectNewWriterSaved();
  });

  it('drops stored changes that wait for changes never stored, instead of refusing everyone after', async () => {
    const [, orphan] = typingUpdates('never stored ', 'orphan');
    await log.append([{ icpId, data: orphan! }]); // as an unchecked server could have stored it
    const editor = await open();
    const seen = editor.seenDoc();
    expect(seen.getText('t').toString()).toBe('');
    const updates: Uint8Array[] = [];
    seen.on('update', (u: Uint8Array) => updates.push(u));
    seen.getText('t').insert(0, 'fresh start');
    editor.send(syncUpdateMessage(updates[0]!));
    await editor.waitForSaved(1);
    expect(await storedText()).toBe('fresh start');
  });

  it('acknowledges an empty update in order, after the updates sent before it', async () => {
    const writer = await open();
    log.hold();
    const [update] = typingUpdates('first');
    writer.send(syncUpdateMessage(update!));
    writer.send(syncUpdateMessage(new Uint8Array([0, 0])));
    await waitFor(() => log.appends === 1);
    await writer.roundTrip();
    expect(writer.saved).toBe(0);
    log.release();
    await writer.waitForSaved(2);
  });

  it("acknowledges a viewer's sync that adds nothing, and never a viewer's change", async () => {
    const writer = await open();
    for (const update of typingUpdates('abc', 'def')) writer.send(syncUpdateMessage(update));
    await writer.waitForSaved(2);
    const viewer = await open('viewer');
    const seen = viewer.seenDoc();
    // What a stock client answers to the server's sync step 1: at least the whole delete set.
    const resent = Y.encodeStateAsUpdate(seen, Y.encodeStateVector(seen));
    viewer.send(syncUpdateMessage(resent));
    await viewer.waitForSaved(1);
    const before = collabStats.rejectedWrites;
    const change = new Y.Doc();
    Y.applyUpdate(change, Y.encodeStateAsUpdate(seen));
    const updates: Uint8Array[] = [];
    change.on('update', (u: Uint8Array) => updates.push(u));
    change.getText('t').insert(0, 'viewer was here');
    viewer.send(syncUpdateMessage(updates[0]!));
    viewer.send(syncUpdateMessage(new Uint8Array([0, 0])));
    await waitFor(() => collabStats.rejectedWrites === before + 1);
    await viewer.roundTrip();
    await writer.roundTrip();
    expect(viewer.saved).toBe(1); // nothing after the refused change is claimed as saved
    expect(await storedText()).toBe('abcdef');
  });

  it('keeps a room loaded while a commit is pending, even after its last client left', async () => {
    const rooms = (collab as unknown as { rooms: { unload: () => Promise<void> } }).rooms;
    const unload = vi.spyOn(rooms, 'unload');
    const writer = await open();
    log.hold();
    const [update] = typingUpdates('pending');
    writer.send(syncUpdateMessage(update!));
    await waitFor(() => log.appends === 1);
    writer.destroy();
    // The unload timer fires again and again while the write is pending, and each time keeps it.
    await waitFor(() => unload.mock.calls.length >= 3);
    expect(collab.loadedRooms).toBe(1);
    const late = await open();
    log.release();
    await waitFor(() => expect(textSeenBy(late)).toBe('pending'));
    expect(await storedText()).toBe('pending');
    late.destroy();
    await waitFor(() => collab.loadedRooms === 0);
  });

  it('releases the room when ws refuses a handshake that passed the checks', async () => {
    const response = await rawUpgrade(port, `/collab/${icpId}?as=editor`, { 'Sec-WebSocket-Version': '12' });
    expect(response).toMatch(/^HTTP\/1\.1 400/);
    await waitFor(() => collab.loadedRooms === 0);
  });

  it('keeps a room read-only when it is archived while a connection is being accepted', async () => {
    const first = await open();
    let resume!: () => void;
    let paused!: () => void;
    const reachedPause = new Promise<void>((resolve) => (paused = resolve));
    duringUpgrade = () =>
      new Promise<void>((resolve) => {
        resume = resolve;
        paused();
      });
    const opening = open();
    await reachedPause;
    // The archive commits and reaches the loaded room while the upgrade is between its checks.
    await icps.setArchived(icpId, true);
    await collab.setReadOnly(icpId, true);
    resume();
    const second = await opening;
    const [update] = typingUpdates('after archive');
    second.send(syncUpdateMessage(update!));
    await waitFor(() => log.appends === 0 && collabStats.rejectedWrites > 0);
    await second.roundTrip();
    await first.roundTrip();
    expect(textSeenBy(first)).toBe('');
    expect(await storedText()).toBe('');
  });

  it('forgets who owned a presence once its client clears it', async () => {
    const socket = await open();
    const client = new Y.Doc();
    const awareness = new Awareness(client);
    awareness.setLocalState({ user: { name: 'x', color: '#000' }, section: null });
    socket.send(awarenessMessage(encodeAwarenessUpdate(awareness, [client.clientID])));
    const owners = async () => {
      const room = await (collab as unknown as { rooms: RoomRegistry }).rooms.loaded(icpId);
      return room!.presence.owners.size;
    };
    await waitFor(async () => (await owners()) === 1);
    awareness.setLocalState(null);
    socket.send(awarenessMessage(encodeAwarenessUpdate(awareness, [client.clientID])));
    await waitFor(async () => (await owners()) === 0);
    awareness.destroy();
    client.destroy();
  });

  it('refuses an update that depends on what the server never got, storing nothing (4400)', async () => {
    const writer = await open();
    const reader = await open();
    const [, second] = typingUpdates('one ', 'two');
    writer.send(syncUpdateMessage(second!));
    expect((await writer.closed).code).toBe(CloseCode.malformedMessage);
    await reader.roundTrip();
    expect(log.appends).toBe(0);
    expect(textSeenBy(reader)).toBe('');
  });
});

/** Sends a hand-written upgrade request and resolves with the raw response. */
function rawUpgrade(port: number, target: string, extra: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      const headers = {
        Host: `127.0.0.1:${port}`,
        Upgrade: 'websocket',
        Connection: 'Upgrade',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...extra,
      };
      const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
      socket.write(`GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
    });
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    socket.on('close', () => resolve(response));
    socket.on('error', reject);
  });
}

describe('an update that builds on changes this instance has not received (several instances)', () => {
  async function loadedRoom(): Promise<Room> {
    const rooms = (collab as unknown as { rooms: RoomRegistry }).rooms;
    return (await rooms.loaded(icpId))!;
  }

  it('waits, unacknowledged, until the room caught up from the log, then is stored and acknowledged', async () => {
    const writer = await open();
    const [theirs, mine] = typingUpdates('theirs ', 'mine');
    // Another instance committed 'theirs'; this one has not heard of it yet.
    await log.append([{ icpId, data: theirs! }]);
    const room = await loadedRoom();
    let release!: () => void;
    const logRead = new Promise<void>((resolve) => (release = resolve));
    room.catchUp = async () => {
      await logRead;
      room.applyRemote([theirs!]);
    };
    writer.send(syncUpdateMessage(mine!));
    await writer.roundTrip();
    expect(writer.saved).toBe(0);
    expect(writer.isClosed).toBe(false);
    release();
    await writer.waitForSaved(1);
    expect(await storedText()).toBe('theirs mine');
  });

  it("takes what it builds on from the client's own sync, and acknowledges both in order", async () => {
    const writer = await open();
    const reader = await open();
    const [own, next] = typingUpdates('own ', 'next');
    (await loadedRoom()).catchUp = () => Promise.resolve(); // the log has nothing for it
    writer.send(syncUpdateMessage(next!)); // typed right after connecting, before its sync
    await writer.roundTrip();
    expect(writer.saved).toBe(0);
    writer.send(encodeSyncStep2(own!));
    await writer.waitForSaved(2);
    expect(await storedText()).toBe('own next');
    await waitFor(() => expect(textSeenBy(reader)).toBe('own next'));
  });

  it('is refused for good on a single instance (nothing else could have what it builds on)', async () => {
    const writer = await open();
    const [, next] = typingUpdates('own ', 'next');
    writer.send(syncUpdateMessage(next!));
    expect((await writer.closed).code).toBe(CloseCode.malformedMessage);
    expect(writer.saved).toBe(0);
  });
});
