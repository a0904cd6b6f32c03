import { describe, expect, it } from 'vitest';
import type { CanonicalIcp } from '../icp/canonical.js';
import { compileScoringModel } from './compileScoringModel.js';
import { negativeDisqualifiers } from './negativeDisqualifiers.js';
import { createScorer } from './scoreAccount.js';

const SOURCE = { icpId: 'n1', title: 'Never', versionId: 'v1', versionNumber: 3 };

const negative = {
  schemaVersion: 1,
  sections: {
    industries: [
      { id: 'a', text: 'Gambling' },
      { id: 'b', text: '  ' },
    ],
    geographies: [{ id: 'c', text: 'Nordics' }],
    technologies: [{ id: 'd', text: 'Oracle' }],
    employees: { min: null, max: 10 },
    revenue: { min: 100_000_000, max: null, currency: 'EUR' },
    disqualifiers: [
      { id: 'e', text: 'Public sector', rule: { field: 'industry', op: 'is', values: ['Government'] } },
      { id: 'f', text: 'Anyone who wants on-premise' },
    ],
    buyingTriggers: [{ id: 'g', text: 'New CFO' }],
  },
} as unknown as CanonicalIcp;

const target = {
  schemaVersion: 1,
  sections: {
    industries: [
      { id: 'x', text: 'Gambling' },
      { id: 'y', text: 'Fintech' },
    ],
    employees: { min: 5, max: 500 },
    revenue: { min: null, max: null },
    disqualifiers: [],
  },
} as unknown as CanonicalIcp;

describe('negativeDisqualifiers', () => {
  it('turns every company trait of a negative ICP into a disqualifier, skipping empty chips and triggers', () => {
    const out = negativeDisqualifiers(negative, SOURCE);
    expect(out.map((d) => [d.id, d.text, d.rule, d.currency])).toEqual([
      ['n1:a', 'Gambling', { field: 'industry', op: 'is', values: ['Gambling'] }, null],
      [
        'n1:employees',
        'Employees at most 10',
        { field: 'employees', op: 'between', min: null, max: 10 },
        null,
      ],
      [
        'n1:revenue',
        'Annual revenue at least 100,000,000 EUR',
        { field: 'revenue', op: 'between', min: 100_000_000, max: null },
        'EUR',
      ],
      ['n1:c', 'Nordics', { field: 'country', op: 'is', values: ['Nordics'] }, null],
      ['n1:d', 'Oracle', { field: 'technologies', op: 'uses', values: ['Oracle'] }, null],
      ['n1:e', 'Public sector', { field: 'industry', op: 'is', values: ['Government'] }, null],
      ['n1:f', 'Anyone who wants on-premise', null, null],
    ]);
    expect(out.every((d) => d.source === SOURCE)).toBe(true);
  });

  it('disqualifies in the scores of another ICP, naming the negative ICP; free text and other currencies are checked by a person', () => {
    const model = compileScoringModel(target, negativeDisqualifiers(negative, SOURCE));
    const scorer = createScorer(model);
    const casino = scorer.score({ industry: 'Gambling', employees: 300 });
    expect(casino).toMatchObject({ score: 0, grade: 'D' });
    expect(casino.disqualifiedBy!.text).toBe('Never sell to (Never): Gambling');
    expect(scorer.score({ industry: 'Fintech', employees: 8 }).disqualifiedBy!.text).toBe(
      'Never sell to (Never): Employees at most 10',
    );
    expect(scorer.score({ industry: 'Fintech', employees: 300, country: 'Sweden' }).grade).toBe('D');
    expect(scorer.score({ industry: 'Fintech', employees: 300, country: 'USA' }).disqualifiedBy).toBeNull();
    expect(model.manualChecks.map((m) => m.text)).toEqual([
      'Never sell to (Never): Annual revenue at least 100,000,000 EUR',
      'Never sell to (Never): Anyone who wants on-premise',
    ]);
  });

  it('changes the model hash, so a score says which negative content it used', () => {
    const without = compileScoringModel(target);
    const withNegative = compileScoringModel(target, negativeDisqualifiers(negative, SOURCE));
    expect(withNegative.hash).not.toBe(without.hash);
    expect(compileScoringModel(target, []).hash).toBe(without.hash);
  });
});
