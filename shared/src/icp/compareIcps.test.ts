import { describe, expect, it } from 'vitest';
import type { CanonicalIcp } from './canonical.js';
import { compareIcps, type ComparedSide } from './compareIcps.js';
import type { DisqualifierRule } from '../scoring/scoringSettings.js';

let ids = 0;
const item = (text: string, rule?: DisqualifierRule) => ({
  id: `i${++ids}`,
  text,
  ...(rule ? { rule } : {}),
});

function icp(
  content: {
    industries?: string[];
    geographies?: string[];
    technologies?: string[];
    employees?: [number | null, number | null];
    revenue?: [number | null, number | null, string?];
    disqualifiers?: { text: string; rule?: DisqualifierRule }[];
  },
  kind: ComparedSide['kind'] = 'icp',
): ComparedSide {
  const range = (r?: [number | null, number | null, string?]) =>
    r ? { min: r[0], max: r[1], ...(r[2] ? { currency: r[2] } : {}) } : { min: null, max: null };
  const canonical = {
    schemaVersion: 1,
    sections: {
      industries: (content.industries ?? []).map((t) => item(t)),
      geographies: (content.geographies ?? []).map((t) => item(t)),
      technologies: (content.technologies ?? []).map((t) => item(t)),
      buyingTriggers: [],
      disqualifiers: (content.disqualifiers ?? []).map((d) => item(d.text, d.rule)),
      employees: range(content.employees),
      revenue: range(content.revenue),
    },
  } as unknown as CanonicalIcp;
  return { canonical, kind };
}

