import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testEvidence } from '../testing/evidence.js';
import type { Evidence } from '../validation/datasets.js';
import {
  addListItem,
  listOf,
  moveListItem,
  writeRange,
  type ListItem,
  type RangeValue,
} from '../icp/accessors.js';
import { canonicalJson, canonicalStringify, toCanonical, type CanonicalIcp } from '../icp/canonical.js';
import { canonicalHash } from '../icp/canonicalHash.js';
import type { ListSectionKey } from '../icp/layout.js';
import {
  writeAcceptableBand,
  writeDisqualifierRule,
  writeImportance,
  writeThresholds,
} from '../icp/scoringFields.js';
import { SCHEMA_VERSION } from '../schema/version.js';
import {
  SCORING_MODEL_FORMAT,
  bandText,
  compileScoringModel,
  ruleText,
  type ScoringModel,
} from './compileScoringModel.js';
import { createScorer } from './scoreAccount.js';
import type { DisqualifierRule, ScoringSettings } from './scoringSettings.js';

/** A plain canonical object, as a version's stored canonical text parses to. */
function canonicalOf(
  sections: Record<string, ListItem[] | RangeValue>,
  scoring?: ScoringSettings,
): CanonicalIcp {
  return scoring
    ? { schemaVersion: SCHEMA_VERSION, sections, scoring }
    : { schemaVersion: SCHEMA_VERSION, sections };
}
const item = (text: string, extra: Partial<ListItem> = {}): ListItem => ({
  id: `id-${text}`,
  text,
  ...extra,
});
const model = (doc: Y.Doc): ScoringModel => compileScoringModel(toCanonical(doc));

/** Fixed ids for disqualifiers, so two documents built apart can hold the very same items. */
const ID = {
  publicSector: '11111111-1111-4111-8111-111111111111',
  education: '22222222-2222-4222-8222-222222222222',
  tiny: '33333333-3333-4333-8333-333333333333',
  manual: '44444444-4444-4444-8444-444444444444',
};

/** The evidence of the disqualifiers added from the insights, the same in both documents built. */
const EVIDENCE = {
  education: testEvidence('industry', 'Education'),
  tiny: testEvidence('employees', '1–10 employees', { min: 1, max: 10 }),
};

/** addListItem with a chosen id (addListItem draws a random one). */
function addItemWithId(doc: Y.Doc, key: ListSectionKey, id: string, text: string, ev?: Evidence): void {
  const map = new Y.Map<string>();
  doc.transact(() => {
    map.set('id', id);
    map.set('text', text);
    if (ev) map.set('evidence', JSON.stringify(ev));
    listOf(doc, key).push([map]);
  });
}

const PUBLIC_SECTOR_RULE: DisqualifierRule = {
  field: 'industry',
  op: 'is',
  values: ['Government', 'Public sector'],
};

/** The full example ICP, edited in one order. */
function buildForward(doc: Y.Doc): void {
  addListItem(doc, 'industries', 'Fintech', testEvidence('industry', 'Fintech'));
  addListItem(doc, 'industries', 'B2B SaaS');
  writeRange(doc, 'employees', { min: 200, max: 1000 });
  writeAcceptableBand(doc, 'employees', { min: 50, max: 5000 });
  writeRange(doc, 'revenue', { min: 10_000_000, max: 100_000_000, currency: 'EUR' });
  addListItem(doc, 'geographies', 'North America');
  addListItem(doc, 'geographies', 'DACH');
  addListItem(doc, 'technologies', 'Salesforce');
  addListItem(doc, 'technologies', 'Snowflake');
  addItemWithId(doc, 'disqualifiers', ID.publicSector, 'Public sector');
  writeDisqualifierRule(doc, ID.publicSector, PUBLIC_SECTOR_RULE);
  addItemWithId(doc, 'disqualifiers', ID.education, 'Industry: Education', EVIDENCE.education);
  addItemWithId(doc, 'disqualifiers', ID.tiny, 'Company size: 1–10 employees', EVIDENCE.tiny);
  addItemWithId(doc, 'disqualifiers', ID.manual, 'No dedicated sales team');
  writeImportance(doc, 'employees', 'must');
  writeImportance(doc, 'revenue', 'nice');
  writeImportance(doc, 'geographies', 1.5);
  writeImportance(doc, 'technologies', 0);
  writeThresholds(doc, { a: 85, b: 65, c: 45 });
}

