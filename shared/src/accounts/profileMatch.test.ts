import { describe, expect, it } from 'vitest';
import { testEvidence } from '../testing/evidence.js';
import { coverageDtoSchema, type ProfileCriteria } from '../validation/datasets.js';
import { UNKNOWN_ROW, accountColumnsOf } from './accountColumns.js';
import { geographyCountries, profileCoverage } from './profileMatch.js';

type Row = [string | null, string | null, string | null, number | null, number | null, string[]];

// industry, country, region, employees, revenue, technologies; accounts 0–4 are the best customers.
const ROWS: Row[] = [
  ['Fintech', 'United States', 'California', 300, 50_000_000, ['Salesforce']], // 0
  ['Fintech', 'USA', 'New York', 500, 80_000_000, ['Snowflake', 'Slack']], // 1
  ['B2B SaaS', 'Germany', 'Bavaria', 250, 40_000_000, ['Salesforce']], // 2
  ['B2B SaaS', 'United Kingdom', 'England', 800, 120_000_000, []], // 3
  ['Education', 'Canada', 'Ontario', 20, 2_000_000, ['Slack']], // 4
  ['Fintech', 'United States', 'Texas', 3000, 900_000_000, ['HubSpot']], // 5
  ['Education', 'Germany', 'Berlin', 40, 3_000_000, ['Slack']], // 6
  ['Retail', 'France', null, 150, 30_000_000, ['Shopify']], // 7
  ['B2B SaaS', null, null, null, null, ['Salesforce']], // 8
  ['Public sector', 'India', 'Karnataka', 5000, null, []], // 9
];

const columns = accountColumnsOf(
  ROWS.map(([industry, country, region, employees, revenue, technologies]) => ({
    ...UNKNOWN_ROW,
    industry,
    country,
    region,
    employees,
    revenue,
    technologies,
  })),
);
const best = Uint8Array.from(ROWS, (_, i) => (i < 5 ? 1 : 0));

const criteria = (partial: Partial<ProfileCriteria>): ProfileCriteria => ({
  industries: [],
  geographies: [],
  technologies: [],
  employees: { min: null, max: null },
  revenue: { min: null, max: null },
  disqualifiers: [],
  ...partial,
});

const chips = (...texts: string[]) => texts.map((text) => ({ text }));
const coverage = (partial: Partial<ProfileCriteria>, mask = best) =>
  profileCoverage(columns, mask, criteria(partial));

