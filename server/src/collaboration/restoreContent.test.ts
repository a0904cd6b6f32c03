import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addListItem,
  canonicalJson,
  fragmentOf,
  listOf,
  moveListItem,
  readList,
  removeListItem,
  updateListItem,
  writeAcceptableBand,
  writeDisqualifierRule,
  writeImportance,
  writeRange,
  writeThresholds,
} from '@bullseye/shared';
import { writeContent } from './restoreContent.js';
import { UpdateGate } from './updateGate.js';

function paragraph(doc: Y.Doc, key: 'goals' | 'evidence', text: string, bold = false): void {
  const element = new Y.XmlElement('paragraph');
  const node = new Y.XmlText();
  node.insert(0, text, bold ? { bold: true } : {});
  element.insert(0, [node]);
  fragmentOf(doc, key).push([element]);
}

/** A copy of `doc` that evolves on its own (another replica, or the live draft later on). */
function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('writeContent', () => {
  it('brings the draft back to a version exactly, keeping criteria ids and their maps', () => {
    const version = new Y.Doc();
    const saas = addListItem(version, 'industries', 'B2B SaaS');
    const fintech = addListItem(version, 'industries', 'Fintech');
    const insurance = addListItem(version, 'industries', 'Insurance');
    writeRange(version, 'revenue', { min: 1_000_000, max: null, currency: 'EUR' });
    paragraph(version, 'goals', 'Grow retention', true);
    paragraph(version, 'goals', 'Open two regions');

    const draft = fork(version);
    const saasMap = listOf(draft, 'industries').get(0);
    removeListItem(draft, 'industries', fintech.id);
    updateListItem(draft, 'industries', insurance.id, 'Insurtech');
    addListItem(draft, 'industries', 'Gaming');
    addListItem(draft, 'disqualifiers', 'No sales team');
    writeRange(draft, 'revenue', { min: null, max: 5, currency: 'USD' });
    writeRange(draft, 'employees', { min: 10, max: 20 });
    fragmentOf(draft, 'goals').delete(1, 1);
    paragraph(draft, 'evidence', 'Three interviews');
    expect(canonicalJson(draft)).not.toBe(canonicalJson(version));

    draft.transact(() => writeContent(draft, version));
    expect(canonicalJson(draft)).toBe(canonicalJson(version));
    expect(readList(draft, 'industries')).toEqual([saas, fintech, insurance]);
    // The untouched first criterion is the same Yjs map: a comment anchored on it stays put.
    expect(listOf(draft, 'industries').get(0)).toBe(saasMap);
  });

  it('brings back scoring settings: importances, thresholds, acceptable bands and disqualifier rules', () => {
    const version = new Y.Doc();
    writeRange(version, 'employees', { min: 200, max: 1000 });
    writeAcceptableBand(version, 'employees', { min: 50, max: null });
    writeImportance(version, 'industries', 'must');
    writeThresholds(version, { a: 85, b: 70, c: 50 });
    const government = addListItem(version, 'disqualifiers', 'Government');
    writeDisqualifierRule(version, government.id, { field: 'industry', op: 'is', values: ['Public sector'] });
    const free = addListItem(version, 'disqualifiers', 'No sales team');

    const draft = fork(version);
    writeAcceptableBand(draft, 'employees', null);
    writeImportance(draft, 'industries', null);
    writeImportance(draft, 'technologies', 2.5);
    writeThresholds(draft, null);
    writeDisqualifierRule(draft, government.id, null);
    writeDisqualifierRule(draft, free.id, { field: 'employees', op: 'below', value: 10 });
    expect(canonicalJson(draft)).not.toBe(canonicalJson(version));

    draft.transact(() => writeContent(draft, version));
    expect(canonicalJson(draft)).toBe(canonicalJson(version));
  });

  it('rebuilds a reordered list with the same ids, and changes nothing when already equal', () => {
    const version = new Y.Doc();
    const a = addListItem(version, 'technologies', 'A');
    const b = addListItem(version, 'technologies', 'B');
    const c = addListItem(version, 'technologies', 'C');
    const draft = fork(version);
    moveListItem(draft, 'technologies', c.id, 0);
    draft.transact(() => writeContent(draft, version));
    expect(readList(draft, 'technologies')).toEqual([a, b, c]);

    const updates: Uint8Array[] = [];
    draft.on('update', (update: Uint8Array) => updates.push(update));
    draft.transact(() => writeContent(draft, version));
    expect(updates).toEqual([]);
  });

  it('is an ordinary change: a concurrent edit made elsewhere merges with it', () => {
    const version = new Y.Doc();
    addListItem(version, 'geographies', 'DACH');
    const draft = fork(version);
    addListItem(draft, 'geographies', 'Nordics');
    const other = fork(draft);
    draft.transact(() => writeContent(draft, version));
    addListItem(other, 'buyingTriggers', 'New VP of Sales');
    sync(draft, other);
    expect(canonicalJson(draft)).toBe(canonicalJson(other));
    expect(readList(draft, 'geographies').map((i) => i.text)).toEqual(['DACH']);
    expect(readList(draft, 'buyingTriggers').map((i) => i.text)).toEqual(['New VP of Sales']);
  });

  it('restores a version nested thousands of levels deep as bounded content the server accepts', () => {
    const version = new Y.Doc();
    let parent: Y.XmlFragment | Y.XmlElement = fragmentOf(version, 'evidence');
    for (let i = 0; i < 5_000; i++) {
      const child: Y.XmlElement = new Y.XmlElement('blockquote');
      parent.insert(0, [child]);
      parent = child;
    }
    const deepest = new Y.XmlText();
    deepest.insert(0, 'Quote from the bottom', { bold: {} });
    parent.insert(0, [deepest]);
    paragraph(version, 'goals', 'Grow retention');

    const draft = new Y.Doc();
    // The server's checks run against the draft as committed before the change.
    const committed = new Y.Doc();
    const gate = new UpdateGate(() => committed);
    const updates: Uint8Array[] = [];
    draft.on('update', (update: Uint8Array) => updates.push(update));
    draft.transact(() => writeContent(draft, version));
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) gate.accept(update);
    // Everything else reads as in the version; the deep quote is kept, flattened.
    const canonical = JSON.parse(canonicalJson(draft)) as Record<string, unknown>;
    const expected = JSON.parse(canonicalJson(version)) as Record<string, unknown>;
    expect(canonicalJson(draft)).toContain('Quote from the bottom');
    expect(JSON.stringify(canonical, (key, value: unknown) => (key === 'evidence' ? null : value))).toBe(
      JSON.stringify(expected, (key, value: unknown) => (key === 'evidence' ? null : value)),
    );
  }, 30_000); // building 5,000 levels takes a few seconds on a busy 2-core machine
});