/** The same content, reached by another path: other order, detours, moves. */
function buildBackward(doc: Y.Doc): void {
  writeThresholds(doc, { a: 90, b: 70, c: 50 });
  writeImportance(doc, 'technologies', 0);
  writeImportance(doc, 'geographies', 'must');
  writeImportance(doc, 'geographies', 1.5);
  writeImportance(doc, 'revenue', 'nice');
  writeImportance(doc, 'employees', 'must');
  addItemWithId(doc, 'disqualifiers', ID.manual, 'No dedicated sales team');
  addItemWithId(doc, 'disqualifiers', ID.tiny, 'Company size: 1–10 employees', EVIDENCE.tiny);
  addItemWithId(doc, 'disqualifiers', ID.education, 'Industry: Education', EVIDENCE.education);
  addItemWithId(doc, 'disqualifiers', ID.publicSector, 'Public sector');
  writeDisqualifierRule(doc, ID.publicSector, { field: 'employees', op: 'below', value: 3 });
  writeDisqualifierRule(doc, ID.publicSector, PUBLIC_SECTOR_RULE);
  moveListItem(doc, 'disqualifiers', ID.publicSector, 0);
  moveListItem(doc, 'disqualifiers', ID.manual, 3);
  moveListItem(doc, 'disqualifiers', ID.education, 1);
  const snowflake = addListItem(doc, 'technologies', 'Snowflake');
  addListItem(doc, 'technologies', 'Salesforce');
  moveListItem(doc, 'technologies', snowflake.id, 1);
  addListItem(doc, 'geographies', 'DACH');
  const na = addListItem(doc, 'geographies', 'North America');
  moveListItem(doc, 'geographies', na.id, 0);
  writeRange(doc, 'revenue', { currency: 'EUR' });
  writeRange(doc, 'revenue', { max: 100_000_000 });
  writeRange(doc, 'revenue', { min: 10_000_000 });
  writeRange(doc, 'employees', { min: 100, max: 1000 });
  writeRange(doc, 'employees', { min: 200 });
  writeAcceptableBand(doc, 'employees', { min: 60, max: 5000 });
  writeAcceptableBand(doc, 'employees', { min: 50, max: 5000 });
  addListItem(doc, 'industries', 'B2B SaaS');
  const fintech = addListItem(doc, 'industries', 'Fintech', testEvidence('industry', 'Fintech'));
  moveListItem(doc, 'industries', fintech.id, 0);
  writeThresholds(doc, { a: 85, b: 65, c: 45 });
}

