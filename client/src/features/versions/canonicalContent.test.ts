import { describe, expect, it } from 'vitest';
import { testEvidence } from '@bullseye/shared/testing';
import {
  bestCustomersOf,
  listItemsOf,
  rangeValueOf,
  richTextOf,
  safeHref,
  scoringOf,
} from './canonicalContent.js';

describe('canonical content readers', () => {
  it('reads criteria and skips malformed ones', () => {
    expect(listItemsOf([{ id: 'a', text: 'Fintech' }, { text: 'No id' }, 3, { id: 'b' }])).toEqual([
      { id: 'a', text: 'Fintech' },
      { id: 'No id', text: 'No id' },
    ]);
    expect(listItemsOf('nope')).toEqual([]);
  });

  it('reads ranges with or without bounds and currency', () => {
    expect(rangeValueOf({ min: 200, max: null })).toEqual({ min: 200, max: null });
    expect(rangeValueOf({ min: 1, max: 5, currency: 'EUR' })).toEqual({ min: 1, max: 5, currency: 'EUR' });
    expect(rangeValueOf(undefined)).toEqual({ min: null, max: null });
    expect(rangeValueOf({ min: '3' })).toEqual({ min: null, max: null });
  });

  it('reads the evidence of criteria, dropping what does not parse', () => {
    const evidence = testEvidence('industry', 'Fintech', null, {
      bestCustomers: 'status is customer',
      bestN: 214,
      winRate: null,
      computedAt: '2026-12-03T10:00:00.000Z',
    });
    expect(
      listItemsOf([
        { id: 'a', text: 'Fintech', evidence },
        { id: 'b', text: 'SaaS', evidence: { lift: 'much' } },
      ]),
    ).toEqual([
      { id: 'a', text: 'Fintech', evidence },
      { id: 'b', text: 'SaaS' },
    ]);
    const band = { ...evidence, dimension: 'employees', value: '201-1000', band: { min: 201, max: 1000 } };
    expect(rangeValueOf({ min: 201, max: 1000, evidence: band })).toEqual({
      min: 201,
      max: 1000,
      evidence: band,
    });
  });

  it('reads the scoring settings of a version: importances, thresholds, bands and rules', () => {
    expect(
      scoringOf({ sections: {}, scoring: { importance: { industries: 'must', revenue: 4.5 } } }),
    ).toEqual({
      importance: { industries: 'must', revenue: 4.5 },
    });
    expect(scoringOf({ sections: {}, scoring: { thresholds: { a: 85, b: 70, c: 50 } } })).toEqual({
      thresholds: { a: 85, b: 70, c: 50 },
    });
    expect(scoringOf({ sections: {} })).toBeNull();
    expect(scoringOf({ sections: {}, scoring: { importance: { industries: 'very' } } })).toBeNull();
    expect(rangeValueOf({ min: 200, max: 1000, acceptable: { min: 50, max: null } })).toEqual({
      min: 200,
      max: 1000,
      acceptable: { min: 50, max: null },
    });
    expect(rangeValueOf({ min: 200, max: 1000, acceptable: { min: 'few' } })).toEqual({
      min: 200,
      max: 1000,
    });
    expect(
      listItemsOf([
        { id: 'a', text: 'Tiny companies', rule: { field: 'employees', op: 'below', value: 10 } },
        { id: 'b', text: 'Odd', rule: { field: 'employees', op: 'is', values: ['x'] } },
      ]),
    ).toEqual([
      { id: 'a', text: 'Tiny companies', rule: { field: 'employees', op: 'below', value: 10 } },
      { id: 'b', text: 'Odd' },
    ]);
  });

  it('reads the best-customer definition of a version', () => {
    const definition = {
      datasetId: '8d7f1f7e-5a43-4c1e-9a55-1f3f8a0f2b11',
      comparison: 'wonLost',
      conditions: [{ op: 'top', field: 'ltv', percent: 25 }],
    };
    expect(bestCustomersOf({ sections: {}, bestCustomers: definition })).toEqual(definition);
    expect(bestCustomersOf({ sections: {} })).toBeNull();
    expect(bestCustomersOf({ sections: {}, bestCustomers: { datasetId: 'nope' } })).toBeNull();
  });

  it('treats a narrative without text as empty', () => {
    expect(richTextOf({ type: 'doc', content: [{ type: 'paragraph' }] })).toBeNull();
    expect(richTextOf({ type: 'doc' })).toBeNull();
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] };
    expect(richTextOf(doc)).toBe(doc);
  });

  it('allows only web and mail links', () => {
    expect(safeHref('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHref('mailto:ada@example.com')).toBe('mailto:ada@example.com');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(42)).toBeNull();
  });
});
