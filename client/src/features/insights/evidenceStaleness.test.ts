import { describe, expect, it } from 'vitest';
import { testEvidence } from '@bullseye/shared/testing';
import { evidenceStaleness, type CurrentInsights } from './evidenceStaleness.js';

const DATASET = '8d7f1f7e-5a43-4c1e-9a55-1f3f8a0f2b11';

const evidence = testEvidence('industry', 'Fintech', null, {
  datasetId: DATASET,
  bestN: 214,
  computedAt: '2026-12-03T10:00:00.000Z',
});

const dataset = (revision: number) => [{ id: DATASET, name: 'HubSpot Q3', revision }];

function insights(
  revision: number,
  trait: { lift: number; shareBest: number } | null,
  over: Partial<CurrentInsights> = {},
) {
  return {
    datasetId: DATASET,
    revision,
    comparison: 'all',
    bestCustomers: evidence.bestCustomers,
    traits: trait ? [{ dimension: 'industry', value: 'Fintech', ...trait }] : [],
    ...over,
  } satisfies CurrentInsights;
}

describe('evidenceStaleness', () => {
  it('says nothing until the datasets are known', () => {
    expect(evidenceStaleness(evidence, null, null)).toEqual({ state: 'unknown' });
  });

  it('is current at the same revision, whatever the insights say', () => {
    expect(evidenceStaleness(evidence, dataset(2), null)).toEqual({ state: 'current' });
    expect(evidenceStaleness(evidence, dataset(2), insights(2, { lift: 0.5, shareBest: 0.1 }))).toEqual({
      state: 'current',
    });
  });

  it('is stale when the dataset no longer exists', () => {
    const result = evidenceStaleness(evidence, [], null);
    expect(result).toEqual({ state: 'stale', reason: 'dataset “HubSpot Q3” no longer exists' });
    expect(evidenceStaleness(evidence, [{ id: 'other', name: 'x', revision: 2 }], null).state).toBe('stale');
  });

  it('only says "re-imported" when the revision moved and no insights are loaded', () => {
    expect(evidenceStaleness(evidence, dataset(3), null)).toEqual({
      state: 'reimported',
      revision: 3,
      reason: 'dataset re-imported since (now revision 3)',
    });
  });

  it('ignores insights that do not compare: another dataset, comparison or definition', () => {
    const moved = { lift: 1.1, shareBest: 0.2 };
    for (const over of [
      { datasetId: 'another' },
      { comparison: 'wonLost' as const },
      { bestCustomers: 'status is customer' },
    ]) {
      expect(evidenceStaleness(evidence, dataset(3), insights(3, moved, over)).state).toBe('reimported');
    }
  });

  it('is stale when the lift left the old interval', () => {
    const below = evidenceStaleness(evidence, dataset(3), insights(3, { lift: 1.5, shareBest: 0.38 }));
    expect(below).toEqual({
      state: 'stale',
      reason: 'dataset re-imported (revision 3): lift is now 1.5×, outside the earlier 1.6–2.7',
    });
    expect(evidenceStaleness(evidence, dataset(3), insights(3, { lift: 2.8, shareBest: 0.38 })).state).toBe(
      'stale',
    );
  });

  it('keeps the interval bounds inside', () => {
    expect(evidenceStaleness(evidence, dataset(3), insights(3, { lift: 1.6, shareBest: 0.38 })).state).toBe(
      'confirmed',
    );
    expect(evidenceStaleness(evidence, dataset(3), insights(3, { lift: 2.7, shareBest: 0.38 })).state).toBe(
      'confirmed',
    );
  });

  it('never calls an unchanged lift stale, even one just outside its own interval', () => {
    const none = { ...evidence, lift: 0, low: 0.002, high: 0.51, shareBest: 0 };
    expect(evidenceStaleness(none, dataset(3), insights(3, { lift: 0, shareBest: 0 })).state).toBe(
      'confirmed',
    );
    expect(evidenceStaleness(none, dataset(3), insights(3, { lift: 0.6, shareBest: 0.02 })).state).toBe(
      'stale',
    );
  });

  it('is stale when the share among best customers moved by more than 5 points', () => {
    expect(evidenceStaleness(evidence, dataset(3), insights(3, { lift: 2.0, shareBest: 0.44 }))).toEqual({
      state: 'stale',
      reason: 'dataset re-imported (revision 3): now 44% of best customers, was 38%',
    });
    expect(evidenceStaleness(evidence, dataset(3), insights(3, { lift: 2.0, shareBest: 0.32 })).state).toBe(
      'stale',
    );
    // Exactly 5 points is not "more than 5".
    expect(evidenceStaleness(evidence, dataset(3), insights(3, { lift: 2.0, shareBest: 0.33 })).state).toBe(
      'confirmed',
    );
    expect(evidenceStaleness(evidence, dataset(3), insights(3, { lift: 2.0, shareBest: 0.43 })).state).toBe(
      'confirmed',
    );
  });

  it('confirms evidence the re-import did not change materially', () => {
    expect(evidenceStaleness(evidence, dataset(3), insights(3, { lift: 2.2, shareBest: 0.4 }))).toEqual({
      state: 'confirmed',
      revision: 3,
      note: 're-checked against revision 3: lift 2.2×, 40% of best customers',
    });
  });

  it('matches the value without case and falls back to "re-imported" when it is gone', () => {
    const lower = insights(3, null, {
      traits: [{ dimension: 'industry', value: 'fintech ', lift: 1.0, shareBest: 0.38 }],
    });
    expect(evidenceStaleness(evidence, dataset(3), lower).state).toBe('stale');
    const otherDimension = insights(3, null, {
      traits: [{ dimension: 'technologies', value: 'Fintech', lift: 1.0, shareBest: 0.38 }],
    });
    const result = evidenceStaleness(evidence, dataset(3), otherDimension);
    expect(result.state).toBe('reimported');
  });

  it('takes the newer revision of the list and the insights', () => {
    // The list is behind (still revision 2) but the insights already answer revision 3.
    expect(evidenceStaleness(evidence, dataset(2), insights(3, { lift: 1.0, shareBest: 0.38 })).state).toBe(
      'stale',
    );
    // Insights of the evidence's own revision cannot tell whether a later import changed anything.
    expect(evidenceStaleness(evidence, dataset(3), insights(2, { lift: 1.0, shareBest: 0.38 })).state).toBe(
      'reimported',
    );
  });
});
