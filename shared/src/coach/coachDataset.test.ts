import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UNKNOWN_ROW, accountColumnsOf } from '../accounts/accountColumns.js';
import { describeBestCustomers } from '../accounts/bestCustomerMask.js';
import { addListItem, writeRange } from '../icp/accessors.js';
import { writeBestCustomers } from '../icp/bestCustomers.js';
import { toCanonical, type CanonicalIcp } from '../icp/canonical.js';
import { testEvidence } from '../testing/evidence.js';
import type { BestCustomerDefinition, Evidence } from '../validation/datasets.js';
import {
  coachDatasetChoice,
  definitionOf,
  driftInsightsBody,
  driftOf,
  driftQueries,
  evidencedCriteria,
  matchShareOfAll,
  matchShareOfCoverage,
  profileCriteriaOf,
  type DriftTrait,
} from './coachDataset.js';
import { evaluateCoach } from './coachRules.js';

const DATASET = '8d7f1f7e-5a43-4c1e-9a55-1f3f8a0f2b11';
const OTHER = '0b6c1f0e-7f44-4d2a-8e0b-2a1f3c4d5e6f';

const DEFINITION: BestCustomerDefinition = {
  datasetId: DATASET,
  comparison: 'all',
  conditions: [
    { op: 'in', field: 'status', values: ['customer'] },
    { op: 'top', field: 'ltv', percent: 25 },
  ],
};
const WORDS = describeBestCustomers(DEFINITION.conditions, DEFINITION.comparison);

/** Evidence from DATASET at revision 2, with the definition above. */
const evidence = (dimension: Evidence['dimension'], value: string, overrides: Partial<Evidence> = {}) =>
  testEvidence(dimension, value, null, { bestCustomers: WORDS, ...overrides });

function icp(edit: (doc: Y.Doc) => void): CanonicalIcp {
  const doc = new Y.Doc();
  edit(doc);
  return toCanonical(doc);
}

const trait = (
  dimension: DriftTrait['dimension'],
  value: string,
  lift: number,
  shareBest: number,
): DriftTrait => ({
  dimension,
  value,
  band: null,
  lift,
  shareBest,
});

describe('coachDatasetChoice', () => {
  const ready = [
    { id: 'newest', revision: 1 },
    { id: DATASET, revision: 3 },
  ];
  it("reads the definition's dataset when it is ready, else the newest ready one", () => {
    expect(coachDatasetChoice(DATASET, ready)?.id).toBe(DATASET);
    expect(coachDatasetChoice(OTHER, ready)?.id).toBe('newest');
    expect(coachDatasetChoice(null, ready)?.id).toBe('newest');
    expect(coachDatasetChoice(DATASET, [])).toBeNull();
  });

  it('reads the definition of a canonical ICP only when it is valid', () => {
    expect(definitionOf(icp((doc) => writeBestCustomers(doc, DEFINITION)))).toEqual(DEFINITION);
    expect(definitionOf(icp(() => {}))).toBeNull();
    expect(definitionOf({ ...icp(() => {}), bestCustomers: { datasetId: 'nope' } as never })).toBeNull();
  });
});

describe('profileCriteriaOf', () => {
  it('reads chips (with their evidence), ranges and disqualifiers from canonical JSON', () => {
    const fintech = evidence('industry', 'Fintech');
    const canonical = icp((doc) => {
      addListItem(doc, 'industries', 'Fintech', fintech);
      addListItem(doc, 'geographies', 'DACH');
      addListItem(doc, 'technologies', 'Salesforce');
      addListItem(doc, 'disqualifiers', 'Public sector');
      addListItem(doc, 'buyingTriggers', 'New VP of Sales');
      writeRange(doc, 'employees', { min: 200, max: 1000 });
      writeRange(doc, 'revenue', { min: 10_000_000, max: null, currency: 'EUR' });
    });
    expect(profileCriteriaOf(canonical)).toEqual({
      industries: [{ text: 'Fintech', evidence: fintech }],
      geographies: [{ text: 'DACH' }],
      technologies: [{ text: 'Salesforce' }],
      employees: { min: 200, max: 1000 },
      revenue: { min: 10_000_000, max: null, currency: 'EUR' },
      disqualifiers: [{ text: 'Public sector' }],
    });
  });

  it('reads junk as no criteria', () => {
    const junk = {
      schemaVersion: 1,
      sections: { industries: 'Fintech', geographies: [{ nope: 1 }, null], employees: [1, 2] },
    } as unknown as CanonicalIcp;
    expect(profileCriteriaOf(junk)).toEqual({
      industries: [],
      geographies: [],
      technologies: [],
      employees: { min: null, max: null },
      revenue: { min: null, max: null },
      disqualifiers: [],
    });
  });
});

