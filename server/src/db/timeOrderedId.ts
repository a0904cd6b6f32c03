import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A UUIDv7 (RFC 9562): a millisecond timestamp, then a 12-bit counter, then random bits. Ids made
 * by this process sort in the order they were made, even within one millisecond or with a clock
 * that stands still, so `ORDER BY created_at, id` is creation order (comments of a thread, the
 * inbox's tiebreak). A clock that goes back never makes an id sort before an earlier one.
 */
export function timeOrderedId(nowMs: number = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    // Start low in the counter's range, at a random point, so many ids fit in one millisecond.
    counter = randomBytes(2).readUInt16BE(0) & 0x1ff;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
