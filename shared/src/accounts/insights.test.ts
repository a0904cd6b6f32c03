import { describe, expect, it } from 'vitest';
import { insightsDtoSchema, type TraitDto } from '../validation/datasets.js';
import { AccountColumnsBuilder, UNKNOWN_ROW, accountColumnsOf, type ColumnRow } from './accountColumns.js';
import { type AccountStatus } from './fields.js';
import { MAX_VALUES_PER_DIMENSION, computeInsights, sampleWarning, type InsightsInput } from './insights.js';
import { liftInterval } from './lift.js';

type Row = [AccountStatus | null, string | null, string | null, number | null, number | null, string[]];

// status, industry, country, employees, revenue, technologies
const ROWS: Row[] = [
  ['customer', 'Fintech', 'United States', 5, 500_000, ['Salesforce', 'Slack']], // 0
  ['customer', 'fintech', 'United States', 30, 2_000_000, ['salesforce']], // 1
  ['customer', 'B2B SaaS', 'United Kingdom', 300, 20_000_000, ['Snowflake']], // 2
  ['customer', 'B2B SaaS', 'United Kingdom', 300, 60_000_000, []], // 3
  ['customer', 'Education', 'Germany', 8, 800_000, ['Slack']], // 4
  ['won', 'Fintech', 'United States', 2000, 300_000_000, ['Salesforce']], // 5
  ['lost', 'Fintech', 'United States', 15, 1_500_000, ['HubSpot']], // 6
  ['lost', 'Education', 'Germany', 40, 3_000_000, ['Slack']], // 7
  ['churned', 'B2B SaaS', 'United Kingdom', 600, 45_000_000, ['Snowflake', 'Slack']], // 8
  ['prospect', 'Public sector', null, null, null, []], // 9
];

const columns = accountColumnsOf(
  ROWS.map(([status, industry, country, employees, revenue, technologies]) => ({
    ...UNKNOWN_ROW,
    status,
    industry,
    country,
    employees,
    revenue,
    technologies,
  })),
);

const customers: InsightsInput = {
  comparison: 'all',
  conditions: [{ op: 'in', field: 'status', values: ['customer'] }],
  bands: 'standard',
  minSample: 5,
};

const find = (traits: TraitDto[], dimension: string, value: string): TraitDto => {
  const trait = traits.find((t) => t.dimension === dimension && t.value === value);
  if (!trait) throw new Error(`no trait ${dimension} = ${value}`);
  return trait;
};

