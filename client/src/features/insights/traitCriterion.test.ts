import { describe, expect, it } from 'vitest';
import { evidenceSchema, type TraitDto } from '@bullseye/shared';
import {
  criterionForTrait,
  disqualifierText,
  evidenceForTrait,
  isCriterionPresent,
  type DraftCriteria,
} from './traitCriterion.js';

const trait = (over: Partial<TraitDto>): TraitDto => ({
  dimension: 'industry',
  value: 'Fintech',
  band: null,
  best: 81,
  bestKnown: 214,
  n: 412,
  comparisonKnown: 4800,
  shareBest: 0.38,
  shareComparison: 0.18,
  lift: 2.1,
  low: 1.6,
  high: 2.7,
  winRate: 0.41,
  winRateLow: 0.35,
  winRateHigh: 0.47,
  significant: true,
  smallSample: false,
  label: 'core',
  ...over,
});

const empty: DraftCriteria = {
  industries: [],
  geographies: [],
  technologies: [],
  disqualifiers: [],
  employees: { min: null, max: null },
  revenue: { min: null, max: null, currency: 'USD' },
};

describe('criterionForTrait', () => {
  it('sends text values to their section', () => {
    expect(criterionForTrait(trait({}))).toEqual({
      kind: 'list',
      section: 'industries',
      text: 'Fintech',
      actionLabel: 'Add Fintech to Industries',
    });
    expect(criterionForTrait(trait({ dimension: 'country', value: 'Germany' })).section).toBe('geographies');
    expect(criterionForTrait(trait({ dimension: 'region', value: 'Bavaria' })).section).toBe('geographies');
    expect(criterionForTrait(trait({ dimension: 'technologies', value: 'Salesforce' })).actionLabel).toBe(
      'Add Salesforce to Technologies',
    );
  });

  it('makes numeric bands a range, named in words', () => {
    const size = criterionForTrait(
      trait({ dimension: 'employees', value: '201–1,000 employees', band: { min: 201, max: 1000 } }),
    );
    expect(size).toEqual({
      kind: 'range',
      section: 'employees',
      min: 201,
      max: 1000,
      text: '201–1,000 employees',
      actionLabel: 'Add 201–1,000 employees to Company size',
    });
    const revenue = criterionForTrait(
      trait({ dimension: 'revenue', value: '$1M–$10M', band: { min: 1_000_000, max: 9_999_999 } }),
    );
    expect(revenue).toMatchObject({ min: 1_000_000, max: 9_999_999, text: '$1M–$10M' });
    expect(revenue.actionLabel).toBe('Add $1M–$10M to Annual revenue');
  });

  it('makes anti-ICP traits disqualifiers', () => {
    const anti = criterionForTrait(trait({ value: 'Education', label: 'anti', lift: 0.3 }));
    expect(anti).toEqual({
      kind: 'list',
      section: 'disqualifiers',
      text: 'Industry: Education',
      actionLabel: 'Add Education as disqualifier',
    });
    expect(
      disqualifierText(trait({ dimension: 'employees', value: '1–10 employees', band: { min: 1, max: 10 } })),
    ).toBe('Company size: 1–10 employees');
  });
});

describe('isCriterionPresent', () => {
  it('finds text without case and ranges by their bounds', () => {
    const draft: DraftCriteria = {
      ...empty,
      industries: [{ id: 'a', text: 'fintech' }],
      disqualifiers: [{ id: 'b', text: 'Industry: Education' }],
      employees: { min: 201, max: 1000 },
    };
    expect(isCriterionPresent(criterionForTrait(trait({})), draft)).toBe(true);
    expect(isCriterionPresent(criterionForTrait(trait({ value: 'SaaS' })), draft)).toBe(false);
    expect(isCriterionPresent(criterionForTrait(trait({ value: 'Education', label: 'anti' })), draft)).toBe(
      true,
    );
    const band = (min: number, max: number | null) =>
      criterionForTrait(trait({ dimension: 'employees', value: 'x', band: { min, max } }));
    expect(isCriterionPresent(band(201, 1000), draft)).toBe(true);
    expect(isCriterionPresent(band(201, null), draft)).toBe(false);
    expect(isCriterionPresent(band(201, 1000), empty)).toBe(false);
  });
});

describe('evidenceForTrait', () => {
  const source = {
    datasetId: '8d7f1f7e-5a43-4c1e-9a55-1f3f8a0f2b11',
    datasetName: 'HubSpot Q3',
    revision: 2,
    bestCustomers: 'status is customer · LTV in the top 25%',
    comparison: 'all' as const,
  };

  it('records the numbers in the shape the evidence schema accepts', () => {
    const evidence = evidenceForTrait(trait({}), source, new Date('2026-12-03T10:00:00Z'));
    expect(evidenceSchema.parse(evidence)).toEqual(evidence);
    expect(evidence).toMatchObject({
      datasetName: 'HubSpot Q3',
      revision: 2,
      dimension: 'industry',
      value: 'Fintech',
      band: null,
      bestN: 214,
      n: 412,
      lift: 2.1,
      low: 1.6,
      high: 2.7,
      winRate: 0.41,
      computedAt: '2026-12-03T10:00:00.000Z',
    });
  });

  it('keeps bands and clamps what the schema would refuse', () => {
    const evidence = evidenceForTrait(
      trait({
        dimension: 'employees',
        value: '201-1000',
        band: { min: 201, max: 1000 },
        winRate: null,
        shareBest: 1.0000001,
        high: Number.POSITIVE_INFINITY,
      }),
      { ...source, datasetName: 'x'.repeat(120), bestCustomers: 'y'.repeat(900) },
    );
    expect(() => evidenceSchema.parse(evidence)).not.toThrow();
    expect(evidence.band).toEqual({ min: 201, max: 1000 });
    expect(evidence.winRate).toBeNull();
    expect(evidence.shareBest).toBe(1);
    expect(evidence.high).toBe(2.1);
  });
});
