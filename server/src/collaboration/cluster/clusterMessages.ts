import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What one instance tells the others about an ICP they may hold (one Redis channel per ICP). */
export type RoomMessage =
  /** A Yjs update committed to the log. */
  | { kind: 'update'; from: string; payload: Uint8Array }
  /** Presence published on the sender (an awareness update, identities stamped). */
  | { kind: 'presence'; from: string; payload: Uint8Array }
  /** The sender just loaded the room: others send it the presence of their connections. */
  | { kind: 'presenceQuery'; from: string };

const KINDS = ['update', 'presence', 'presenceQuery'] as const;

export function encodeRoomMessage(message: RoomMessage): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, KINDS.indexOf(message.kind));
  encoding.writeVarString(e, message.from);
  if (message.kind !== 'presenceQuery') encoding.writeVarUint8Array(e, message.payload);
  const bytes = encoding.toUint8Array(e);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Decodes a room message; null for anything else (another version's message, garbage). */
export function decodeRoomMessage(bytes: Uint8Array): RoomMessage | null {
  try {
    const d = decoding.createDecoder(bytes);
    const kind = KINDS[decoding.readVarUint(d)];
    const from = decoding.readVarString(d);
    if (kind === 'presenceQuery') return decoding.hasContent(d) ? null : { kind, from };
    if (kind === undefined) return null;
    const payload = decoding.readVarUint8Array(d);
    return decoding.hasContent(d) ? null : { kind, from, payload };
  } catch {
    return null;
  }
}
