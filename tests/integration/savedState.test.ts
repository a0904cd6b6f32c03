import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, coversStateVector, LIMITS, MessageType, savedGaps } from '@bullseye/shared';
import { createIcp } from '../support/api.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { useServer } from '../support/harness.js';
import { appendParagraph } from '../support/icpDocs.js';
import { collabUrl, RawCollabSocket, syncUpdateMessage } from '../support/rawSocket.js';
import { waitFor } from '../support/waitFor.js';

/** `savedQuery` (102) with a Yjs state vector, as the Bullseye client sends it. */
function savedQuery(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.savedQuery);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  return encoding.toUint8Array(e);
}

/** Every `savedState` (103) answer a raw socket received, decoded, in order. */
function answers(socket: RawCollabSocket): Map<number, number>[] {
  return socket.messagesOfType(MessageType.savedState).map((m) => {
    const d = decoding.createDecoder(m);
    decoding.readVarUint(d);
    return Y.decodeStateVector(decoding.readVarUint8Array(d));
  });
}

describe.each(BACKENDS)('saved state (savedQuery / savedState) on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  async function open(icpId: string, params: Record<string, string> = { acks: '1' }) {
    const socket = pool.track(
      await RawCollabSocket.open(collabUrl(ctx.server, icpId, params), ctx.server.adminHeaders()),
    );
    await waitFor(() => socket.received.length > 0); // accepted: the server sent sync step 1
    return socket;
  }

  it('answers only after the updates sent before the query are committed, with their clocks', async () => {
    const icp = await createIcp(ctx.server, 'Saved state');
    const socket = await open(icp.id);
    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    appendParagraph(doc, 'goals', 'Win the mid-market');
    appendParagraph(doc, 'goals', 'Shorter sales cycles');
    // The query goes right behind the update, without waiting for `saved`: the answer must still
    // include it, because the server answers behind the same in-order commit barrier.
    socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc, before)));
    socket.send(savedQuery(doc));
    await waitFor(() => answers(socket).length === 1);
    expect(socket.saved).toBe(1);
    const [answer] = answers(socket);
    const local = Y.decodeStateVector(Y.encodeStateVector(doc));
    expect(answer).toEqual(local);
    expect(coversStateVector(answer!, local)).toBe(true);

    // What the server answered is what it stored: a fresh client loads exactly that.
    const reader = await pool.connect(ctx.server, icp.id);
    expect(Y.decodeStateVector(Y.encodeStateVector(reader.doc)).get(doc.clientID)).toBe(
      local.get(doc.clientID),
    );
  });

  it('names every queried client id, with 0 for those the server has nothing of', async () => {
    const icp = await createIcp(ctx.server, 'Unknown ids');
    const socket = await open(icp.id);
    const doc = new Y.Doc();
    appendParagraph(doc, 'goals', 'Only in this browser');
    socket.send(savedQuery(doc));
    await waitFor(() => answers(socket).length === 1);
    expect(answers(socket)[0]).toEqual(new Map([[doc.clientID, 0]]));
  });

  it('shows the gap of a client whose oversized update was refused', async () => {
    const icp = await createIcp(ctx.server, 'Refused paste');
    const doc = new Y.Doc();
    const first = await open(icp.id);
    appendParagraph(doc, 'goals', 'saved before the paste');
    first.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    await first.waitForSaved(1);
    const savedClock = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID)!;

    const beforePaste = Y.encodeStateVector(doc);
    appendParagraph(doc, 'goals', 'x'.repeat(LIMITS.maxCollabMessageBytes + 1024));
    first.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc, beforePaste)));
    expect((await first.closedWithin(5_000)).code).toBe(CloseCode.messageTooBig);

    // Reconnected, the browser asks what the server has: the paste is missing, the first edit is not.
    const second = await open(icp.id);
    second.send(savedQuery(doc));
    await waitFor(() => answers(second).length === 1);
    const local = Y.decodeStateVector(Y.encodeStateVector(doc));
    expect(savedGaps(local, answers(second)[0]!)).toEqual([
      { client: doc.clientID, local: local.get(doc.clientID), server: savedClock },
    ]);
  });

  it('never answers a client that did not opt in with acks=1 (stock clients ignore nothing)', async () => {
    const icp = await createIcp(ctx.server, 'Stock client');
    const socket = await open(icp.id, {});
    socket.send(savedQuery(new Y.Doc()));
    await socket.roundTrip();
    expect(socket.messagesOfType(MessageType.savedState)).toHaveLength(0);
    expect(socket.isClosed).toBe(false);
  });

  it('closes with 4400 on a savedQuery whose state vector is malformed', async () => {
    const icp = await createIcp(ctx.server, 'Malformed query');
    const socket = await open(icp.id);
    socket.send(new Uint8Array([MessageType.savedQuery, 3, 5, 1]));
    expect((await socket.closedWithin()).code).toBe(CloseCode.malformedMessage);
  });
});
