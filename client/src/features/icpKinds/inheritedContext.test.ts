import { describe, expect, it } from 'vitest';
import type { NegativeDisqualifier } from '@bullseye/shared';
import { groupBySource, sourcesKeyOf } from './inheritedContext.js';

const source = (icpId: string, versionId: string, title = icpId) => ({
  icpId,
  title,
  versionId,
  versionNumber: 1,
});
const item = (id: string, from: ReturnType<typeof source>): NegativeDisqualifier => ({
  id,
  text: id,
  rule: null,
  currency: null,
  source: from,
});

describe('inherited disqualifiers', () => {
  it('groups them by the negative ICP they come from, in order', () => {
    const n1 = source('n1', 'v1');
    const n2 = source('n2', 'v7');
    const groups = groupBySource([item('a', n1), item('b', n2), item('c', n1)]);
    expect(groups.map((g) => [g.source.icpId, g.items.map((i) => i.id)])).toEqual([
      ['n1', ['a', 'c']],
      ['n2', ['b']],
    ]);
  });

  it('keys the versions that apply, once each, whatever the order', () => {
    const n1 = source('n1', 'v1');
    const n2 = source('n2', 'v7');
    expect(sourcesKeyOf([item('b', n2), item('a', n1), item('c', n1)])).toBe('n1@v1,n2@v7');
    expect(sourcesKeyOf([])).toBe('');
  });
});