describe('computeInsights on ten accounts counted by hand', () => {
  const result = computeInsights(columns, customers);

  it('counts the populations', () => {
    expect(result).toMatchObject({
      total: 10,
      comparisonCount: 10,
      bestCount: 5,
      thresholds: [null],
      minSample: 5,
      sampleWarning: 'Only 5 best customers: too few for a directional answer (aim for 50+).',
    });
  });

  it('compares industries value by value, one spelling per value', () => {
    // Best = accounts 0–4 (5 with an industry); all 10 have one.
    expect(find(result.traits, 'industry', 'Fintech')).toMatchObject({
      band: null,
      best: 2,
      bestKnown: 5,
      n: 4,
      comparisonKnown: 10,
      shareBest: 0.4,
      shareComparison: 0.4,
      lift: 1,
      // Won: 0, 1 (customers), 5 (won); lost: 6.
      winRate: 0.75,
    });
    const saas = find(result.traits, 'industry', 'B2B SaaS');
    expect(saas).toMatchObject({ best: 2, n: 3, winRate: 1 });
    expect(saas.lift).toBeCloseTo(0.4 / 0.3, 12);
    expect(find(result.traits, 'industry', 'Education')).toMatchObject({
      best: 1,
      n: 2,
      lift: 1,
      winRate: 0.5,
    });
    // Only a prospect: no win rate.
    expect(find(result.traits, 'industry', 'Public sector')).toMatchObject({
      best: 0,
      n: 1,
      lift: 0,
      winRate: null,
      winRateLow: null,
      winRateHigh: null,
    });
  });

  it('leaves unknown values out of the known counts', () => {
    // Account 9 has no country: 9 known in the comparison, 5 among the best.
    const us = find(result.traits, 'country', 'United States');
    expect(us).toMatchObject({ best: 2, bestKnown: 5, n: 4, comparisonKnown: 9 });
    expect(us.lift).toBeCloseTo(2 / 5 / (4 / 9), 12);
    expect(find(result.traits, 'country', 'United Kingdom').lift).toBeCloseTo(2 / 5 / (3 / 9), 12);
    expect(result.traits.some((t) => t.dimension === 'region')).toBe(false);
  });

  it('compares employees and revenue in standard bands, skipping empty bands', () => {
    const employees = result.traits.filter((t) => t.dimension === 'employees');
    expect(employees.map((t) => t.value).sort()).toEqual(
      ['1–10 employees', '11–50 employees', '201–1,000 employees', '1,001–5,000 employees'].sort(),
    );
    const small = find(result.traits, 'employees', '1–10 employees');
    expect(small).toMatchObject({
      band: { min: 1, max: 10 },
      best: 2,
      bestKnown: 5,
      n: 2,
      comparisonKnown: 9,
    });
    expect(small.lift).toBeCloseTo(2 / 5 / (2 / 9), 12);
    expect(find(result.traits, 'employees', '1,001–5,000 employees')).toMatchObject({
      best: 0,
      n: 1,
      lift: 0,
    });

    expect(find(result.traits, 'revenue', 'under $1M')).toMatchObject({
      band: { min: null, max: 999_999 },
      n: 2,
    });
    expect(find(result.traits, 'revenue', '$1M–$10M')).toMatchObject({ best: 1, n: 3 });
    expect(find(result.traits, 'revenue', '$50M–$100M').lift).toBeCloseTo(1 / 5 / (1 / 9), 12);
    expect(result.traits.some((t) => t.value === '$1B+')).toBe(false);
  });

  it('counts technologies once per account, among accounts with any', () => {
    // Accounts with technologies: 0 1 2 4 5 6 7 8 (8); best among them: 0 1 2 4 (4).
    const salesforce = find(result.traits, 'technologies', 'Salesforce');
    expect(salesforce).toMatchObject({ best: 2, bestKnown: 4, n: 3, comparisonKnown: 8, winRate: 1 });
    expect(salesforce.lift).toBeCloseTo(2 / 4 / (3 / 8), 12);
    expect(find(result.traits, 'technologies', 'Slack')).toMatchObject({
      best: 2,
      n: 4,
      lift: 1,
      winRate: 0.75,
    });
    expect(find(result.traits, 'technologies', 'HubSpot')).toMatchObject({ best: 0, n: 1, winRate: 0 });
  });

  it('attaches the interval, win-rate bounds and labels of each value', () => {
    const fintech = find(result.traits, 'industry', 'Fintech');
    const interval = liftInterval(2, 5, 4, 10);
    expect(fintech.low).toBeCloseTo(interval.low, 12);
    expect(fintech.high).toBeCloseTo(interval.high, 12);
    expect(fintech.winRateLow).toBeGreaterThan(0);
    expect(fintech.winRateHigh).toBeLessThan(1);
    // n < minSample everywhere: nothing is significant.
    expect(result.traits.every((t) => t.smallSample && !t.significant && t.label === 'neutral')).toBe(true);
  });

  it('answers what the API schema accepts', () => {
    const dto = { ...result, datasetId: '00000000-0000-4000-8000-000000000001', revision: 1 };
    expect(() => insightsDtoSchema.parse({ ...dto, computedAt: '2025-01-01T00:00:00.000Z' })).not.toThrow();
  });

  it('sorts the non-significant traits by lift', () => {
    const lifts = result.traits.map((t) => t.lift);
    expect(lifts).toEqual([...lifts].sort((a, b) => b - a));
  });
});

