import { describe, expect, it } from 'vitest';
import type { IcpComparisonDto, RangeComparison } from '@bullseye/shared';
import {
  accountLabels,
  bandText,
  columnTitles,
  conflictWording,
  countOf,
  joinWords,
  rangeWording,
  verdictWording,
} from './comparisonWording.js';

const side = (title: string, kind: 'icp' | 'negative' = 'icp') => ({
  id: `00000000-0000-4000-8000-00000000000${title.length % 10}`,
  title,
  kind,
  primary: false,
});

const list = (
  section: IcpComparisonDto['lists'][number]['section'],
  shared: string[] = [],
  onlyA: string[] = [],
  onlyB: string[] = [],
) => ({
  section,
  shared,
  onlyA,
  onlyB,
});

const range = (
  patch: Partial<RangeComparison> & Pick<RangeComparison, 'section' | 'relation'>,
): RangeComparison => ({
  a: null,
  b: null,
  currencyA: null,
  currencyB: null,
  overlap: null,
  ...patch,
});

function comparison(patch: Partial<IcpComparisonDto> = {}): IcpComparisonDto {
  return {
    a: side('Mid-market SaaS'),
    b: side('Enterprise'),
    verdict: 'overlapping',
    separatedBy: [],
    lists: [
      list('industries'),
      list('geographies'),
      list('technologies'),
      list('buyingTriggers'),
      list('disqualifiers'),
    ],
    ranges: [
      range({ section: 'employees', relation: 'unset' }),
      range({ section: 'revenue', relation: 'unset' }),
    ],
    conflicts: [],
    accounts: null,
    ...patch,
  };
}

describe('verdictWording', () => {
  it('says why two ICPs are distinct', () => {
    const wording = verdictWording(comparison({ verdict: 'distinct', separatedBy: ['industries'] }));
    expect(wording.tone).toBe('distinct');
    expect(wording.headline).toBe('Distinct: no company can match both (industries share nothing)');
    expect(wording.detail).toBeNull();
  });

  it('says what two distinct ICPs still have in common', () => {
    const wording = verdictWording(
      comparison({
        verdict: 'distinct',
        separatedBy: ['employees'],
        lists: [list('industries', ['Fintech']), list('geographies', ['DACH'])],
        ranges: [range({ section: 'employees', relation: 'disjoint' })],
      }),
    );
    expect(wording.detail).toBe('Apart from that, both name Fintech and both cover DACH.');
  });

  it('names every reason, the last one after "and"', () => {
    const wording = verdictWording(
      comparison({ verdict: 'distinct', separatedBy: ['industries', 'geographies', 'employees'] }),
    );
    expect(wording.headline).toBe(
      'Distinct: no company can match both (industries share nothing, geographies share nothing and company sizes do not overlap)',
    );
  });

  it('says what two overlapping ICPs have in common', () => {
    const wording = verdictWording(
      comparison({
        lists: [list('industries', ['Fintech', 'B2B SaaS'], ['Insurance'], ['Retail'])],
        ranges: [
          range({
            section: 'employees',
            relation: 'overlap',
            a: { min: 200, max: 1000 },
            b: { min: 500, max: 5000 },
            overlap: { min: 500, max: 1000 },
          }),
        ],
      }),
    );
    expect(wording.headline).toBe('Overlapping: some companies can match both');
    expect(wording.detail).toBe('Both name Fintech and B2B SaaS and sizes meet at 500 – 1K employees.');
  });

  it('says when the criteria are the same', () => {
    expect(verdictWording(comparison({ verdict: 'same' })).headline).toBe(
      'Same criteria: both ICPs describe the same companies',
    );
  });

  it('words a negative ICP as who we never sell to', () => {
    const overlapping = verdictWording(
      comparison({ b: side('Never sell to', 'negative'), lists: [list('industries', ['Gambling'])] }),
    );
    expect(overlapping.headline).toBe(
      'Overlapping: some companies «Mid-market SaaS» targets are ones we never sell to',
    );
    expect(overlapping.detail).toMatch(/^Take those criteria out of «Mid-market SaaS»/);
    const distinct = verdictWording(
      comparison({ a: side('Never sell to', 'negative'), verdict: 'distinct', separatedBy: ['industries'] }),
    );
    expect(distinct.headline).toBe(
      'Distinct: no company «Enterprise» targets is one we never sell to (industries share nothing)',
    );
  });
});

