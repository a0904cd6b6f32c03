import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Connection } from './connection.js';
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