/** What buildForward compiles to, by hand (without the hash). */
const FULL_MODEL: Omit<ScoringModel, 'hash'> = {
  format: 1,
  thresholds: { a: 85, b: 65, c: 45 },
  revenueCurrency: 'EUR',
  criteria: [
    {
      key: 'industries',
      kind: 'list',
      label: 'Industries',
      importance: 'strong',
      weight: 2,
      rule: 'Industry is Fintech or B2B SaaS',
      values: [{ text: 'Fintech', evidence: testEvidence('industry', 'Fintech') }, { text: 'B2B SaaS' }],
    },
    {
      key: 'employees',
      kind: 'range',
      label: 'Company size (employees)',
      importance: 'must',
      weight: 3,
      rule: 'Employees 200–1,000 (acceptable 50–5,000)',
      ideal: { min: 200, max: 1000 },
      acceptable: { min: 50, max: 5000 },
      currency: null,
    },
    {
      key: 'revenue',
      kind: 'range',
      label: 'Annual revenue',
      importance: 'nice',
      weight: 1,
      rule: 'Annual revenue 10,000,000–100,000,000 EUR',
      ideal: { min: 10_000_000, max: 100_000_000 },
      acceptable: null,
      currency: 'EUR',
    },
    {
      key: 'geographies',
      kind: 'list',
      label: 'Geographies',
      importance: 1.5,
      weight: 1.5,
      rule: 'Geography is North America or DACH',
      values: [{ text: 'North America' }, { text: 'DACH' }],
    },
    {
      key: 'technologies',
      kind: 'list',
      label: 'Technologies in use',
      importance: 0,
      weight: 0,
      rule: 'Uses Salesforce or Snowflake',
      values: [{ text: 'Salesforce' }, { text: 'Snowflake' }],
    },
  ],
  disqualifiers: [
    {
      id: ID.publicSector,
      text: 'Public sector',
      rule: { field: 'industry', op: 'is', values: ['Government', 'Public sector'] },
      ruleText: 'Industry is Government or Public sector',
    },
    {
      id: ID.education,
      text: 'Industry: Education',
      rule: { field: 'industry', op: 'is', values: ['Education'] },
      ruleText: 'Industry is Education',
      evidence: testEvidence('industry', 'Education'),
    },
    {
      id: ID.tiny,
      text: 'Company size: 1–10 employees',
      rule: { field: 'employees', op: 'between', min: 1, max: 10 },
      ruleText: 'Employees 1–10',
      evidence: testEvidence('employees', '1–10 employees', { min: 1, max: 10 }),
    },
  ],
  manualChecks: [{ id: ID.manual, text: 'No dedicated sales team' }],
};

