import { describe, expect, it } from 'vitest';
import type { SectionDiff, TextChange } from '@bullseye/shared';
import { collapseUnchanged, diffSummary, titledDiffs } from './diffDisplay.js';

const words = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ');

describe('titledDiffs', () => {
  it('names sections by their title, and unknown ones by key', () => {
    const diffs: SectionDiff[] = [
      { key: 'industries', kind: 'list', added: [], removed: [], changed: [] },
      { key: 'mystery', kind: 'richText', changes: [] },
    ];
    expect(titledDiffs(diffs).map((d) => d.title)).toEqual(['Industries', 'mystery']);
  });
});

describe('diffSummary', () => {
  it('counts criteria added, removed and changed', () => {
    expect(
      diffSummary({
        key: 'industries',
        kind: 'list',
        added: [{ id: 'a', text: 'A' }],
        removed: [
          { id: 'b', text: 'B' },
          { id: 'c', text: 'C' },
        ],
        changed: [],
      }),
    ).toBe('1 added, 2 removed');
  });

  it('counts words in narrative changes', () => {
    expect(
      diffSummary({
        key: 'goals',
        kind: 'richText',
        changes: [
          { type: 'same', text: 'Grow ' },
          { type: 'removed', text: 'fast' },
          { type: 'added', text: 'very fast indeed' },
        ],
      }),
    ).toBe('3 words added, 1 word removed');
  });
});

describe('collapseUnchanged', () => {
  it('leaves short unchanged runs alone', () => {
    const changes: TextChange[] = [
      { type: 'same', text: 'Grow ' },
      { type: 'added', text: 'fast' },
      { type: 'same', text: ' now' },
    ];
    expect(collapseUnchanged(changes)).toEqual(changes);
  });

  it('keeps the words next to a change and marks what it left out', () => {
    const pieces = collapseUnchanged(
      [
        { type: 'same', text: `${words(20)} ` },
        { type: 'added', text: 'NEW' },
        { type: 'same', text: ` ${words(40, 21)} ` },
        { type: 'removed', text: 'OLD' },
        { type: 'same', text: ` ${words(20, 61)}` },
      ],
      3,
    );
    expect(pieces).toEqual([
      { type: 'gap' },
      { type: 'same', text: ' w18 w19 w20 ' },
      { type: 'added', text: 'NEW' },
      { type: 'same', text: ' w21 w22 w23 ' },
      { type: 'gap' },
      { type: 'same', text: ' w58 w59 w60 ' },
      { type: 'removed', text: 'OLD' },
      { type: 'same', text: ' w61 w62 w63 ' },
      { type: 'gap' },
    ]);
  });

  it('shows a section whose text did not change in full', () => {
    const only: TextChange[] = [{ type: 'same', text: words(50) }];
    expect(collapseUnchanged(only, 3)).toEqual(only);
  });
});
