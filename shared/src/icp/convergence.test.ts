import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addListItem,
  fragmentOf,
  readList,
  readRange,
  removeListItem,
  updateListItem,
  writeRange,
} from './accessors.js';
import { canonicalJson } from './canonical.js';

/** Several replicas that exchange updates only when `sync` is called, like clients with lag. */
function replicas(count: number) {
  const docs = Array.from({ length: count }, () => new Y.Doc());
  const sync = () => {
    for (const from of docs) {
      for (const to of docs) {
        if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
      }
    }
  };
  return { docs, sync };
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

describe('concurrent edits converge', () => {
  it('keeps every concurrently added criterion, in the same order everywhere', () => {
    const { docs, sync } = replicas(3);
    addListItem(docs[0]!, 'industries', 'Fintech');
    addListItem(docs[1]!, 'industries', 'Healthcare');
    addListItem(docs[2]!, 'industries', 'Retail & e-commerce');
    sync();
    const texts = docs.map((d) => readList(d, 'industries').map((i) => i.text));
    expect(new Set(texts[0])).toEqual(new Set(['Fintech', 'Healthcare', 'Retail & e-commerce']));
    expect(texts[1]).toEqual(texts[0]);
    expect(texts[2]).toEqual(texts[0]);
  });

  it('merges edits to different fields of the same range', () => {
    const { docs, sync } = replicas(2);
    writeRange(docs[0]!, 'revenue', { min: 10_000_000 });
    writeRange(docs[1]!, 'revenue', { max: 50_000_000, currency: 'EUR' });
    sync();
    for (const doc of docs)
      expect(readRange(doc, 'revenue')).toEqual({ min: 10_000_000, max: 50_000_000, currency: 'EUR' });
  });

  it('merges an edit of one criterion with the removal of another', () => {
    const { docs, sync } = replicas(2);
    const a = addListItem(docs[0]!, 'technologies', 'Salesforce');
    const b = addListItem(docs[0]!, 'technologies', 'Hubspot');
    sync();
    updateListItem(docs[0]!, 'technologies', b.id, 'HubSpot');
    removeListItem(docs[1]!, 'technologies', a.id);
    sync();
    for (const doc of docs) expect(readList(doc, 'technologies')).toEqual([{ id: b.id, text: 'HubSpot' }]);
  });

  it('interleaves typing in narrative sections without losing anyone', () => {
    const { docs, sync } = replicas(3);
    fragmentOf(docs[0]!, 'goals').insert(0, [paragraph('Cut onboarding time.')]);
    sync();
    const textOf = (doc: Y.Doc) => (fragmentOf(doc, 'goals').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textOf(docs[0]!).insert(0, 'Sales: ');
    textOf(docs[1]!).insert(textOf(docs[1]!).length, ' By 30%.');
    fragmentOf(docs[2]!, 'painPoints').insert(0, [paragraph('Manual CRM hygiene.')]);
    sync();
    const json = docs.map(canonicalJson);
    expect(json[1]).toBe(json[0]);
    expect(json[2]).toBe(json[0]);
    expect(textOf(docs[2]!).toString()).toBe('Sales: Cut onboarding time. By 30%.');
  });

  it('converges under a long random mix of operations from four replicas', () => {
    const { docs, sync } = replicas(4);
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 30; round++) {
      for (const doc of docs) {
        const items = readList(doc, 'geographies');
        const op = rand(3);
        if (op === 0 || items.length === 0) {
          try {
            addListItem(doc, 'geographies', `Region ${rand(1000)}`);
          } catch {
            // duplicate or full list: a user would see the message; nothing changes
          }
        } else if (op === 1) removeListItem(doc, 'geographies', items[rand(items.length)]!.id);
        else writeRange(doc, 'employees', { min: rand(100), max: 100 + rand(1000) });
      }
      if (round % 5 === 4) sync();
    }
    sync();
    const expected = canonicalJson(docs[0]!);
    for (const doc of docs) expect(canonicalJson(doc)).toBe(expected);
  });
});
