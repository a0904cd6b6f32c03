import { describe, expect, it } from 'vitest';
import { decodeRoomMessage, encodeRoomMessage } from './clusterMessages.js';

describe('room messages between instances', () => {
  it('round-trip every kind', () => {
    const payload = new Uint8Array([1, 2, 3, 250]);
    for (const message of [
      { kind: 'update', from: 'a1', payload },
      { kind: 'presence', from: 'b2', payload },
      { kind: 'presenceQuery', from: 'c3' },
    ] as const) {
      expect(decodeRoomMessage(encodeRoomMessage(message))).toEqual(message);
    }
  });

  it('answer null for anything else, never throw', () => {
    expect(decodeRoomMessage(new Uint8Array([]))).toBeNull();
    expect(decodeRoomMessage(new Uint8Array([9, 1, 65]))).toBeNull();
    expect(decodeRoomMessage(Buffer.from('{"kind":"update"}'))).toBeNull();
    const valid = encodeRoomMessage({ kind: 'update', from: 'a', payload: new Uint8Array([1]) });
    expect(decodeRoomMessage(Buffer.concat([valid, Buffer.from([0])]))).toBeNull();
    expect(decodeRoomMessage(valid.subarray(0, valid.length - 1))).toBeNull();
  });
});
