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