describe('computeInsights options', () => {
  it('compares with won and lost accounts, leaving out values neither side has', () => {
    const result = computeInsights(columns, { ...customers, comparison: 'wonLost' });
    expect(result.comparisonCount).toBe(9);
    // Public sector is on the prospect only.
    expect(result.traits.some((t) => t.value === 'Public sector')).toBe(false);
    expect(find(result.traits, 'industry', 'Fintech')).toMatchObject({ n: 4, comparisonKnown: 9 });
  });

  it('uses quantile bands when asked', () => {
    const result = computeInsights(columns, { ...customers, bands: 'quantile' });
    // Known employees sorted: 5 8 15 30 40 300 300 600 2000; ranks 1, 3, 5, 7 → 8, 30, 300, 600.
    expect(
      result.traits
        .filter((t) => t.dimension === 'employees')
        .map((t) => t.band)
        .sort((a, b) => (a!.min ?? 0) - (b!.min ?? 0)),
    ).toEqual([
      { min: null, max: 7 },
      { min: 8, max: 29 },
      { min: 30, max: 299 },
      { min: 300, max: 599 },
      { min: 600, max: null },
    ]);
    expect(find(result.traits, 'employees', '8–29 employees')).toMatchObject({ n: 2, best: 1 });
  });

  it('labels revenue bands in the given currency', () => {
    const result = computeInsights(columns, customers, { currency: 'EUR' });
    expect(find(result.traits, 'revenue', '€1M–€10M').n).toBe(3);
  });

  it('passes percentile thresholds through', () => {
    const result = computeInsights(columns, {
      ...customers,
      conditions: [...customers.conditions, { op: 'top', field: 'employees', percent: 40 }],
    });
    // Customers' employees 5 30 300 300 8: rank 2 from the top → 300 (both kept).
    expect(result.thresholds).toEqual([null, 300]);
    expect(result.bestCount).toBe(2);
  });
});

describe('computeInsights significance', () => {
  // Industry A: 100 accounts, 60 of them customers; B: 900 accounts, 40 customers.
  const rows: ColumnRow[] = [];
  for (let i = 0; i < 100; i++)
    rows.push({ ...UNKNOWN_ROW, industry: 'A', status: i < 60 ? 'customer' : 'prospect' });
  for (let i = 0; i < 900; i++)
    rows.push({ ...UNKNOWN_ROW, industry: 'B', status: i < 40 ? 'customer' : 'prospect' });
  const result = computeInsights(accountColumnsOf(rows), { ...customers, minSample: 30 });

  it('labels a strong common trait core and a rare one anti, strongest first', () => {
    expect(result.sampleWarning).toBeNull();
    const [a, b] = result.traits;
    // A: 0.6 / 0.1 = lift 6, se = √(1/60 − 1/100 + 1/100 − 1/1000) = 0.12517, low = 4.69.
    expect(a).toMatchObject({ value: 'A', lift: 6, significant: true, label: 'core' });
    expect(a!.low).toBeCloseTo(4.6948, 3);
    // B: 0.4 / 0.9 = 0.444, se = √(1/40 − 1/100 + 1/900 − 1/1000) = 0.12293, high = 0.5655.
    expect(b).toMatchObject({ value: 'B', significant: true, label: 'anti' });
    expect(b!.high).toBeCloseTo(0.5655, 3);
  });
});

describe('computeInsights limits', () => {
  it('reports the 50 values most frequent in the comparison', () => {
    const builder = new AccountColumnsBuilder();
    for (let v = 0; v < 60; v++) {
      for (let i = 0; i <= v; i++) builder.add({ ...UNKNOWN_ROW, industry: `Industry ${v}` });
    }
    const result = computeInsights(builder.build(), { ...customers, conditions: [] });
    const industries = result.traits.filter((t) => t.dimension === 'industry').map((t) => t.value);
    expect(industries).toHaveLength(MAX_VALUES_PER_DIMENSION);
    expect(industries).not.toContain('Industry 9');
    expect(industries).toContain('Industry 10');
  });

  it('answers an empty dataset', () => {
    const result = computeInsights(new AccountColumnsBuilder().build(), customers);
    expect(result).toMatchObject({ total: 0, comparisonCount: 0, bestCount: 0, traits: [] });
  });
});

describe('sampleWarning', () => {
  it('asks for 50 best customers, then 100', () => {
    expect(sampleWarning(0)).toBe('Only 0 best customers: too few for a directional answer (aim for 50+).');
    expect(sampleWarning(49)).toBe('Only 49 best customers: too few for a directional answer (aim for 50+).');
    expect(sampleWarning(50)).toBe('50 best customers: directional only; 100+ makes it meaningful.');
    expect(sampleWarning(99)).toBe('99 best customers: directional only; 100+ makes it meaningful.');
    expect(sampleWarning(100)).toBeNull();
  });
});
