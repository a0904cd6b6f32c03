import type { Evidence } from '../validation/datasets.js';

/**
 * The evidence of one criterion, as the insights page records it when a trait is added to the ICP,
 * for tests. The defaults describe one plausible, schema-valid trait (Fintech in dataset
 * "HubSpot Q3" at revision 2: 38% of 120 best customers vs 18% of all accounts, lift 2.1× with 95% CI
 * 1.6×–2.7×, win rate 41%), so a test names only the dimension, value and band it is about, and
 * overrides whatever else it asserts on or needs to differ (another dataset id, a re-import's
 * numbers, `winRate: null`...).
 *
 * Code that only reads `dimension`, `value` and `band` (scoring, profile coverage, the Y.Doc
 * accessors) does not care about the numbers; code that shows or compares them (the Markdown export,
 * staleness checks) does, so tests of it should keep to these defaults or override them explicitly.
 *
 * Test-only: exposed as `@bullseye/shared/testing` and never from the package's main entry, so it
 * stays out of the app bundle.
 */
export function testEvidence(
  dimension: Evidence['dimension'],
  value: string,
  band: Evidence['band'] = null,
  overrides: Partial<Evidence> = {},
): Evidence {
  return {
    datasetId: '8d7f1f7e-5a43-4c1e-9a55-1f3f8a0f2b11',
    datasetName: 'HubSpot Q3',
    revision: 2,
    dimension,
    value,
    band,
    bestCustomers: 'status is customer · LTV in the top 25%',
    comparison: 'all',
    bestN: 120,
    n: 412,
    shareBest: 0.38,
    shareComparison: 0.18,
    lift: 2.1,
    low: 1.6,
    high: 2.7,
    winRate: 0.41,
    computedAt: '2026-12-03T08:00:00.000Z',
    ...overrides,
  };
}
