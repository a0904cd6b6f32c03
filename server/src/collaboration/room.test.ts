import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Connection } from './connection.js';
import { encodeAwarenessEntries } from './awarenessFrames.js';
import { Room } from './room.js';

/** A stand-in sender: the room only uses it as the update's origin and to skip it when relaying. */
const sender = { isConnection: true } as unknown as Connection;

describe('Room.applyCommitted', () => {
  it('tells whether an update changed the document, so re-sent state is not counted as an edit', () => {
    const room = new Room('icp', 'workspace', new Y.Doc(), false);
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    client.getArray('items').push(['a', 'b']);
    client.getArray('items').delete(0, 1);
    const relay = new Uint8Array();

    expect(updates.map((update) => room.applyCommitted(update, relay, sender))).toEqual([true, true]);
    // What a reopened tab sends during sync: everything the server has, deletions included.
    const resent = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room.doc));
    expect(Y.decodeUpdate(resent).ds.clients.size).toBeGreaterThan(0);
    expect(room.applyCommitted(resent, relay, sender)).toBe(false);
    expect(room.applyCommitted(Y.encodeStateAsUpdate(client), relay, sender)).toBe(false);
    room.destroy();
    client.destroy();
  });
});

describe('Room loading', () => {
  function storedState(text: string): { doc: Y.Doc; snapshot: Uint8Array } {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, text);
    return { doc, snapshot: Y.encodeStateAsUpdate(doc) };
  }

  it("answers a fresh client's sync from the stored snapshot, then builds the document", async () => {
    const { doc, snapshot } = storedState('stored text');
    const room = new Room('icp', 'workspace', new Y.Doc(), false, { snapshot, updates: [] });
    expect(room.stateVector()).toEqual(Y.encodeStateVector(doc));
    const answer = room.syncAnswer(Y.encodeStateVector(new Y.Doc()));
    expect(answer).toBe(snapshot); // the stored bytes themselves, nothing built for them
    const client = new Y.Doc();
    Y.applyUpdate(client, answer);
    expect(client.getText('t').toString()).toBe('stored text');
    await new Promise((resolve) => setImmediate(resolve));
    expect(room.doc.getText('t').toString()).toBe('stored text');
    room.destroy();
  });

  it('builds the document for anything else: a returning client, a log tail, an update', () => {
    const { doc, snapshot } = storedState('abc');
    const returning = new Y.Doc();
    Y.applyUpdate(returning, snapshot);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(3, 'def');

    const withTail = new Room('icp', 'workspace', new Y.Doc(), false, { snapshot, updates });
    const diff = withTail.syncAnswer(Y.encodeStateVector(returning));
    Y.applyUpdate(returning, diff);
    expect(returning.getText('t').toString()).toBe('abcdef');
    expect(withTail.stateVector()).toEqual(Y.encodeStateVector(doc));

    const snapshotOnly = new Room('icp', 'workspace', new Y.Doc(), false, { snapshot, updates: [] });
    expect(snapshotOnly.applyCommitted(updates[0]!, new Uint8Array(), sender)).toBe(true);
    expect(snapshotOnly.doc.getText('t').toString()).toBe('abcdef');
    withTail.destroy();
    snapshotOnly.destroy();
  });
});

/** The Yjs update inside a sync update message (what a client applies). */
function syncPayload(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder); // message type: sync
  decoding.readVarUint(decoder); // sync step: update
  return decoding.readVarUint8Array(decoder);
}