describe('profileCoverage', () => {
  it('asks for criteria when none can be checked', () => {
    expect(coverage({})).toEqual({
      total: 10,
      bestCount: 5,
      bestMatched: 5,
      allMatched: 10,
      coverage: 1,
      breadth: 1,
      checked: 0,
      unchecked: [],
      verdict:
        'Add industries, size, revenue, geographies or technologies to compare the profile with the data.',
    });
  });

  it('answers what the API schema accepts', () => {
    expect(() =>
      coverageDtoSchema.parse(coverage({ industries: chips('Fintech', 'Aerospace') })),
    ).not.toThrow();
  });

  it('matches industries ignoring case, and calls a profile leaving out most best customers narrow', () => {
    // Fintech: 0, 1, 5 → 2 of 5 best, 3 of 10 accounts.
    expect(coverage({ industries: chips('fintech') })).toMatchObject({
      bestMatched: 2,
      allMatched: 3,
      coverage: 0.4,
      breadth: 0.3,
      checked: 1,
      verdict: 'Too narrow: it leaves out 60% of your best customers.',
    });
  });

  it('lists chips that match nothing in the data as unchecked', () => {
    // Fintech or B2B SaaS: 0 1 2 3 5 8 → 4 of 5 best, 6 of 10.
    expect(coverage({ industries: chips('Fintech', 'b2b saas', 'Aerospace') })).toMatchObject({
      bestMatched: 4,
      allMatched: 6,
      checked: 2,
      unchecked: ['Aerospace'],
      verdict: 'Focused: it covers 80% of your best customers and 60% of all accounts.',
    });
  });

  it('matches a chip by its evidence value when its text was reworded', () => {
    const reworded = [{ text: 'SaaS (B2B)', evidence: testEvidence('industry', 'B2B SaaS') }];
    expect(coverage({ industries: reworded })).toMatchObject({ allMatched: 3, bestMatched: 2, checked: 1 });
  });

  it('matches geographies by country or region, with country aliases and template groups', () => {
    // North America: United States, USA, Canada → 0 1 4 5; Bavaria (a region) → 2.
    expect(coverage({ geographies: chips('North America', 'Bavaria') })).toMatchObject({
      bestMatched: 4,
      allMatched: 5,
      checked: 2,
      verdict: 'Focused: it covers 80% of your best customers and 50% of all accounts.',
    });
    expect(coverage({ geographies: chips('UK') })).toMatchObject({ allMatched: 1, bestMatched: 1 });
    expect(coverage({ geographies: chips('United States') })).toMatchObject({ allMatched: 3 });
    // "CA" could be California: it stands only for itself, and nothing is spelled so.
    expect(coverage({ geographies: chips('CA', 'Atlantis') })).toMatchObject({
      checked: 0,
      unchecked: ['CA', 'Atlantis'],
    });
    const fromEvidence = [{ text: 'Our home market', evidence: testEvidence('country', 'Germany') }];
    expect(coverage({ geographies: fromEvidence })).toMatchObject({ allMatched: 2, checked: 1 });
  });

  it('matches accounts running any of the technologies', () => {
    // Salesforce or Snowflake: 0 1 2 8.
    expect(coverage({ technologies: chips('salesforce', 'Snowflake') })).toMatchObject({
      bestMatched: 3,
      allMatched: 4,
    });
  });

  it('matches inclusive ranges, open where unset, failing unknown values', () => {
    // 200–1,000 employees: 0 1 2 3 (8 unknown).
    expect(coverage({ employees: { min: 200, max: 1000 } })).toMatchObject({
      bestMatched: 4,
      allMatched: 4,
      checked: 1,
      verdict: 'Focused: it covers 80% of your best customers and 40% of all accounts.',
    });
    // Revenue from 40M, currency ignored: 0 1 2 3 5.
    expect(coverage({ revenue: { min: 40_000_000, max: null, currency: 'EUR' } })).toMatchObject({
      allMatched: 5,
      checked: 1,
    });
  });

  it('requires every group with criteria', () => {
    expect(coverage({ industries: chips('Fintech'), geographies: chips('California') })).toMatchObject({
      allMatched: 1,
      bestMatched: 1,
      checked: 2,
    });
  });

  it('applies disqualifiers through their evidence, listing the others as unchecked', () => {
    const result = coverage({
      disqualifiers: [
        { text: 'Schools', evidence: testEvidence('industry', 'education') },
        {
          text: 'Enterprises',
          evidence: testEvidence('employees', '1,001+ employees', { min: 1001, max: null }),
        },
        { text: 'Shopify shops', evidence: testEvidence('technologies', 'Shopify') },
        { text: 'No sales team' },
        { text: 'Aerospace', evidence: testEvidence('industry', 'Aerospace') },
        { text: 'Some band', evidence: testEvidence('revenue', 'under $1M') },
      ],
    });
    // Out: 4 and 6 (Education), 5 and 9 (1,001+), 7 (Shopify). Left: 0 1 2 3 8.
    expect(result).toMatchObject({
      bestMatched: 4,
      allMatched: 5,
      checked: 3,
      unchecked: ['No sales team', 'Aerospace', 'Some band'],
    });
  });

  it('lets a revenue band disqualifier leave unknown revenue alone', () => {
    const result = coverage({
      disqualifiers: [
        { text: 'Small', evidence: testEvidence('revenue', 'under $10M', { min: null, max: 9_999_999 }) },
      ],
    });
    // Out: 4 (2M), 6 (3M). Accounts 8 and 9 have no revenue and stay in.
    expect(result).toMatchObject({ allMatched: 8, bestMatched: 4 });
  });

  it('calls a profile matching most accounts vague', () => {
    expect(coverage({ industries: chips('Fintech', 'B2B SaaS', 'Education') }).verdict).toBe(
      'Vague: the profile matches 80% of all accounts.',
    );
  });

  it('says so when there are no best customers', () => {
    expect(coverage({ industries: chips('Fintech') }, new Uint8Array(10))).toMatchObject({
      bestCount: 0,
      coverage: 0,
      verdict: 'No best customers to compare with: the profile matches 30% of all accounts.',
    });
  });
});

describe('geographyCountries', () => {
  it('expands groups and aliases, and keeps other text as it is', () => {
    expect(geographyCountries('DACH')).toEqual(
      expect.arrayContaining(['Germany', 'Deutschland', 'DE', 'Austria', 'Switzerland', 'CH']),
    );
    expect(geographyCountries('usa')).toEqual(expect.arrayContaining(['United States', 'US']));
    expect(geographyCountries('Ontario')).toEqual(['Ontario']);
    expect(geographyCountries('IN')).toEqual(['IN']);
  });
});