describe('matchShareOfAll', () => {
  // Ten accounts: nine with a known head count from 10 to 90, one unknown.
  const columns = accountColumnsOf(
    Array.from({ length: 10 }, (_, i) => ({
      ...UNKNOWN_ROW,
      industry: i < 3 ? 'Fintech' : 'Retail',
      employees: i === 9 ? null : (i + 1) * 10,
    })),
  );

  it('is the share of all accounts the criteria match', () => {
    const wide = icp((doc) => writeRange(doc, 'employees', { min: 1, max: 1_000_000 }));
    expect(matchShareOfAll(columns, profileCriteriaOf(wide))).toBeCloseTo(0.9);
    const narrow = icp((doc) => {
      addListItem(doc, 'industries', 'Fintech');
      writeRange(doc, 'employees', { min: 20, max: 1000 });
    });
    expect(matchShareOfAll(columns, profileCriteriaOf(narrow))).toBeCloseTo(0.2);
  });

  it('is null when no criterion can be checked against the data', () => {
    expect(matchShareOfAll(columns, profileCriteriaOf(icp(() => {})))).toBeNull();
    const unknownOnly = icp((doc) => addListItem(doc, 'industries', 'Space mining'));
    expect(matchShareOfAll(columns, profileCriteriaOf(unknownOnly))).toBeNull();
    expect(matchShareOfCoverage({ checked: 0, breadth: 1 })).toBeNull();
    expect(matchShareOfCoverage({ checked: 2, breadth: 0.45 })).toBe(0.45);
  });

  it('makes vague-matches-most-accounts speak above 40%', () => {
    const wide = icp((doc) => writeRange(doc, 'employees', { min: 1, max: 1_000_000 }));
    const findings = evaluateCoach({
      canonical: wide,
      now: 0,
      review: { intervalDays: null, dueAt: null, approvedAt: null },
      contributions: null,
      dataset: { matchShareOfAll: matchShareOfAll(columns, profileCriteriaOf(wide)), driftSinceApproval: [] },
    });
    expect(findings.map((f) => f.ruleId)).toContain('vague-matches-most-accounts');
  });
});

describe('evidencedCriteria', () => {
  it('lists the criteria with evidence in page order, bands by their label, not disqualifiers', () => {
    const band = testEvidence(
      'employees',
      '201–500 employees',
      { min: 201, max: 500 },
      { bestCustomers: WORDS },
    );
    const revenue = testEvidence('revenue', '$10M–$50M', { min: 10_000_000, max: 49_999_999 });
    const canonical = icp((doc) => {
      addListItem(doc, 'industries', 'Fintech', evidence('industry', 'Fintech'));
      addListItem(doc, 'industries', 'Retail');
      addListItem(doc, 'technologies', 'Uses Snowflake', evidence('technologies', 'Snowflake'));
      addListItem(
        doc,
        'disqualifiers',
        'Public sector',
        evidence('industry', 'Public sector', { lift: 0.3 }),
      );
      writeRange(doc, 'employees', { min: 201, max: 500, evidence: band });
      writeRange(doc, 'revenue', { min: 10_000_000, max: 50_000_000, evidence: revenue });
    });
    expect(evidencedCriteria(canonical).map((c) => c.criterion)).toEqual([
      'Fintech',
      'Uses Snowflake',
      '201–500 employees',
      'revenue $10M–$50M',
    ]);
  });
});

describe('driftQueries', () => {
  const approved = (definition: BestCustomerDefinition | null, ...items: [string, Evidence][]) =>
    icp((doc) => {
      if (definition) writeBestCustomers(doc, definition);
      for (const [text, e] of items) addListItem(doc, 'industries', text, e);
    });

  it('asks the definition the evidence was computed with, of datasets re-imported since', () => {
    const version = approved(
      DEFINITION,
      ['Fintech', evidence('industry', 'Fintech')],
      ['Logistics', evidence('industry', 'Logistics')],
    );
    const queries = driftQueries(version, [definitionOf(version)], [{ id: DATASET, revision: 3 }]);
    expect(queries).toEqual([
      {
        datasetId: DATASET,
        revision: 3,
        comparison: 'all',
        conditions: DEFINITION.conditions,
        criteria: [
          { criterion: 'Fintech', evidence: evidence('industry', 'Fintech') },
          { criterion: 'Logistics', evidence: evidence('industry', 'Logistics') },
        ],
      },
    ]);
    expect(driftInsightsBody(queries[0]!)).toEqual({
      comparison: 'all',
      conditions: DEFINITION.conditions,
      bands: 'standard',
      minSample: 30,
    });
  });

  it('asks nothing without a new import, a ready dataset, or the definition the evidence names', () => {
    const version = approved(DEFINITION, ['Fintech', evidence('industry', 'Fintech')]);
    // Still revision 2: nothing moved.
    expect(driftQueries(version, [DEFINITION], [{ id: DATASET, revision: 2 }])).toEqual([]);
    // The dataset is gone (or not ready).
    expect(driftQueries(version, [DEFINITION], [{ id: OTHER, revision: 9 }])).toEqual([]);
    // Another definition: other best customers, other numbers.
    const other = { ...DEFINITION, conditions: [DEFINITION.conditions[0]!] };
    expect(driftQueries(version, [other, null], [{ id: DATASET, revision: 3 }])).toEqual([]);
  });

  it("falls back on the draft's definition when the approved version has none", () => {
    const version = approved(null, ['Fintech', evidence('industry', 'Fintech')]);
    const queries = driftQueries(
      version,
      [definitionOf(version), DEFINITION],
      [{ id: DATASET, revision: 3 }],
    );
    expect(queries.map((q) => q.criteria.map((c) => c.criterion))).toEqual([['Fintech']]);
  });
});

