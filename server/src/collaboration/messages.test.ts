import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '@bullseye/shared';
import {
  decodeClientMessage,
  encodeSaved,
  encodeSavedState,
  encodeSyncStep1,
  encodeSyncUpdate,
  MalformedMessageError,
} from './messages.js';

describe('decodeClientMessage', () => {
  it('decodes the standard y-websocket messages', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hi');
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeSyncStep1(Y.encodeStateVector(doc))).kind).toBe('syncStep1');
    const message = decodeClientMessage(encodeSyncUpdate(update));
    expect(message).toMatchObject({ kind: 'docUpdate', step: 'update' });
    expect(message.kind === 'docUpdate' && [...message.update]).toEqual([...update]);
    expect(decodeClientMessage(new Uint8Array([MessageType.queryAwareness])).kind).toBe('queryAwareness');
  });

  it.each([
    ['empty frame', []],
    ['unknown message type', [42]],
    ['unknown sync type', [0, 9, 0]],
    ['truncated payload', [0, 2, 10, 1, 2]],
    ['trailing bytes', [0, 0, 0, 5]],
    ['our own server-only message type', [MessageType.saved, 1]],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeClientMessage(new Uint8Array(bytes))).toThrow(MalformedMessageError);
  });

  it('encodes saved counts as [100, n]', () => {
    const d = decoding.createDecoder(encodeSaved(300));
    expect([decoding.readVarUint(d), decoding.readVarUint(d)]).toEqual([MessageType.saved, 300]);
  });

  it('decodes a savedQuery into the client state vector', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.savedQuery);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
    const message = decodeClientMessage(encoding.toUint8Array(e));
    expect(message.kind).toBe('savedQuery');
    expect(message.kind === 'savedQuery' && [...message.stateVector]).toEqual([[doc.clientID, 5]]);
  });

  it.each([
    ['a truncated state vector', [MessageType.savedQuery, 3, 2, 1, 5]],
    ['trailing bytes inside the state vector', [MessageType.savedQuery, 4, 1, 7, 2, 9]],
    ['no payload', [MessageType.savedQuery]],
    ['the server-only savedState type', [MessageType.savedState, 1, 0]],
  ])('refuses a savedQuery with %s', (_name, bytes) => {
    expect(() => decodeClientMessage(new Uint8Array(bytes))).toThrow(MalformedMessageError);
  });

  it('encodes savedState as [103, state vector of the answered clocks]', () => {
    const clocks = new Map([
      [42, 7],
      [1_000_000, 0],
    ]);
    const d = decoding.createDecoder(encodeSavedState(clocks));
    expect(decoding.readVarUint(d)).toBe(MessageType.savedState);
    expect(Y.decodeStateVector(decoding.readVarUint8Array(d))).toEqual(clocks);
    expect(decoding.hasContent(d)).toBe(false);
  });
});
