import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addListItem,
  IcpValueError,
  moveListItem,
  readList,
  readRange,
  removeListItem,
  updateListItem,
  writeRange,
} from './accessors.js';

describe('list criteria', () => {
  it('adds items with stable ids and normalised text', () => {
    const doc = new Y.Doc();
    const saas = addListItem(doc, 'industries', '  B2B   SaaS ');
    const fin = addListItem(doc, 'industries', 'Fintech');
    expect(readList(doc, 'industries')).toEqual([
      { id: saas.id, text: 'B2B SaaS' },
      { id: fin.id, text: 'Fintech' },
    ]);
    expect(saas.id).not.toEqual(fin.id);
  });

  it('refuses empty, duplicate and over-long entries, naming the section', () => {
    const doc = new Y.Doc();
    addListItem(doc, 'industries', 'Fintech');
    expect(() => addListItem(doc, 'industries', '   ')).toThrow(IcpValueError);
    expect(() => addListItem(doc, 'industries', 'fintech')).toThrow(/already listed/);
    expect(() => addListItem(doc, 'industries', 'x'.repeat(81))).toThrow(/at most 80/);
    try {
      addListItem(doc, 'industries', '');
    } catch (error) {
      expect((error as IcpValueError).field).toBe('industries');
    }
    expect(readList(doc, 'industries')).toHaveLength(1);
  });

  it('refuses to grow a list past its limit', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 20; i++) addListItem(doc, 'disqualifiers', `Reason ${i}`);
    expect(() => addListItem(doc, 'disqualifiers', 'One too many')).toThrow(/at most 20/);
  });

  it('updates, moves and removes by id', () => {
    const doc = new Y.Doc();
    const a = addListItem(doc, 'technologies', 'Salesforce');
    const b = addListItem(doc, 'technologies', 'HubSpot');
    expect(updateListItem(doc, 'technologies', a.id, 'Salesforce Sales Cloud')).toBe(true);
    expect(moveListItem(doc, 'technologies', b.id, 0)).toBe(true);
    expect(readList(doc, 'technologies').map((i) => i.text)).toEqual(['HubSpot', 'Salesforce Sales Cloud']);
    expect(readList(doc, 'technologies')[0]!.id).toBe(b.id);
    expect(removeListItem(doc, 'technologies', a.id)).toBe(true);
    expect(removeListItem(doc, 'technologies', a.id)).toBe(false);
    expect(readList(doc, 'technologies').map((i) => i.text)).toEqual(['HubSpot']);
  });

  it('ignores malformed entries written by foreign clients', () => {
    const doc = new Y.Doc();
    const list = doc.getArray<unknown>('industries');
    list.push(['not a map']);
    const bad = new Y.Map<unknown>();
    bad.set('id', 42);
    list.push([bad]);
    addListItem(doc, 'industries', 'Retail');
    expect(readList(doc, 'industries').map((i) => i.text)).toEqual(['Retail']);
  });
});

describe('ranges', () => {
  it('reads empty ranges as null bounds and money ranges with a currency', () => {
    const doc = new Y.Doc();
    expect(readRange(doc, 'employees')).toEqual({ min: null, max: null });
    expect(readRange(doc, 'revenue')).toEqual({ min: null, max: null, currency: 'USD' });
  });

  it('writes bounds independently and validates the whole range', () => {
    const doc = new Y.Doc();
    writeRange(doc, 'employees', { min: 200 });
    writeRange(doc, 'employees', { max: 1000 });
    expect(readRange(doc, 'employees')).toEqual({ min: 200, max: 1000 });
    expect(() => writeRange(doc, 'employees', { min: 5000 })).toThrow(
      /the minimum must not exceed the maximum/,
    );
    expect(() => writeRange(doc, 'employees', { min: -1 })).toThrow(/must be 0 or more/);
    expect(() => writeRange(doc, 'employees', { min: 1.5 })).toThrow(/whole number/);
    expect(() => writeRange(doc, 'revenue', { currency: 'XYZ' as never })).toThrow(/currency/);
    expect(readRange(doc, 'employees')).toEqual({ min: 200, max: 1000 });
    writeRange(doc, 'employees', { min: null });
    expect(readRange(doc, 'employees')).toEqual({ min: null, max: 1000 });
  });
});
