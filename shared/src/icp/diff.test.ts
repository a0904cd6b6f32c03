import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addListItem, fragmentOf, removeListItem, updateListItem, writeRange } from './accessors.js';
import { canonicalJson, toCanonical, type CanonicalIcp } from './canonical.js';
import { diffCanonical, diffText } from './diff.js';

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

/** A document and a snapshot function, so a test can take "versions" as it edits. */
function draft() {
  const doc = new Y.Doc();
  return { doc, snapshot: (): CanonicalIcp => toCanonical(doc) };
}

describe('diffCanonical', () => {
  it('reports nothing for equal versions', () => {
    const { doc, snapshot } = draft();
    addListItem(doc, 'industries', 'Fintech');
    expect(diffCanonical(snapshot(), snapshot())).toEqual([]);
  });

  it('matches criteria by id: added, removed and renamed', () => {
    const { doc, snapshot } = draft();
    const fintech = addListItem(doc, 'industries', 'Fintech');
    const retail = addListItem(doc, 'industries', 'Retail');
    const before = snapshot();
    updateListItem(doc, 'industries', fintech.id, 'Fintech & payments');
    removeListItem(doc, 'industries', retail.id);
    const insurance = addListItem(doc, 'industries', 'Insurance');
    expect(diffCanonical(before, snapshot())).toEqual([
      {
        key: 'industries',
        kind: 'list',
        added: [insurance],
        removed: [retail],
        changed: [{ id: fintech.id, before: 'Fintech', after: 'Fintech & payments' }],
      },
    ]);
  });

  it('shows a range before and after, in page order with the other sections', () => {
    const { doc, snapshot } = draft();
    writeRange(doc, 'revenue', { min: 10_000_000, currency: 'EUR' });
    const before = snapshot();
    writeRange(doc, 'revenue', { max: 50_000_000 });
    addListItem(doc, 'disqualifiers', 'No sales team');
    const diffs = diffCanonical(before, snapshot());
    expect(diffs.map((d) => d.key)).toEqual(['revenue', 'disqualifiers']);
    expect(diffs[0]).toEqual({
      key: 'revenue',
      kind: 'range',
      before: { min: 10_000_000, max: null, currency: 'EUR' },
      after: { min: 10_000_000, max: 50_000_000, currency: 'EUR' },
    });
  });

  it('diffs narrative text word by word', () => {
    const { doc, snapshot } = draft();
    fragmentOf(doc, 'goals').insert(0, [paragraph('Grow revenue 20% this year.')]);
    const before = snapshot();
    const text = (fragmentOf(doc, 'goals').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete('Grow revenue '.length, '20%'.length);
    text.insert('Grow revenue '.length, '35%');
    const [goals] = diffCanonical(before, snapshot());
    expect(goals).toEqual({
      key: 'goals',
      kind: 'richText',
      changes: [
        // jsdiff reads "%" as punctuation, a token of its own.
        { type: 'same', text: 'Grow revenue ' },
        { type: 'removed', text: '20' },
        { type: 'added', text: '35' },
        { type: 'same', text: '% this year.' },
      ],
    });
  });

  it('treats a new paragraph as added text', () => {
    const changes = diffText('One.', 'One.\nTwo.');
    expect(
      changes
        .filter((c) => c.type === 'added')
        .map((c) => c.text)
        .join(''),
    ).toBe('\nTwo.');
    expect(changes.filter((c) => c.type === 'removed')).toEqual([]);
  });

  it('finds no difference between replicas that converged through concurrent edits', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addListItem(a, 'industries', 'Fintech');
    writeRange(b, 'employees', { min: 200 });
    fragmentOf(b, 'goals').insert(0, [paragraph('Shorter sales cycles.')]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(diffCanonical(toCanonical(a), toCanonical(b))).toEqual([]);
  });
});