describe('compileScoringModel from a Y.Doc', () => {
  it('compiles every criterion, disqualifier and setting, in page order', () => {
    const doc = new Y.Doc();
    buildForward(doc);
    const compiled = model(doc);
    expect(compiled).toEqual({ ...FULL_MODEL, hash: compiled.hash });
    expect(compiled.format).toBe(SCORING_MODEL_FORMAT);
    expect(compiled.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compiles the same from the stored canonical JSON text as from the live document', () => {
    const doc = new Y.Doc();
    buildForward(doc);
    const fromText = compileScoringModel(JSON.parse(canonicalJson(doc)) as CanonicalIcp);
    expect(canonicalStringify(fromText)).toBe(canonicalStringify(model(doc)));
  });

  it('gives an empty document no criteria, no disqualifiers, and the default thresholds', () => {
    const compiled = model(new Y.Doc());
    expect(compiled).toEqual({
      format: 1,
      hash: compiled.hash,
      thresholds: { a: 80, b: 60, c: 40 },
      revenueCurrency: 'USD',
      criteria: [],
      disqualifiers: [],
      manualChecks: [],
    });
  });

  it('makes no criterion of an empty section, and weighs an unweighed one as strong', () => {
    const doc = new Y.Doc();
    addListItem(doc, 'technologies', 'Okta');
    writeRange(doc, 'revenue', { currency: 'GBP' });
    writeImportance(doc, 'industries', 'must');
    // Importance and thresholds alone make no criterion either.
    const compiled = model(doc);
    expect(compiled.criteria).toEqual([
      {
        key: 'technologies',
        kind: 'list',
        label: 'Technologies in use',
        importance: 'strong',
        weight: 2,
        rule: 'Uses Okta',
        values: [{ text: 'Okta' }],
      },
    ]);
  });
});

describe('compileScoringModel from a plain canonical object', () => {
  it('compiles a version stored before scoring existed, with the defaults', () => {
    // Canonical text as versions stored it before the feature: no scoring, acceptable or rule.
    const stored =
      '{"schemaVersion":1,"sections":{"disqualifiers":[{"id":"d1","text":"No budget"}],' +
      '"employees":{"max":1000,"min":200},"goals":{"content":[],"type":"doc"},' +
      '"industries":[{"id":"i1","text":"Fintech"}],"revenue":{"currency":"USD","max":null,"min":null}}}';
    const compiled = compileScoringModel(JSON.parse(stored) as CanonicalIcp);
    expect(compiled).toEqual({
      format: 1,
      hash: compiled.hash,
      thresholds: { a: 80, b: 60, c: 40 },
      revenueCurrency: 'USD',
      criteria: [
        {
          key: 'industries',
          kind: 'list',
          label: 'Industries',
          importance: 'strong',
          weight: 2,
          rule: 'Industry is Fintech',
          values: [{ text: 'Fintech' }],
        },
        {
          key: 'employees',
          kind: 'range',
          label: 'Company size (employees)',
          importance: 'strong',
          weight: 2,
          rule: 'Employees 200–1,000',
          ideal: { min: 200, max: 1000 },
          acceptable: null,
          currency: null,
        },
      ],
      disqualifiers: [],
      manualChecks: [{ id: 'd1', text: 'No budget' }],
    });
  });

  it('skips blank chips and sections of the wrong shape; revenue without currency is USD', () => {
    const compiled = compileScoringModel(
      canonicalOf({
        industries: [item('  '), item('Fintech'), item('Insurance'), item('Healthcare')],
        geographies: [item(' ')],
        technologies: { min: 1, max: 2 } as unknown as ListItem[],
        employees: [item('200')] as unknown as RangeValue,
        revenue: { min: 1_000_000, max: null },
      }),
    );
    expect(compiled.criteria.map((c) => [c.key, c.rule])).toEqual([
      ['industries', 'Industry is Fintech, Insurance or Healthcare'],
      ['revenue', 'Annual revenue at least 1,000,000 USD'],
    ]);
    expect(compiled.criteria[0]).toMatchObject({
      values: [{ text: 'Fintech' }, { text: 'Insurance' }, { text: 'Healthcare' }],
    });
    expect(compiled.criteria[1]).toMatchObject({ currency: 'USD', ideal: { min: 1_000_000, max: null } });
  });

  it('widens an acceptable band to hold the ideal band, keeping open ends open', () => {
    const compile = (employees: RangeValue) => {
      const criterion = compileScoringModel(canonicalOf({ employees })).criteria[0]!;
      return criterion.kind === 'range' ? { acceptable: criterion.acceptable, rule: criterion.rule } : null;
    };
    // Inside the ideal band (a foreign client wrote it): widened to the ideal band itself.
    expect(compile({ min: 200, max: 1000, acceptable: { min: 300, max: 800 } })).toEqual({
      acceptable: { min: 200, max: 1000 },
      rule: 'Employees 200–1,000 (acceptable 200–1,000)',
    });
    // An ideal open above keeps the acceptable band open above.
    expect(compile({ min: 200, max: null, acceptable: { min: 100, max: 5000 } })).toEqual({
      acceptable: { min: 100, max: null },
      rule: 'Employees at least 200 (acceptable at least 100)',
    });
    // An ideal open below likewise.
    expect(compile({ min: null, max: 1000, acceptable: { min: 50, max: 2000 } })).toEqual({
      acceptable: { min: null, max: 2000 },
      rule: 'Employees at most 1,000 (acceptable at most 2,000)',
    });
    // An acceptable band open on one side stays open there.
    expect(compile({ min: 200, max: 1000, acceptable: { min: 100, max: null } })).toEqual({
      acceptable: { min: 100, max: null },
      rule: 'Employees 200–1,000 (acceptable at least 100)',
    });
    expect(compile({ min: 200, max: 1000 })).toEqual({ acceptable: null, rule: 'Employees 200–1,000' });
  });

  it('applies the importances and thresholds of `scoring`', () => {
    const compiled = compileScoringModel(
      canonicalOf(
        { industries: [item('Fintech')], technologies: [item('SAP')], employees: { min: 10, max: null } },
        { importance: { industries: 'nice', technologies: 9.5 }, thresholds: { a: 70, b: 50, c: 30 } },
      ),
    );
    expect(compiled.thresholds).toEqual({ a: 70, b: 50, c: 30 });
    expect(compiled.criteria.map((c) => [c.key, c.importance, c.weight])).toEqual([
      ['industries', 'nice', 1],
      ['employees', 'strong', 2],
      ['technologies', 9.5, 9.5],
    ]);
  });

  it('reads a disqualifier rule from its evidence when nobody wrote one; an explicit rule wins', () => {
    const long = 'x'.repeat(100);
    const compiled = compileScoringModel(
      canonicalOf({
        disqualifiers: [
          item('Written', {
            rule: { field: 'employees', op: 'below', value: 10 },
            evidence: testEvidence('industry', 'Retail'),
          }),
          item('Country', { evidence: testEvidence('country', 'Russia') }),
          item('Region', { evidence: testEvidence('region', 'Quebec') }),
          item('Tech', { evidence: testEvidence('technologies', 'Oracle') }),
          item('Revenue band', {
            evidence: testEvidence('revenue', 'under $1M', { min: null, max: 999_999 }),
          }),
          item('Big', { evidence: testEvidence('employees', '5,001+', { min: 5001, max: null }) }),
          item('Long', { evidence: testEvidence('industry', long) }),
          item('No band', { evidence: testEvidence('employees', '?', null) }),
          item('Open band', { evidence: testEvidence('revenue', '?', { min: null, max: null }) }),
          item('Free text'),
          item('   '),
        ],
      }),
    );
    expect(compiled.disqualifiers.map((d) => [d.text, d.rule, d.ruleText])).toEqual([
      ['Written', { field: 'employees', op: 'below', value: 10 }, 'Employees below 10'],
      ['Country', { field: 'country', op: 'is', values: ['Russia'] }, 'Country is Russia'],
      ['Region', { field: 'region', op: 'is', values: ['Quebec'] }, 'Region is Quebec'],
      ['Tech', { field: 'technologies', op: 'uses', values: ['Oracle'] }, 'Uses Oracle'],
      [
        'Revenue band',
        { field: 'revenue', op: 'between', min: null, max: 999_999 },
        'Annual revenue at most 999,999 USD',
      ],
      ['Big', { field: 'employees', op: 'between', min: 5001, max: null }, 'Employees at least 5,001'],
      ['Long', { field: 'industry', op: 'is', values: ['x'.repeat(80)] }, `Industry is ${'x'.repeat(80)}`],
    ]);
    // Evidence without a usable value and free text: a person checks them; blank text is dropped.
    expect(compiled.manualChecks).toEqual([
      { id: 'id-No band', text: 'No band' },
      { id: 'id-Open band', text: 'Open band' },
      { id: 'id-Free text', text: 'Free text' },
    ]);
  });
});

describe('ruleText and bandText', () => {
  it('word each operator', () => {
    expect(ruleText({ field: 'industry', op: 'is', values: ['Government'] })).toBe('Industry is Government');
    expect(ruleText({ field: 'country', op: 'is', values: ['Russia', 'Belarus', 'Iran'] })).toBe(
      'Country is Russia, Belarus or Iran',
    );
    expect(ruleText({ field: 'region', op: 'is', values: ['Quebec'] })).toBe('Region is Quebec');
    expect(ruleText({ field: 'technologies', op: 'uses', values: ['Oracle', 'SAP'] })).toBe(
      'Uses Oracle or SAP',
    );
    expect(ruleText({ field: 'employees', op: 'below', value: 10 })).toBe('Employees below 10');
    expect(ruleText({ field: 'revenue', op: 'above', value: 1_000_000_000 })).toBe(
      'Annual revenue above 1,000,000,000',
    );
    expect(ruleText({ field: 'employees', op: 'between', min: 11, max: 50 })).toBe('Employees 11–50');
    expect(ruleText({ field: 'revenue', op: 'between', min: null, max: 1_000_000 })).toBe(
      'Annual revenue at most 1,000,000',
    );
    expect(ruleText({ field: 'revenue', op: 'between', min: 5_000, max: null })).toBe(
      'Annual revenue at least 5,000',
    );
  });

  it('word bands, with money after the upper bound', () => {
    expect(bandText({ min: 200, max: 1000 }, null)).toBe('200–1,000');
    expect(bandText({ min: 1_000_000, max: 5_000_000 }, 'EUR')).toBe('1,000,000–5,000,000 EUR');
    expect(bandText({ min: 1_000_000, max: null }, 'USD')).toBe('at least 1,000,000 USD');
    expect(bandText({ min: null, max: 1.5 }, null)).toBe('at most 1.5');
    expect(bandText({ min: null, max: null }, null)).toBe('any');
  });
});

describe('the model hash', () => {
  it('is equal for the same content built in two documents by different clients in another order', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    buildForward(a);
    const b = new Y.Doc();
    b.clientID = 987_654;
    buildBackward(b);
    // The canonical JSON differs (chips have their own random ids), the model does not.
    expect(canonicalJson(a)).not.toBe(canonicalJson(b));
    expect(JSON.stringify(model(b))).toBe(JSON.stringify(model(a)));
    expect(model(b).hash).toBe(model(a).hash);
  });

  it('is equal on replicas that merged concurrent edits, whatever order updates arrived in', () => {
    const a = new Y.Doc();
    buildForward(a);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(model(b).hash).toBe(model(a).hash);
    const before = model(a).hash;
    // Concurrent edits on both replicas.
    writeImportance(a, 'industries', 'must');
    addListItem(a, 'technologies', 'HubSpot');
    writeAcceptableBand(a, 'employees', { min: 100, max: 2000 });
    writeThresholds(b, { a: 90, b: 70, c: 50 });
    writeDisqualifierRule(b, ID.manual, { field: 'technologies', op: 'uses', values: ['Pipedrive'] });
    writeRange(b, 'revenue', { currency: 'GBP' });
    const fromA = Y.encodeStateAsUpdate(a);
    const fromB = Y.encodeStateAsUpdate(b);
    const c = new Y.Doc();
    Y.applyUpdate(c, fromB);
    Y.applyUpdate(c, fromA);
    Y.applyUpdate(a, fromB);
    Y.applyUpdate(b, fromA);
    const merged = model(a);
    expect(JSON.stringify(model(b))).toBe(JSON.stringify(merged));
    expect(JSON.stringify(model(c))).toBe(JSON.stringify(merged));
    expect(merged.hash).not.toBe(before);
    // Both sides' edits are in.
    expect(merged.thresholds).toEqual({ a: 90, b: 70, c: 50 });
    expect(merged.criteria.find((x) => x.key === 'industries')?.importance).toBe('must');
    expect(merged.criteria.find((x) => x.key === 'revenue')).toMatchObject({ currency: 'GBP' });
    expect(merged.criteria.find((x) => x.key === 'employees')).toMatchObject({
      acceptable: { min: 100, max: 2000 },
    });
    expect(merged.criteria.find((x) => x.key === 'technologies')?.rule).toBe(
      'Uses Salesforce, Snowflake or HubSpot',
    );
    expect(merged.disqualifiers.map((d) => d.id)).toEqual([
      ID.publicSector,
      ID.education,
      ID.tiny,
      ID.manual,
    ]);
    expect(merged.manualChecks).toEqual([]);
  });

  it('does not change with the evidence statistics (a re-import), nor with evidence added or dropped', () => {
    const doc = new Y.Doc();
    buildForward(doc);
    const base = toCanonical(doc);
    const hash = compileScoringModel(base).hash;
    // Same evidence values, other numbers: the statistics only explain, they do not score.
    const restat = (ev: Evidence | undefined) =>
      ev &&
      testEvidence(ev.dimension, ev.value, ev.band, {
        revision: 7,
        lift: 9,
        n: 999,
        computedAt: '2026-06-01T00:00:00.000Z',
      });
    const sections = base.sections as Record<string, ListItem[] | RangeValue>;
    const changed = canonicalOf(
      {
        ...sections,
        industries: (sections.industries as ListItem[]).map((i) =>
          i.evidence ? { ...i, evidence: restat(i.evidence)! } : i,
        ),
        disqualifiers: (sections.disqualifiers as ListItem[]).map((i) =>
          i.evidence ? { ...i, evidence: restat(i.evidence)! } : i,
        ),
        employees: {
          ...(sections.employees as RangeValue),
          evidence: testEvidence('employees', '201–1,000', { min: 201, max: 1000 }),
        },
      },
      base.scoring,
    );
    const recompiled = compileScoringModel(changed);
    expect(JSON.stringify(recompiled)).not.toBe(JSON.stringify(compileScoringModel(base)));
    expect(recompiled.hash).toBe(hash);
    // Evidence on a disqualifier that has its own rule decides nothing either.
    const withRuleEvidence = canonicalOf(
      {
        ...sections,
        disqualifiers: (sections.disqualifiers as ListItem[]).map((i) =>
          i.id === ID.publicSector ? { ...i, evidence: testEvidence('industry', 'Government') } : i,
        ),
      },
      base.scoring,
    );
    expect(compileScoringModel(withRuleEvidence).hash).toBe(hash);
  });

  it('changes with a weight, a threshold, a band, a currency, a rule and a chip', () => {
    const doc = new Y.Doc();
    buildForward(doc);
    const seen = new Set([model(doc).hash]);
    const expectNewHash = (edit: () => void) => {
      edit();
      const hash = model(doc).hash;
      expect(seen.has(hash)).toBe(false);
      seen.add(hash);
    };
    expectNewHash(() => writeImportance(doc, 'industries', 'nice'));
    expectNewHash(() => writeImportance(doc, 'industries', 1)); // same weight as nice, but not named nice
    expectNewHash(() => writeImportance(doc, 'technologies', 0.5)); // a weight-0 criterion that now counts
    expectNewHash(() => writeThresholds(doc, { a: 85, b: 65, c: 44 }));
    expectNewHash(() => writeAcceptableBand(doc, 'employees', { min: 50, max: 6000 }));
    expectNewHash(() => writeRange(doc, 'employees', { max: 1001 }));
    expectNewHash(() => writeRange(doc, 'revenue', { currency: 'USD' }));
    expectNewHash(() => writeDisqualifierRule(doc, ID.manual, { field: 'employees', op: 'below', value: 5 }));
    expectNewHash(() => writeDisqualifierRule(doc, ID.manual, { field: 'employees', op: 'below', value: 6 }));
    expectNewHash(() => addListItem(doc, 'geographies', 'Nordics'));
  });

  it('is the same for defaults set explicitly, while the canonical hash is not', () => {
    const doc = new Y.Doc();
    addListItem(doc, 'industries', 'Fintech');
    const hash = model(doc).hash;
    const icpHash = canonicalHash(doc);
    writeImportance(doc, 'industries', 'strong');
    writeThresholds(doc, { a: 80, b: 60, c: 40 });
    expect(canonicalHash(doc)).not.toBe(icpHash);
    expect(model(doc).hash).toBe(hash);
  });

  it('differs whenever scores can differ: the evidence value a chip also matches counts', () => {
    // "Financial services" added from the data as "Fintech" (then renamed) also matches Fintech accounts.
    const renamed = compileScoringModel(
      canonicalOf({
        industries: [item('Financial services', { evidence: testEvidence('industry', 'Fintech') })],
      }),
    );
    const typed = compileScoringModel(canonicalOf({ industries: [item('Financial services')] }));
    const account = { industry: 'Fintech' };
    expect(createScorer(renamed).score(account).score).toBe(100);
    expect(createScorer(typed).score(account).score).toBe(0);
    expect(renamed.hash).not.toBe(typed.hash);
    // Another evidence value matches other accounts: another hash too.
    const other = compileScoringModel(
      canonicalOf({
        industries: [item('Financial services', { evidence: testEvidence('industry', 'Insurance') })],
      }),
    );
    expect(other.hash).not.toBe(renamed.hash);
    expect(other.hash).not.toBe(typed.hash);
  });
});
