import { describe, expect, it } from 'vitest';
import { listItemsOf, rangeValueOf, richTextOf, safeHref } from './canonicalContent.js';

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