describe('driftOf', () => {
  // The evidence: lift 2.0, 40% of best customers.
  const fintech = [
    { criterion: 'Fintech', evidence: evidence('industry', 'Fintech', { lift: 2, shareBest: 0.4 }) },
  ];

  it('reports a lift that moved by more than 25% of its value, either way', () => {
    expect(driftOf(fintech, [trait('industry', 'Fintech', 1.49, 0.4)])).toEqual([
      { criterion: 'Fintech', measure: 'lift', before: 2, after: 1.49 },
    ]);
    expect(driftOf(fintech, [trait('industry', 'fintech ', 2.51, 0.4)])).toEqual([
      { criterion: 'Fintech', measure: 'lift', before: 2, after: 2.51 },
    ]);
  });

  it('does not report a lift just under 25%, or exactly 25%', () => {
    expect(driftOf(fintech, [trait('industry', 'Fintech', 1.51, 0.4)])).toEqual([]);
    expect(driftOf(fintech, [trait('industry', 'Fintech', 2.49, 0.4)])).toEqual([]);
    expect(driftOf(fintech, [trait('industry', 'Fintech', 2.5, 0.4)])).toEqual([]);
  });

  it('reports coverage that moved by more than 10 points, not just under', () => {
    expect(driftOf(fintech, [trait('industry', 'Fintech', 2, 0.51)])).toEqual([
      { criterion: 'Fintech', measure: 'coverage', before: 0.4, after: 0.51 },
    ]);
    expect(driftOf(fintech, [trait('industry', 'Fintech', 2, 0.29)])).toEqual([
      { criterion: 'Fintech', measure: 'coverage', before: 0.4, after: 0.29 },
    ]);
    expect(driftOf(fintech, [trait('industry', 'Fintech', 2, 0.49)])).toEqual([]);
    expect(driftOf(fintech, [trait('industry', 'Fintech', 2, 0.5)])).toEqual([]);
  });

  it('reports both measures, and skips criteria whose value is no longer in the insights', () => {
    expect(
      driftOf(fintech, [trait('industry', 'Fintech', 1, 0.2)]).map((d) => `${d.measure} ${d.after}`),
    ).toEqual(['lift 1', 'coverage 0.2']);
    expect(
      driftOf(fintech, [trait('industry', 'Retail', 0.5, 0.1), trait('country', 'Fintech', 1, 0.1)]),
    ).toEqual([]);
  });

  it('finds a band by its bounds when its label changed', () => {
    const band = {
      criterion: '201–500 employees',
      evidence: testEvidence(
        'employees',
        '201–500 employees',
        { min: 201, max: 500 },
        { lift: 2, shareBest: 0.4 },
      ),
    };
    const now: DriftTrait = { ...trait('employees', '201 to 500', 1, 0.4), band: { min: 201, max: 500 } };
    expect(driftOf([band], [now])).toEqual([
      { criterion: '201–500 employees', measure: 'lift', before: 2, after: 1 },
    ]);
  });

  it('makes static-drift-since-approval name the criterion', () => {
    const findings = evaluateCoach({
      canonical: icp(() => {}),
      now: 0,
      review: { intervalDays: null, dueAt: null, approvedAt: null },
      contributions: null,
      dataset: {
        matchShareOfAll: null,
        driftSinceApproval: driftOf(fintech, [trait('industry', 'Fintech', 1, 0.4)]),
      },
    });
    expect(findings.filter((f) => f.ruleId === 'static-drift-since-approval').map((f) => f.message)).toEqual([
      'The lift of "Fintech" fell from 2 to 1 since the approved version.',
    ]);
  });
});