describe('Room.applyRemote (updates another instance committed)', () => {
  /** A local connection stand-in that records what the room sends it. */
  function listener(room: Room): Uint8Array[] {
    const received: Uint8Array[] = [];
    room.connections.add({
      send: (m: Uint8Array) => received.push(m),
      wantsAcks: false,
    } as unknown as Connection);
    return received;
  }

  it('applies and relays new changes, ignores duplicates, and reports a gap until it is filled', () => {
    const room = new Room('icp', 'workspace', new Y.Doc(), false);
    const received = listener(room);
    const elsewhere = new Y.Doc();
    const updates: Uint8Array[] = [];
    elsewhere.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['one', 'two', 'three']) elsewhere.getArray<string>('words').push([word]);

    expect(room.applyRemote([updates[0]!])).toBe(false);
    expect(received).toHaveLength(1);
    expect(room.applyRemote([updates[0]!])).toBe(false); // a duplicate: nothing new
    // The third arrives before the second (a lost message): the document waits for it.
    expect(room.applyRemote([updates[2]!])).toBe(true);
    expect(room.doc.getArray('words').toArray()).toEqual(['one']);
    // A catch-up from the log brings the second; both integrate, and local clients get both.
    expect(room.applyRemote([updates[1]!])).toBe(false);
    expect(room.doc.getArray('words').toArray()).toEqual(['one', 'two', 'three']);
    const watcher = new Y.Doc();
    for (const message of received) Y.applyUpdate(watcher, syncPayload(message));
    expect(watcher.getArray('words').toArray()).toEqual(['one', 'two', 'three']);
    // The scratch copy the gate checks against has them too: a change building on them is accepted.
    const next = new Y.Doc();
    Y.applyUpdate(next, Y.encodeStateAsUpdate(elsewhere));
    const more: Uint8Array[] = [];
    next.on('update', (update: Uint8Array) => more.push(update));
    next.getArray<string>('words').push(['four']);
    expect(() => room.gate.accept(more[0]!)).not.toThrow();
    room.destroy();
  });

  it("takes presence from another instance, but never over a local connection's own client id", () => {
    const room = new Room('icp', 'workspace', new Y.Doc(), false);
    const local = { send: () => {}, wantsAcks: false } as unknown as Connection;
    room.presence.owners.set(7, local);
    const entry = (clientID: number, clock: number, name: string) =>
      encodeAwarenessEntries([{ clientID, clock, state: JSON.stringify({ user: { name } }) }]);
    room.presence.applyRemote(entry(7, 5, 'Impostor'));
    room.presence.applyRemote(entry(8, 1, 'Remote Rita'));
    expect(room.presence.awareness.getStates().has(7)).toBe(false);
    expect(room.presence.awareness.getStates().get(8)).toEqual({ user: { name: 'Remote Rita' } });
    // An older clock changes nothing; a removal (state null) clears it.
    room.presence.applyRemote(entry(8, 0, 'Stale'));
    expect(room.presence.awareness.getStates().get(8)).toEqual({ user: { name: 'Remote Rita' } });
    room.presence.applyRemote(encodeAwarenessEntries([{ clientID: 8, clock: 2, state: 'null' }]));
    expect(room.presence.awareness.getStates().has(8)).toBe(false);
    room.destroy();
  });
});

describe('Room.applyCommitted after a gap', () => {
  it('relays to everyone, its sender too, the changes that were waiting for the committed update', () => {
    const room = new Room('icp', 'workspace', new Y.Doc(), false);
    const received: Uint8Array[] = [];
    const author = { send: (m: Uint8Array) => received.push(m), wantsAcks: false, isConnection: true };
    room.connections.add(author as unknown as Connection);
    const elsewhere = new Y.Doc();
    const updates: Uint8Array[] = [];
    elsewhere.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['one', 'two']) elsewhere.getArray<string>('words').push([word]);
    // 'two' arrived from another instance before 'one', which the author now sends here (its sync).
    expect(room.applyRemote([updates[1]!])).toBe(true);
    room.gate.accept(updates[0]!);
    room.applyCommitted(updates[0]!, new Uint8Array([0, 2, 0]), author as unknown as Connection);
    const watcher = new Y.Doc();
    for (const message of received) Y.applyUpdate(watcher, syncPayload(message));
    expect(watcher.getArray('words').toArray()).toEqual(['one', 'two']);
    room.destroy();
  });
});
