import { describe, expect, it } from 'vitest';
import type { InboxItemDto } from '@bullseye/shared';
import { appendPage, mergeFirstPage } from './mergeInboxPage.js';

const item = (id: string) => ({ id }) as InboxItemDto;
const ids = (state: { items: InboxItemDto[] }) => state.items.map((i) => i.id);

describe('mergeFirstPage', () => {
  it('takes the fresh page alone when it is the last page', () => {
    const merged = mergeFirstPage(
      { items: [item('b'), item('c')], nextBefore: 'c' },
      { items: [item('a'), item('b')], nextBefore: null },
    );
    expect(ids(merged)).toEqual(['a', 'b']);
    expect(merged.nextBefore).toBeNull();
  });

  it('keeps older loaded pages behind the fresh page', () => {
    const merged = mergeFirstPage(
      { items: [item('b'), item('c'), item('d'), item('e')], nextBefore: 'e' },
      { items: [item('new'), item('b'), item('c')], nextBefore: 'c' },
    );
    expect(ids(merged)).toEqual(['new', 'b', 'c', 'd', 'e']);
    expect(merged.nextBefore).toBe('e');
  });

  it('drops loaded items the fresh page no longer has', () => {
    const merged = mergeFirstPage(
      { items: [item('a'), item('b'), item('c'), item('d')], nextBefore: 'd' },
      { items: [item('a'), item('c')], nextBefore: 'c' },
    );
    expect(ids(merged)).toEqual(['a', 'c', 'd']);
  });

  it('starts over when the fresh page does not reach what is loaded', () => {
    const merged = mergeFirstPage(
      { items: [item('x'), item('y')], nextBefore: 'y' },
      { items: [item('a'), item('b')], nextBefore: 'b' },
    );
    expect(ids(merged)).toEqual(['a', 'b']);
    expect(merged.nextBefore).toBe('b');
  });
});

describe('appendPage', () => {
  it('appends without duplicates and takes the new cursor', () => {
    const next = appendPage(
      { items: [item('a'), item('b')], nextBefore: 'b' },
      { items: [item('b'), item('c')], nextBefore: null },
    );
    expect(ids(next)).toEqual(['a', 'b', 'c']);
    expect(next.nextBefore).toBeNull();
  });
});
