import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentOf } from '@bullseye/shared';
import { emptyTextBlocks, keepTextInEmptyBlocks } from './keepTextInEmptyBlocks.js';

describe('keepTextInEmptyBlocks', () => {
  it('gives a text block created here a text node of its own, right behind it', () => {
    const doc = new Y.Doc();
    keepTextInEmptyBlocks(doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const goals = fragmentOf(doc, 'goals');
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [new Y.XmlElement('paragraph')]);
    list.insert(0, [item]);
    goals.insert(0, [new Y.XmlElement('paragraph'), list]);
    expect(emptyTextBlocks(goals)).toEqual([]);
    const top = goals.get(0) as Y.XmlElement;
    const nested = ((goals.get(1) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    for (const block of [top, nested]) {
      expect(block.length).toBe(1);
      expect(block.get(0)).toBeInstanceOf(Y.XmlText);
    }
    // The block, then its text node: two updates in that order.
    expect(updates).toHaveLength(2);
  });

  it('leaves what arrives from others alone (their creator adds the text node)', () => {
    const remote = new Y.Doc();
    fragmentOf(remote, 'goals').insert(0, [new Y.XmlElement('paragraph')]);
    const doc = new Y.Doc();
    keepTextInEmptyBlocks(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    expect(emptyTextBlocks(fragmentOf(doc, 'goals'))).toHaveLength(1);
  });

  it('makes concurrent typing in a new paragraph land in one text node, runs kept whole', () => {
    const a = new Y.Doc();
    keepTextInEmptyBlocks(a);
    fragmentOf(a, 'goals').insert(0, [new Y.XmlElement('paragraph')]);
    const b = new Y.Doc();
    const c = new Y.Doc();
    for (const other of [b, c]) Y.applyUpdate(other, Y.encodeStateAsUpdate(a));
    const texts = [a, b, c].map(
      (doc) => (fragmentOf(doc, 'goals').get(0) as Y.XmlElement).get(0) as Y.XmlText,
    );
    texts.forEach((text, i) => text.insert(0, ['Alpha beta.', 'Gamma delta.', 'Epsilon zeta.'][i]!));
    for (const x of [a, b, c]) for (const y of [a, b, c]) Y.applyUpdate(x, Y.encodeStateAsUpdate(y));
    const merged = texts[0]!.toString();
    expect(texts.map((t) => t.toString())).toEqual([merged, merged, merged]);
    for (const run of ['Alpha beta.', 'Gamma delta.', 'Epsilon zeta.']) expect(merged).toContain(run);
  });
});