describe('compareIcps', () => {
  it('lists shared criteria ignoring case and spacing, and what only one side has', () => {
    const result = compareIcps(
      icp({ industries: ['Fintech', 'Insurance'] }),
      icp({ industries: ['  fintech ', 'Retail'] }),
    );
    expect(result.lists.find((l) => l.section === 'industries')).toEqual({
      section: 'industries',
      shared: ['Fintech'],
      onlyA: ['Insurance'],
      onlyB: ['Retail'],
    });
    expect(result.verdict).toBe('overlapping');
  });

  it('calls identical criteria the same', () => {
    const content = { industries: ['Fintech'], employees: [200, 1000] as [number, number] };
    expect(compareIcps(icp(content), icp(content)).verdict).toBe('same');
  });

  it('is distinct when industries share nothing, or a band does not overlap', () => {
    expect(compareIcps(icp({ industries: ['Fintech'] }), icp({ industries: ['Retail'] }))).toMatchObject({
      verdict: 'distinct',
      separatedBy: ['industries'],
    });
    const bands = compareIcps(icp({ employees: [10, 200] }), icp({ employees: [201, 5000] }));
    expect(bands).toMatchObject({ verdict: 'distinct', separatedBy: ['employees'] });
    expect(bands.ranges[0]).toMatchObject({ relation: 'disjoint', overlap: null });
  });

  it('is not distinct when one side leaves a section open, or geographies meet through a group', () => {
    expect(compareIcps(icp({ industries: ['Fintech'] }), icp({ industries: [] })).verdict).toBe(
      'overlapping',
    );
    const geo = compareIcps(icp({ geographies: ['DACH'] }), icp({ geographies: ['Germany'] }));
    expect(geo.separatedBy).toEqual([]);
    expect(
      compareIcps(icp({ geographies: ['DACH'] }), icp({ geographies: ['Nordics'] })).separatedBy,
    ).toEqual(['geographies']);
  });

  it('relates bands: overlap with its values, open ends, one side only, different currencies', () => {
    const [employees, revenue] = compareIcps(
      icp({ employees: [200, 1000], revenue: [1_000_000, null, 'EUR'] }),
      icp({ employees: [500, null], revenue: [2_000_000, null, 'USD'] }),
    ).ranges;
    expect(employees).toMatchObject({ relation: 'overlap', overlap: { min: 500, max: 1000 } });
    expect(revenue).toMatchObject({ relation: 'currencies', currencyA: 'EUR', currencyB: 'USD' });
    expect(compareIcps(icp({ employees: [1, 9] }), icp({})).ranges[0]!.relation).toBe('onlyA');
    expect(compareIcps(icp({}), icp({})).ranges[0]!.relation).toBe('unset');
  });

  it('finds what one ICP targets that the other rules out, by rule or by naming it', () => {
    const result = compareIcps(
      icp({ industries: ['Fintech', 'Retail'], technologies: ['Salesforce'], employees: [5, 50] }),
      icp({
        disqualifiers: [
          { text: 'No fintechs', rule: { field: 'industry', op: 'is', values: ['FinTech'] } },
          { text: 'Companies on Salesforce are served by partners' },
          { text: 'Too small', rule: { field: 'employees', op: 'below', value: 20 } },
        ],
      }),
    );
    expect(result.conflicts).toEqual([
      { icp: 'a', section: 'industries', criterion: 'Fintech', ruledOutBy: 'No fintechs' },
      {
        icp: 'a',
        section: 'technologies',
        criterion: 'Salesforce',
        ruledOutBy: 'Companies on Salesforce are served by partners',
      },
      { icp: 'a', section: 'employees', criterion: 'Employees 5–50', ruledOutBy: 'Too small' },
    ]);
  });

  it('does not read a word inside another as naming it ("Retail" in "Retailers" is not a mention)', () => {
    const result = compareIcps(
      icp({ industries: ['Retail'] }),
      icp({ disqualifiers: [{ text: 'Retailers with franchise models' }] }),
    );
    expect(result.conflicts).toEqual([]);
  });

  it('treats everything a negative ICP lists as ruled out', () => {
    const result = compareIcps(
      icp({ industries: ['Gambling', 'Fintech'], geographies: ['Germany'], employees: [5, 500] }),
      icp({ industries: ['gambling'], geographies: ['DACH'], employees: [null, 10] }, 'negative'),
    );
    expect(result.conflicts).toEqual([
      { icp: 'a', section: 'industries', criterion: 'Gambling', ruledOutBy: 'gambling' },
      { icp: 'a', section: 'geographies', criterion: 'Germany', ruledOutBy: 'DACH' },
      { icp: 'a', section: 'employees', criterion: 'Employees 5–500', ruledOutBy: 'Employees at most 10' },
    ]);
  });

  it('reads short capital codes only as written ("asks us" does not name US)', () => {
    const other = icp({
      disqualifiers: [{ text: 'Anyone who asks us for on-premise' }, { text: 'Only UK resellers' }],
    });
    const result = compareIcps(icp({ geographies: ['US', 'UK'] }), other);
    expect(result.conflicts.map((c) => c.criterion)).toEqual(['UK']);
  });

  it('does not compare revenue bands across currencies, and names the currency', () => {
    const eur = compareIcps(
      icp({ revenue: [1_000_000, 5_000_000, 'EUR'] }),
      icp({ revenue: [null, 2_000_000, 'USD'] }, 'negative'),
    );
    expect(eur.conflicts).toEqual([]);
    const usd = compareIcps(
      icp({ revenue: [1_000_000, 5_000_000, 'USD'] }),
      icp({ revenue: [null, 2_000_000, 'USD'] }, 'negative'),
    );
    expect(usd.conflicts).toEqual([
      {
        icp: 'a',
        section: 'revenue',
        criterion: 'Annual revenue 1,000,000–5,000,000 USD',
        ruledOutBy: 'Annual revenue at most 2,000,000 USD',
      },
    ]);
  });

  it('never reports a negative ICP agreeing with the other side as a conflict', () => {
    const result = compareIcps(
      icp({
        industries: ['Fintech'],
        disqualifiers: [{ text: 'No gambling', rule: { field: 'industry', op: 'is', values: ['Gambling'] } }],
      }),
      icp({ industries: ['Gambling'] }, 'negative'),
    );
    expect(result.conflicts).toEqual([]);
  });

  it('lets an unknown geography (a region or city) meet the other side', () => {
    const result = compareIcps(icp({ geographies: ['Bavaria'] }), icp({ geographies: ['Germany'] }));
    expect(result.separatedBy).toEqual([]);
    expect(result.verdict).toBe('overlapping');
  });
});
