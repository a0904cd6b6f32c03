import type * as Y from 'yjs';
import { digest } from 'lib0/hash/sha256';
import { canonicalJson } from './canonical.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * SHA-256 (lowercase hex) of UTF-8 text. Pure JavaScript (lib0, already in every bundle with Yjs),
 * so browsers compute it synchronously and without a secure context; equal to Node's
 * `createHash('sha256')` on the same text.
 */
export function sha256HexOf(text: string): string {
  const bytes = digest(new TextEncoder().encode(text));
  let hex = '';
  for (const byte of bytes) hex += HEX[byte];
  return hex;
}

/**
 * The hash a version of this document would have: SHA-256 of its canonical JSON, as the server
 * stores it with every version, sign-off and approval. Comparing it with a version's hash tells
 * whether the document still has that version's content.
 */
export function canonicalHash(doc: Y.Doc): string {
  return sha256HexOf(canonicalJson(doc));
}
