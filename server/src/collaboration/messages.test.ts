import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { MessageType } from '@bullseye/shared';
import {
  decodeClientMessage,
  encodeSaved,
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
});