describe('columnTitles', () => {
  it('names each side', () => {
    expect(columnTitles('industries', comparison())).toEqual([
      'Only in «Mid-market SaaS»',
      'In both',
      'Only in «Enterprise»',
    ]);
  });

  it('calls what an ICP shares with a negative ICP targeted, yet never sold to', () => {
    const c = comparison({ b: side('Never', 'negative') });
    expect(columnTitles('industries', c)[1]).toBe('Targeted, yet never sold to');
    expect(columnTitles('buyingTriggers', c)[1]).toBe('In both');
  });
});

describe('rangeWording', () => {
  it('says how two bands relate', () => {
    const c = comparison();
    expect(rangeWording(range({ section: 'employees', relation: 'unset' }), c)).toBe('Neither sets a band.');
    expect(rangeWording(range({ section: 'employees', relation: 'onlyA', a: { min: 10, max: 50 } }), c)).toBe(
      'Only «Mid-market SaaS» sets one; «Enterprise» takes any size.',
    );
    expect(rangeWording(range({ section: 'revenue', relation: 'onlyB' }), c)).toBe(
      'Only «Enterprise» sets one; «Mid-market SaaS» takes any revenue.',
    );
    expect(rangeWording(range({ section: 'employees', relation: 'disjoint' }), c)).toBe(
      'No overlap: no company can be in both.',
    );
    expect(
      rangeWording(
        range({
          section: 'revenue',
          relation: 'overlap',
          currencyA: 'USD',
          currencyB: 'USD',
          overlap: { min: 12_500_000, max: null },
        }),
        c,
      ),
    ).toBe('Overlap: $12.5M+ is in both.');
    expect(
      rangeWording(
        range({ section: 'revenue', relation: 'currencies', currencyA: 'USD', currencyB: 'EUR' }),
        c,
      ),
    ).toBe('Not comparable: «Mid-market SaaS» is in USD, «Enterprise» in EUR.');
  });

  it('words a band only one side sets when one of them is a negative ICP', () => {
    const c = comparison({ b: side('Never', 'negative') });
    expect(rangeWording(range({ section: 'employees', relation: 'onlyA' }), c)).toBe(
      'Only «Mid-market SaaS» sets one; «Never» rules out no size.',
    );
    expect(rangeWording(range({ section: 'employees', relation: 'onlyB' }), c)).toBe(
      '«Mid-market SaaS» takes any size, including the band we never sell to.',
    );
  });

  it('shows each side’s band, or that it sets none', () => {
    const r = range({ section: 'employees', relation: 'onlyA', a: { min: 200, max: 2000 } });
    expect(bandText(r, 'a')).toBe('200 – 2K employees');
    expect(bandText(r, 'b')).toBe('Not set');
  });
});

describe('conflicts', () => {
  it('says what one targets that the other rules out', () => {
    const c = comparison();
    expect(
      conflictWording(
        { icp: 'a', section: 'industries', criterion: 'Fintech', ruledOutBy: 'Industry is Fintech' },
        c,
      ),
    ).toBe('«Mid-market SaaS» targets Fintech, which «Enterprise» rules out: “Industry is Fintech”');
  });

  it('says "we never sell to" when the other is a negative ICP', () => {
    const c = comparison({ b: side('Never', 'negative') });
    expect(
      conflictWording({ icp: 'a', section: 'industries', criterion: 'Gambling', ruledOutBy: 'Gambling' }, c),
    ).toBe('«Mid-market SaaS» targets Gambling, which we never sell to («Never»: “Gambling”)');
  });
});

describe('accounts', () => {
  it('counts with a share', () => {
    expect(countOf(1234, 5000)).toBe('1,234 of 5,000 (25%)');
    expect(countOf(0, 0)).toBe('0 of 0 (0%)');
  });

  it('labels the figures for a negative ICP', () => {
    expect(accountLabels(comparison({ b: side('Never', 'negative') }))).toEqual({
      title: 'Accounts targeted, yet never sold to',
      fitA: 'Fit for «Mid-market SaaS»',
      fitB: 'Match «Never» (never sell to)',
      fitBoth: 'Targeted, yet never sold to',
    });
  });
});

describe('joinWords', () => {
  it('joins with commas and a final "and"', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinWords(['a', 'b'], 'or')).toBe('a or b');
  });
});
