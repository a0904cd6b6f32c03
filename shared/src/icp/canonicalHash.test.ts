import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addListItem } from './accessors.js';
import { canonicalJson } from './canonical.js';
import { canonicalHash, sha256HexOf } from './canonicalHash.js';

// Expected values from Node's createHash('sha256') (shared/ does no I/O, so not imported here);
// the integration tests compare list hashes with the server's version hashes as well.
const VECTORS: [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['日本語 🎯 — ünïcode', '23c9a98f2328d91bfd29dd7dc9c1e28540c154403efe7d50157f1c09a1135fe2'],
  ['x'.repeat(10_000), 'e4ee97ec252749d2096447e849628d0d7734f51700416eefbb33574bf0b3ee75'],
];

describe('canonicalHash', () => {
  it.each(VECTORS)('hashes UTF-8 text like Node does (%#)', (text, hex) => {
    expect(sha256HexOf(text)).toBe(hex);
  });

  it('is the hash of the canonical JSON, equal for equal content and different after an edit', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const item = addListItem(a, 'industries', 'Fintech');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(canonicalHash(a)).toBe(sha256HexOf(canonicalJson(a)));
    expect(canonicalHash(b)).toBe(canonicalHash(a));
    addListItem(b, 'industries', 'Banking');
    expect(canonicalHash(b)).not.toBe(canonicalHash(a));
    expect(item.text).toBe('Fintech');
  });
});
