import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { canonicalJson, canonicalStringify, toCanonical, type CanonicalIcp } from '@bullseye/shared';
import { buildDoc } from './updateLog.js';

/** What a version stores of a document: its Yjs state, canonical JSON and that JSON's SHA-256. */
export interface DocSnapshot {
  state: Uint8Array;
  canonical: string;
  hash: string;
}

/** SHA-256 of UTF-8 text, as lowercase hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The snapshot of a live document (its full state, not a diff). */
export function snapshotOf(doc: Y.Doc): DocSnapshot {
  const canonical = canonicalJson(doc);
  return { state: Y.encodeStateAsUpdate(doc), canonical, hash: sha256Hex(canonical) };
}

/** The snapshot of a stored Yjs state. */
export function snapshotOfState(state: Uint8Array): DocSnapshot {
  const canonical = canonicalStringify(canonicalOfState(state));
  return { state, canonical, hash: sha256Hex(canonical) };
}

/** The canonical projection of a stored Yjs state (a draft's, a version's). */
export function canonicalOfState(state: Uint8Array): CanonicalIcp {
  const doc = docOfState(state);
  try {
    return toCanonical(doc);
  } finally {
    doc.destroy();
  }
}

/** A document built from one stored state; the caller destroys it. */
export function docOfState(state: Uint8Array): Y.Doc {
  return buildDoc({ snapshot: state, updates: [] }, (error) =>
    console.error('a stored version state could not be read', error),
  );
}
