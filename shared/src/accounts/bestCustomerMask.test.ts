import { describe, expect, it } from 'vitest';
import { type BestCustomerCondition } from '../validation/datasets.js';
import { UNKNOWN_ROW, accountColumnsOf } from './accountColumns.js';
import { bestCustomerMask, comparisonMask, describeBestCustomers } from './bestCustomerMask.js';
import { type AccountStatus } from './fields.js';

type Row = [AccountStatus | null, string | null, string | null, number | null, number | null];

// status, industry, country, LTV, NPS
const ROWS: Row[] = [
  ['customer', 'Fintech', 'United States', 100, 60], // 0
  ['customer', 'fintech', 'United States', 90, 40], // 1
  ['customer', 'B2B SaaS', 'United Kingdom', 90, 70], // 2
  ['customer', 'B2B SaaS', 'United Kingdom', 80, null], // 3
  ['customer', 'Education', 'Germany', 50, 10], // 4
  ['won', 'Fintech', 'United States', null, 80], // 5
  ['lost', 'Fintech', 'United States', null, null], // 6
  ['lost', 'Education', 'Germany', null, null], // 7
  ['churned', 'B2B SaaS', 'United Kingdom', 40, -20], // 8
  ['prospect', 'Public sector', null, null, null], // 9
  [null, null, null, 70, null], // 10
];

const columns = accountColumnsOf(
  ROWS.map(([status, industry, country, ltv, nps]) => ({
    ...UNKNOWN_ROW,
    status,
    industry,
    country,
    ltv,
    nps,
  })),
);

const selected = (conditions: BestCustomerCondition[]) => {
  const { mask, count, thresholds } = bestCustomerMask(columns, conditions);
  const indexes = [...mask].flatMap((m, i) => (m ? [i] : []));
  expect(indexes).toHaveLength(count);
  return { indexes, thresholds };
};

describe('bestCustomerMask', () => {
  it('keeps everyone without conditions', () => {
    expect(selected([]).indexes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('matches statuses and dictionary values ignoring case; unknown never matches', () => {
    expect(selected([{ op: 'in', field: 'status', values: ['Customer'] }]).indexes).toEqual([0, 1, 2, 3, 4]);
    expect(selected([{ op: 'in', field: 'industry', values: ['FINTECH', 'Retail'] }]).indexes).toEqual([
      0, 1, 5, 6,
    ]);
    expect(selected([{ op: 'in', field: 'country', values: ['germany', 'Nowhere'] }]).indexes).toEqual([
      4, 7,
    ]);
    expect(selected([{ op: 'in', field: 'region', values: ['Bavaria'] }]).indexes).toEqual([]);
  });

  it('compares numbers, unknown never passing', () => {
    expect(selected([{ op: 'atLeast', field: 'nps', value: 50 }]).indexes).toEqual([0, 2, 5]);
    expect(selected([{ op: 'atMost', field: 'ltv', value: 50 }]).indexes).toEqual([4, 8]);
    expect(selected([{ op: 'atMost', field: 'nps', value: 100 }]).indexes).toEqual([0, 1, 2, 4, 5, 8]);
  });

  it('ANDs conditions', () => {
    expect(
      selected([
        { op: 'in', field: 'status', values: ['customer'] },
        { op: 'atLeast', field: 'nps', value: 40 },
        { op: 'in', field: 'country', values: ['United States'] },
      ]).indexes,
    ).toEqual([0, 1]);
  });

  it('takes the top percent among accounts meeting the other conditions, ties included', () => {
    // Customers' LTVs: 100, 90, 90, 80, 50 (5 known). Top 25%: rank ceil(5 · 0.25) = 2 → 90,
    // and both 90s are kept.
    const top = selected([
      { op: 'in', field: 'status', values: ['customer'] },
      { op: 'top', field: 'ltv', percent: 25 },
    ]);
    expect(top).toEqual({ indexes: [0, 1, 2], thresholds: [null, 90] });
    // Top 20%: rank 1 → 100 only.
    expect(
      selected([
        { op: 'in', field: 'status', values: ['customer'] },
        { op: 'top', field: 'ltv', percent: 20 },
      ]),
    ).toEqual({ indexes: [0], thresholds: [null, 100] });
  });

  it('takes the bottom percent, among accounts with a known value', () => {
    // Known LTVs of all accounts: 100 90 90 80 50 40 70 (7). Bottom 40%: rank ceil(2.8) = 3 → 70.
    expect(selected([{ op: 'bottom', field: 'ltv', percent: 40 }])).toEqual({
      indexes: [4, 8, 10],
      thresholds: [70],
    });
  });

  it('computes several percentile conditions each against the non-percentile set', () => {
    // Among customers: LTV top 50% → rank ceil(2.5) = 3 of 100 90 90 80 50 → 90 → {0, 1, 2};
    // NPS top 50% → known 60 40 70 10, rank 2 → 60 → {0, 2} (3 has no NPS). Both: {0, 2}.
    const both = selected([
      { op: 'top', field: 'ltv', percent: 50 },
      { op: 'in', field: 'status', values: ['customer'] },
      { op: 'top', field: 'nps', percent: 50 },
    ]);
    expect(both).toEqual({ indexes: [0, 2], thresholds: [90, null, 60] });
  });

  it('keeps nobody when no account has a value for a percentile field', () => {
    expect(
      selected([
        { op: 'in', field: 'status', values: ['lost'] },
        { op: 'top', field: 'ltv', percent: 50 },
      ]),
    ).toEqual({ indexes: [], thresholds: [null, null] });
  });
});

describe('comparisonMask', () => {
  it("is every account for 'all'", () => {
    expect([...comparisonMask(columns, 'all')]).toEqual(ROWS.map(() => 1));
  });

  it("is won, customer, churned and lost accounts for 'wonLost'", () => {
    expect([...comparisonMask(columns, 'wonLost')]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
  });
});

describe('describeBestCustomers', () => {
  it('puts the definition in words', () => {
    expect(
      describeBestCustomers(
        [
          { op: 'in', field: 'status', values: ['customer'] },
          { op: 'top', field: 'ltv', percent: 25 },
          { op: 'atLeast', field: 'nps', value: 50 },
        ],
        'all',
      ),
    ).toBe('status is customer · LTV in the top 25% · NPS at least 50 (compared with all accounts)');
    expect(
      describeBestCustomers(
        [
          { op: 'in', field: 'industry', values: ['Fintech', 'B2B SaaS', 'Insurance'] },
          { op: 'atMost', field: 'revenue', value: 50_000_000 },
          { op: 'bottom', field: 'adoption', percent: 10 },
        ],
        'wonLost',
      ),
    ).toBe(
      'industry is Fintech, B2B SaaS or Insurance · revenue at most 50,000,000 · adoption in the bottom 10% (compared with won and lost accounts)',
    );
    expect(describeBestCustomers([], 'all')).toBe('every account (compared with all accounts)');
  });

  it('fits in the 500 characters evidence keeps', () => {
    const long = Array.from({ length: 12 }, () => ({
      op: 'in' as const,
      field: 'industry' as const,
      values: Array.from({ length: 10 }, (_, i) => `Industry number ${i}`),
    }));
    const text = describeBestCustomers(long, 'all');
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text).toMatch(/… \(compared with all accounts\)$/);
  });
});
