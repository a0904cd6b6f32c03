import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testEvidence } from '../testing/evidence.js';
import { mulberry32, sampleAccounts } from '../accounts/sampleAccounts.js';
import { addListItem, writeRange, type ListItem, type RangeValue } from '../icp/accessors.js';
import { toCanonical, type CanonicalIcp } from '../icp/canonical.js';
import {
  writeAcceptableBand,
  writeDisqualifierRule,
  writeImportance,
  writeThresholds,
} from '../icp/scoringFields.js';
import { SCHEMA_VERSION } from '../schema/version.js';
import { compileScoringModel, type ScoringModel } from './compileScoringModel.js';
import { createScorer, type ScoreResult, type ScoringAccount } from './scoreAccount.js';
import { gradeOf, type DisqualifierRule, type ScoringSettings } from './scoringSettings.js';

const item = (text: string, extra: Partial<ListItem> = {}): ListItem => ({
  id: `id-${text}`,
  text,
  ...extra,
});
const items = (...texts: string[]): ListItem[] => texts.map((text) => item(text));

function modelOf(sections: Record<string, ListItem[] | RangeValue>, scoring?: ScoringSettings): ScoringModel {
  const canonical: CanonicalIcp = { schemaVersion: SCHEMA_VERSION, sections };
  if (scoring) canonical.scoring = scoring;
  return compileScoringModel(canonical);
}
const scorerOf = (sections: Record<string, ListItem[] | RangeValue>, scoring?: ScoringSettings) =>
  createScorer(modelOf(sections, scoring));

/**
 * The base ICP: five criteria, all strong (weight 2, total 10, so each is worth 20 points when all
 * are known). Employees 200–1,000 ideal, 50–5,000 acceptable (worth half: 10 points).
 */
const BASE = {
  industries: items('Fintech', 'B2B SaaS'),
  employees: { min: 200, max: 1000, acceptable: { min: 50, max: 5000 } },
  revenue: { min: 10_000_000, max: 100_000_000, currency: 'USD' as const },
  geographies: items('North America', 'DACH'),
  technologies: items('Salesforce', 'Snowflake'),
};
const base = scorerOf(BASE);

/** An account that matches every criterion of BASE. */
const IDEAL: ScoringAccount = {
  industry: 'Fintech',
  employees: 500,
  revenue: 50_000_000,
  currency: 'USD',
  country: 'United States',
  region: 'California',
  technologies: ['Slack', 'Salesforce'],
};

/** score() and scoreOnly() together: scoreOnly must always agree. */
function scoreBoth(scorer: ReturnType<typeof createScorer>, account: ScoringAccount): ScoreResult {
  const result = scorer.score(account);
  expect(scorer.scoreOnly(account)).toBe(result.score ?? -1);
  return result;
}
const outcomes = (result: ScoreResult) => Object.fromEntries(result.criteria.map((c) => [c.key, c.outcome]));
const line = (result: ScoreResult, key: string) => result.criteria.find((c) => c.key === key)!;

describe('a full explanation', () => {
  it('scores an account matching everything 100, A, with every criterion explained', () => {
    // 5 criteria × weight 2 = 10 known, 10 earned: 100 × 10 ÷ 10 = 100; each line 100 × 2 ÷ 10 = 20.
    expect(scoreBoth(base, IDEAL)).toEqual({
      score: 100,
      grade: 'A',
      confidence: 1,
      disqualifiedBy: null,
      cappedBy: null,
      manualChecks: [],
      criteria: [
        {
          key: 'industries',
          label: 'Industries',
          importance: 'strong',
          weight: 2,
          outcome: 'match',
          value: 'Fintech',
          matched: 'Fintech',
          rule: 'Industry is Fintech or B2B SaaS',
          points: 20,
          maxPoints: 20,
        },
        {
          key: 'employees',
          label: 'Company size (employees)',
          importance: 'strong',
          weight: 2,
          outcome: 'ideal',
          value: '500',
          matched: '200–1,000',
          rule: 'Employees 200–1,000 (acceptable 50–5,000)',
          points: 20,
          maxPoints: 20,
        },
        {
          key: 'revenue',
          label: 'Annual revenue',
          importance: 'strong',
          weight: 2,
          outcome: 'ideal',
          value: '50,000,000 USD',
          matched: '10,000,000–100,000,000 USD',
          rule: 'Annual revenue 10,000,000–100,000,000 USD',
          points: 20,
          maxPoints: 20,
        },
        {
          key: 'geographies',
          label: 'Geographies',
          importance: 'strong',
          weight: 2,
          outcome: 'match',
          value: 'United States, California',
          matched: 'North America',
          rule: 'Geography is North America or DACH',
          points: 20,
          maxPoints: 20,
        },
        {
          key: 'technologies',
          label: 'Technologies in use',
          importance: 'strong',
          weight: 2,
          outcome: 'match',
          value: 'Slack, Salesforce',
          matched: 'Salesforce',
          rule: 'Uses Salesforce or Snowflake',
          points: 20,
          maxPoints: 20,
        },
      ],
    });
  });

  it('explains misses and the acceptable band with the account value and nothing matched', () => {
    // industry miss 0, employees acceptable 1, revenue miss 0, geography match 2, technologies miss 0:
    // 3 of 10 → 30, D. Lines: acceptable 100 × 1 ÷ 10 = 10 of 20.
    const result = scoreBoth(base, {
      ...IDEAL,
      industry: 'Retail',
      employees: 4000,
      revenue: 200_000_000,
      technologies: ['HubSpot'],
    });
    expect(result).toMatchObject({
      score: 30,
      grade: 'D',
      confidence: 1,
      cappedBy: null,
      disqualifiedBy: null,
    });
    expect(result.criteria.map((c) => [c.key, c.outcome, c.value, c.matched, c.points, c.maxPoints])).toEqual(
      [
        ['industries', 'miss', 'Retail', null, 0, 20],
        ['employees', 'acceptable', '4,000', '50–5,000', 10, 20],
        ['revenue', 'miss', '200,000,000 USD', null, 0, 20],
        ['geographies', 'match', 'United States, California', 'North America', 20, 20],
        ['technologies', 'miss', 'HubSpot', null, 0, 20],
      ],
    );
  });

  it('carries the evidence of what matched, and a range criterion its own', () => {
    const fintech = testEvidence('industry', 'Fintech');
    const size = testEvidence('employees', '201–1,000 employees', { min: 201, max: 1000 });
    const scorer = scorerOf({
      industries: [item('Fintech', { evidence: fintech }), item('Insurance')],
      employees: { min: 201, max: 1000, evidence: size },
    });
    const hit = scoreBoth(scorer, { industry: 'fintech', employees: 10 });
    expect(line(hit, 'industries').evidence).toEqual(fintech);
    expect(line(hit, 'employees')).toMatchObject({ outcome: 'miss', evidence: size });
    const other = scoreBoth(scorer, { industry: 'Insurance' });
    expect(line(other, 'industries')).not.toHaveProperty('evidence');
    expect(line(other, 'employees')).toMatchObject({ outcome: 'unknown', evidence: size });
  });

  it('keeps the model it was made for', () => {
    const model = modelOf(BASE);
    expect(createScorer(model).model).toBe(model);
  });
});

describe('bands', () => {
  // Employees alone, weight 2: ideal 100, acceptable 100 × 1 ÷ 2 = 50, miss 0.
  const employees = (range: RangeValue) => {
    const scorer = scorerOf({ employees: range });
    return (n: number) => {
      const result = scoreBoth(scorer, { employees: n });
      return [result.score, result.criteria[0]!.outcome, result.criteria[0]!.matched];
    };
  };

  it('earn everything in the ideal band, half in the acceptable band, nothing outside; edges inclusive', () => {
    const at = employees({ min: 200, max: 1000, acceptable: { min: 50, max: 5000 } });
    expect(at(200)).toEqual([100, 'ideal', '200–1,000']);
    expect(at(1000)).toEqual([100, 'ideal', '200–1,000']);
    expect(at(199)).toEqual([50, 'acceptable', '50–5,000']);
    expect(at(1000.5)).toEqual([50, 'acceptable', '50–5,000']);
    expect(at(50)).toEqual([50, 'acceptable', '50–5,000']);
    expect(at(5000)).toEqual([50, 'acceptable', '50–5,000']);
    expect(at(49)).toEqual([0, 'miss', null]);
    expect(at(5001)).toEqual([0, 'miss', null]);
    expect(at(0)).toEqual([0, 'miss', null]);
  });

  it('without an acceptable band, just outside the ideal band is a miss', () => {
    const at = employees({ min: 200, max: 1000 });
    expect(at(199)).toEqual([0, 'miss', null]);
    expect(at(1001)).toEqual([0, 'miss', null]);
  });

  it('leave an unset bound open', () => {
    const atLeast = employees({ min: 200, max: null, acceptable: { min: 100, max: null } });
    expect(atLeast(10_000_000)).toEqual([100, 'ideal', 'at least 200']);
    expect(atLeast(150)).toEqual([50, 'acceptable', 'at least 100']);
    expect(atLeast(99)).toEqual([0, 'miss', null]);
    const atMost = employees({ min: null, max: 1000 });
    expect(atMost(0)).toEqual([100, 'ideal', 'at most 1,000']);
    expect(atMost(1001)).toEqual([0, 'miss', null]);
    // An acceptable band open above (only its minimum set) takes everything above the ideal band.
    const downOnly = employees({ min: 200, max: 1000, acceptable: { min: 100, max: null } });
    expect(downOnly(150)).toEqual([50, 'acceptable', 'at least 100']);
    expect(downOnly(1_000_000)).toEqual([50, 'acceptable', 'at least 100']);
  });

  it('read money with its currency in the explanation', () => {
    const scorer = scorerOf({
      revenue: {
        min: 1_000_000,
        max: 5_000_000,
        currency: 'GBP',
        acceptable: { min: 500_000, max: 10_000_000 },
      },
    });
    const result = scoreBoth(scorer, { revenue: 7_500_000 });
    expect(result.criteria[0]).toMatchObject({
      outcome: 'acceptable',
      value: '7,500,000 GBP',
      matched: '500,000–10,000,000 GBP',
      rule: 'Annual revenue 1,000,000–5,000,000 GBP (acceptable 500,000–10,000,000 GBP)',
    });
    expect(result.score).toBe(50);
  });
});

describe('weights', () => {
  // industries must 3, employees strong 2, revenue nice 1, geographies explicit 1.5, technologies 0:
  // total weight 3 + 2 + 1 + 1.5 + 0 = 7.5.
  const weighted = scorerOf(BASE, {
    importance: {
      industries: 'must',
      employees: 'strong',
      revenue: 'nice',
      geographies: 1.5,
      technologies: 0,
    },
  });

  it('weigh must 3, strong 2, nice 1, an explicit weight as given, and 0 not at all', () => {
    // industry match 3, employees acceptable 1 (half of 2), revenue miss 0, geography match 1.5,
    // technologies match 0: earned 5.5 of 7.5 known → 100 × 5.5 ÷ 7.5 = 73.3 → 73, B.
    const result = scoreBoth(weighted, { ...IDEAL, employees: 100, revenue: 5_000_000, country: 'USA' });
    expect(result).toMatchObject({ score: 73, grade: 'B', confidence: 1, cappedBy: null });
    expect(
      result.criteria.map((c) => [c.key, c.importance, c.weight, c.outcome, c.points, c.maxPoints]),
    ).toEqual([
      ['industries', 'must', 3, 'match', 40, 40], // 100 × 3 ÷ 7.5 = 40
      ['employees', 'strong', 2, 'acceptable', 13.3, 26.7], // 100 × 1 ÷ 7.5 = 13.33; 100 × 2 ÷ 7.5 = 26.67
      ['revenue', 'nice', 1, 'miss', 0, 13.3], // 100 × 1 ÷ 7.5 = 13.33
      ['geographies', 1.5, 1.5, 'match', 20, 20], // 100 × 1.5 ÷ 7.5 = 20
      ['technologies', 0, 0, 'match', 0, 0], // weight 0: shown, earns nothing
    ]);
  });

  it('a weight-0 criterion neither helps nor hurts', () => {
    // Technologies miss instead of match: still 73.
    expect(
      scoreBoth(weighted, { ...IDEAL, employees: 100, revenue: 5_000_000, technologies: ['HubSpot'] }).score,
    ).toBe(73);
  });

  it('has no score when only weight-0 criteria are known', () => {
    const scorer = scorerOf({ technologies: items('Salesforce') }, { importance: { technologies: 0 } });
    const result = scoreBoth(scorer, { technologies: ['Salesforce'] });
    expect(result).toMatchObject({ score: null, grade: null, confidence: 0 });
    expect(result.criteria[0]).toMatchObject({ outcome: 'match', points: null, maxPoints: 0 });
    expect(scorer.scoreOnly({ technologies: ['Salesforce'] })).toBe(-1);
  });

  it('rounds half up, to a whole score, and points to one decimal', () => {
    // industries nice 1 match, employees nice 1 acceptable 0.5, geographies strong 2 miss:
    // 1.5 of 4 → 37.5 → 38 (D); points 25, 12.5, 0.
    const scorer = scorerOf(
      {
        industries: items('Fintech'),
        employees: { min: 200, max: 1000, acceptable: { min: 50, max: null } },
        geographies: items('DACH'),
      },
      { importance: { industries: 'nice', employees: 'nice' } },
    );
    const result = scoreBoth(scorer, { industry: 'Fintech', employees: 100, country: 'France' });
    expect(result.score).toBe(38);
    expect(result.grade).toBe('D');
    expect(result.criteria.map((c) => c.points)).toEqual([25, 12.5, 0]);
    // Geography unknown: 1.5 of 2 → 75, B; confidence 2 ÷ 4 = 0.5.
    expect(scoreBoth(scorer, { industry: 'Fintech', employees: 100 })).toMatchObject({
      score: 75,
      grade: 'B',
      confidence: 0.5,
    });
    // Three strong criteria, one match: 2 of 6 → 33.3 → 33; the line 33.3 of 33.3.
    const thirds = scorerOf({
      industries: items('Fintech'),
      employees: { min: 1, max: 10 },
      geographies: items('DACH'),
    });
    const third = scoreBoth(thirds, { industry: 'Fintech', employees: 11, country: 'France' });
    expect(third.score).toBe(33);
    expect(third.criteria.map((c) => c.points)).toEqual([33.3, 0, 0]);
    expect(third.criteria.map((c) => c.maxPoints)).toEqual([33.3, 33.3, 33.3]);
  });
});

describe('a missed must-have', () => {
  const scorer = scorerOf(BASE, { importance: { industries: 'must' } });
  // industries 3 + four strong criteria 2 each = 11.

  it('caps the score just below grade B', () => {
    // Industry missed, everything else matches: 8 of 11 → 72.7 → 73, capped at 60 − 1 = 59, C.
    const result = scoreBoth(scorer, { ...IDEAL, industry: 'Retail' });
    expect(result).toMatchObject({
      score: 59,
      grade: 'C',
      cappedBy: { key: 'industries', label: 'Industries' },
      confidence: 1,
    });
    expect(line(result, 'industries')).toMatchObject({ outcome: 'miss', points: 0, maxPoints: 27.3 });
  });

  it('does not raise a lower score, and still says it capped', () => {
    // Industry, employees and revenue missed: 4 of 11 → 36.4 → 36, D.
    const result = scoreBoth(scorer, { ...IDEAL, industry: 'Retail', employees: 10, revenue: 1 });
    expect(result).toMatchObject({ score: 36, grade: 'D', cappedBy: { key: 'industries' } });
  });

  it('does not cap when the must-have is unknown, nor for an explicit weight of 3', () => {
    // Industry unknown: 8 of 8 → 100, A; confidence 8 ÷ 11 = 0.727 → 0.73.
    expect(scoreBoth(scorer, { ...IDEAL, industry: null })).toMatchObject({
      score: 100,
      grade: 'A',
      cappedBy: null,
      confidence: 0.73,
    });
    // Weight 3 without "must": 8 of 11 → 73, B, no cap.
    const three = scorerOf(BASE, { importance: { industries: 3 } });
    expect(scoreBoth(three, { ...IDEAL, industry: 'Retail' })).toMatchObject({
      score: 73,
      grade: 'B',
      cappedBy: null,
    });
  });

  it('names the first must-have missed', () => {
    const two = scorerOf(BASE, { importance: { industries: 'must', geographies: 'must' } });
    // industries 3 + geographies 3 + three × 2 = 12; geography missed only: 9 of 12 → 75 → capped 59.
    expect(scoreBoth(two, { ...IDEAL, country: 'France', region: null })).toMatchObject({
      score: 59,
      cappedBy: { key: 'geographies', label: 'Geographies' },
    });
    expect(scoreBoth(two, { ...IDEAL, country: 'France', industry: 'Retail' }).cappedBy).toEqual({
      key: 'industries',
      label: 'Industries',
    });
  });

  it('caps below the custom B threshold', () => {
    const custom = scorerOf(BASE, {
      importance: { industries: 'must' },
      thresholds: { a: 90, b: 70, c: 50 },
    });
    // 8 of 11 → 73, capped at 70 − 1 = 69, C.
    expect(scoreBoth(custom, { ...IDEAL, industry: 'Retail' })).toMatchObject({ score: 69, grade: 'C' });
  });
});

describe('thresholds', () => {
  it('start each grade exactly at its threshold (defaults 80 / 60 / 40)', () => {
    // BASE: each miss costs 20, an acceptable band 10.
    expect(scoreBoth(base, { ...IDEAL, industry: 'Retail' })).toMatchObject({ score: 80, grade: 'A' });
    expect(scoreBoth(base, { ...IDEAL, industry: 'Retail', employees: 100 })).toMatchObject({
      score: 70,
      grade: 'B',
    });
    expect(scoreBoth(base, { ...IDEAL, industry: 'Retail', revenue: 1 })).toMatchObject({
      score: 60,
      grade: 'B',
    });
    expect(scoreBoth(base, { ...IDEAL, industry: 'Retail', revenue: 1, employees: 100 })).toMatchObject({
      score: 50,
      grade: 'C',
    });
    expect(scoreBoth(base, { ...IDEAL, industry: 'Retail', revenue: 1, employees: 1 })).toMatchObject({
      score: 40,
      grade: 'C',
    });
    expect(
      scoreBoth(base, { ...IDEAL, industry: 'Retail', revenue: 1, employees: 1, technologies: ['Jira'] }),
    ).toMatchObject({
      score: 20,
      grade: 'D',
    });
  });

  it('put 79 in B and 80 in A', () => {
    // Industries weight 7.5 match, technologies 2 miss: 100 × 7.5 ÷ 9.5 = 78.9 → 79, B.
    const a = scorerOf(
      { industries: items('Fintech'), technologies: items('SAP') },
      { importance: { industries: 7.5 } },
    );
    expect(scoreBoth(a, { industry: 'Fintech', technologies: ['Jira'] })).toMatchObject({
      score: 79,
      grade: 'B',
    });
    // Weight 8 match, 2 miss: 100 × 8 ÷ 10 = 80, A.
    const b = scorerOf(
      { industries: items('Fintech'), technologies: items('SAP') },
      { importance: { industries: 8 } },
    );
    expect(scoreBoth(b, { industry: 'Fintech', technologies: ['Jira'] })).toMatchObject({
      score: 80,
      grade: 'A',
    });
  });

  it('follow the ICP: custom thresholds change grades', () => {
    const custom = scorerOf(BASE, { thresholds: { a: 90, b: 70, c: 50 } });
    expect(scoreBoth(custom, IDEAL)).toMatchObject({ score: 100, grade: 'A' });
    expect(scoreBoth(custom, { ...IDEAL, employees: 100 })).toMatchObject({ score: 90, grade: 'A' });
    expect(scoreBoth(custom, { ...IDEAL, industry: 'Retail' })).toMatchObject({ score: 80, grade: 'B' }); // A by default
    expect(scoreBoth(custom, { ...IDEAL, industry: 'Retail', employees: 100 })).toMatchObject({
      score: 70,
      grade: 'B',
    });
    expect(scoreBoth(custom, { ...IDEAL, industry: 'Retail', revenue: 1 })).toMatchObject({
      score: 60,
      grade: 'C',
    }); // B by default
    expect(scoreBoth(custom, { ...IDEAL, industry: 'Retail', revenue: 1, employees: 100 })).toMatchObject({
      score: 50,
      grade: 'C',
    });
    expect(scoreBoth(custom, { ...IDEAL, industry: 'Retail', revenue: 1, employees: 1 })).toMatchObject({
      score: 40,
      grade: 'D', // C by default
    });
  });

  it('grade every score as gradeOf does', () => {
    const custom = { a: 77, b: 33, c: 11 };
    const scorer = scorerOf(
      { industries: items('Fintech'), technologies: items('SAP') },
      { thresholds: custom },
    );
    for (const account of [
      { industry: 'Fintech' },
      { industry: 'x', technologies: ['SAP'] },
      { industry: 'x', technologies: ['y'] },
    ]) {
      const result = scoreBoth(scorer, account);
      expect(result.grade).toBe(gradeOf(result.score!, custom));
    }
  });
});

describe('unknowns and confidence', () => {
  it('scores on the known weight only, with confidence its share', () => {
    // Industry known only: 2 of 2 → 100, A; confidence 2 ÷ 10 = 0.2.
    expect(scoreBoth(base, { industry: 'Fintech' })).toMatchObject({
      score: 100,
      grade: 'A',
      confidence: 0.2,
    });
    expect(scoreBoth(base, { industry: 'Retail' })).toMatchObject({ score: 0, grade: 'D', confidence: 0.2 });
    // Industry match 2, employees acceptable 1: 3 of 4 → 75, B; confidence 0.4; points 50 and 25 of 50.
    const two = scoreBoth(base, { industry: 'Fintech', employees: 100 });
    expect(two).toMatchObject({ score: 75, grade: 'B', confidence: 0.4 });
    expect(two.criteria.map((c) => [c.outcome, c.points, c.maxPoints])).toEqual([
      ['match', 50, 50],
      ['acceptable', 25, 50],
      ['unknown', null, 0],
      ['unknown', null, 0],
      ['unknown', null, 0],
    ]);
  });

  it('rounds confidence to two decimals', () => {
    // must 3, nice 1, strong 2 × 3 = 10 total... here: only revenue (nice 1) and geographies (must 3)
    // of industries 2 + employees 2 + revenue 1 + geographies 3 + technologies 2 = 10 → 0.4;
    // and only employees (2) of 3 + 2 + 1 + 1.5 + 0 = 7.5 → 0.2667 → 0.27.
    const a = scorerOf(BASE, { importance: { revenue: 'nice', geographies: 'must' } });
    expect(scoreBoth(a, { revenue: 50_000_000, country: 'DE' }).confidence).toBe(0.4);
    const b = scorerOf(BASE, {
      importance: {
        industries: 'must',
        employees: 'strong',
        revenue: 'nice',
        geographies: 1.5,
        technologies: 0,
      },
    });
    expect(scoreBoth(b, { employees: 500 }).confidence).toBe(0.27);
  });

  it('has no score, no grade and confidence 0 without any data', () => {
    const result = scoreBoth(base, {});
    expect(result).toEqual({
      score: null,
      grade: null,
      confidence: 0,
      disqualifiedBy: null,
      cappedBy: null,
      manualChecks: [],
      criteria: base.model.criteria.map((c) => ({
        key: c.key,
        label: c.label,
        importance: c.importance,
        weight: c.weight,
        outcome: 'unknown',
        value: null,
        matched: null,
        rule: c.rule,
        points: null,
        maxPoints: 0,
      })),
    });
    expect(base.scoreOnly({})).toBe(-1);
  });

  it('reads null, blank text, NaN, infinities and an empty list as unknown', () => {
    const blank: ScoringAccount = {
      industry: '   ',
      country: '',
      region: null,
      employees: Number.NaN,
      revenue: Number.POSITIVE_INFINITY,
      currency: null,
      technologies: [],
    };
    const result = scoreBoth(base, blank);
    expect(result.score).toBeNull();
    expect(Object.values(outcomes(result))).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(result.criteria.every((c) => c.value === null)).toBe(true);
  });

  it('reads a technology list of blanks as unknown, not as a miss', () => {
    const result = scoreBoth(base, { industry: 'Fintech', technologies: ['', '  '] });
    expect(line(result, 'technologies')).toMatchObject({ outcome: 'unknown', value: null, points: null });
    // Industry only: 2 of 2 → 100; confidence 0.2.
    expect(result).toMatchObject({ score: 100, confidence: 0.2 });
  });

  it('has confidence 0 (not a division by zero) for a model without criteria', () => {
    const empty = scorerOf({});
    expect(scoreBoth(empty, IDEAL)).toMatchObject({ score: null, grade: null, confidence: 0, criteria: [] });
  });
});

describe('matching text', () => {
  it('ignores case and surrounding spaces, and shows the value trimmed', () => {
    const result = scoreBoth(base, {
      industry: '  FINTECH ',
      technologies: [' salesforce'],
      region: ' dach ',
    });
    expect(line(result, 'industries')).toMatchObject({
      outcome: 'match',
      value: 'FINTECH',
      matched: 'Fintech',
    });
    expect(line(result, 'technologies')).toMatchObject({
      outcome: 'match',
      value: 'salesforce',
      matched: 'Salesforce',
    });
    expect(result.score).toBe(100);
  });

  it('matches a geography by its country aliases and the countries of a group', () => {
    const geo = (country: string | null, region: string | null = null) =>
      outcomes(scoreBoth(base, { country, region })).geographies;
    for (const country of [
      'US',
      'usa',
      'U.S.A.',
      'United States of America',
      'America',
      'Canada',
      'CA',
      'can',
    ]) {
      expect(geo(country), country).toBe('match'); // North America
    }
    for (const country of ['Germany', 'Deutschland', 'DE', 'Österreich', 'AT', 'ch', 'Schweiz']) {
      expect(geo(country), country).toBe('match'); // DACH
    }
    for (const country of ['Mexico', 'France', 'United Kingdom', 'Ukraine']) {
      expect(geo(country), country).toBe('miss');
    }
    const result = scoreBoth(base, { country: 'Deutschland', region: 'Bavaria' });
    expect(line(result, 'geographies')).toMatchObject({ value: 'Deutschland, Bavaria', matched: 'DACH' });
  });

  it('matches a geography chip naming a region by the account region, and a group chip by either', () => {
    const scorer = scorerOf({ geographies: items('California', 'EMEA', 'United Kingdom') });
    const geo = (account: ScoringAccount) => line(scoreBoth(scorer, account), 'geographies');
    expect(geo({ country: 'United States', region: ' california' })).toMatchObject({
      outcome: 'match',
      matched: 'California',
    });
    expect(geo({ region: 'California' })).toMatchObject({ outcome: 'match', matched: 'California' });
    expect(geo({ country: 'United States', region: 'Texas' })).toMatchObject({
      outcome: 'miss',
      matched: null,
    });
    expect(geo({ country: 'France' })).toMatchObject({ outcome: 'match', matched: 'EMEA' });
    expect(geo({ region: 'emea' })).toMatchObject({ outcome: 'match', matched: 'EMEA' });
    expect(geo({ country: 'GB' })).toMatchObject({ outcome: 'match', matched: 'EMEA' }); // the first chip that holds it
    expect(geo({ country: 'Brazil', region: 'São Paulo' })).toMatchObject({ outcome: 'miss' });
    // A region alone that matches no chip says nothing about the country: unknown, not a miss.
    expect(geo({ region: 'Bavaria' })).toMatchObject({ outcome: 'unknown', points: null, maxPoints: 0 });
  });

  it('also matches a chip by the value its evidence names (a chip renamed after it was added)', () => {
    const scorer = scorerOf({
      industries: [item('Financial services', { evidence: testEvidence('industry', 'Fintech') })],
      geographies: [item('Home market', { evidence: testEvidence('country', 'Germany') })],
      technologies: [item('CRM', { evidence: testEvidence('technologies', 'Salesforce') })],
    });
    const result = scoreBoth(scorer, {
      industry: 'fintech',
      country: 'germany',
      technologies: ['Salesforce'],
    });
    expect(result.criteria.map((c) => [c.outcome, c.matched])).toEqual([
      ['match', 'Financial services'],
      ['match', 'Home market'],
      ['match', 'CRM'],
    ]);
  });
});

describe('currency', () => {
  const eur = scorerOf({
    industries: items('Fintech'),
    revenue: { min: 10_000_000, max: 100_000_000, currency: 'EUR' },
  });

  it('leaves revenue in another currency unknown, saying why', () => {
    // Revenue unknown: industry only, 2 of 2 → 100; confidence 2 ÷ 4 = 0.5.
    const result = scoreBoth(eur, { industry: 'Fintech', revenue: 50_000_000, currency: 'usd' });
    expect(result).toMatchObject({ score: 100, confidence: 0.5 });
    expect(line(result, 'revenue')).toEqual({
      key: 'revenue',
      label: 'Annual revenue',
      importance: 'strong',
      weight: 2,
      outcome: 'unknown',
      value: '50,000,000 USD',
      matched: null,
      rule: 'Annual revenue 10,000,000–100,000,000 EUR',
      points: null,
      maxPoints: 0,
      note: 'In USD, not EUR: not compared',
    });
  });

  it('compares revenue in the same currency (any case, spaces), or without one', () => {
    for (const currency of [' eur ', 'EUR', null, undefined, '']) {
      const result = scoreBoth(eur, { industry: 'Retail', revenue: 50_000_000, currency });
      expect(line(result, 'revenue'), String(currency)).toMatchObject({
        outcome: 'ideal',
        value: '50,000,000 EUR',
      });
      expect(line(result, 'revenue')).not.toHaveProperty('note');
      // Industry miss 0 + revenue ideal 2 of 4 → 50, C.
      expect(result.score).toBe(50);
    }
  });

  it('does not apply a revenue disqualifier to revenue in another currency', () => {
    const scorer = scorerOf({
      revenue: { min: 10_000_000, max: null, currency: 'EUR' },
      disqualifiers: [item('Tiny', { rule: { field: 'revenue', op: 'below', value: 1_000_000 } })],
    });
    expect(scoreBoth(scorer, { revenue: 500_000, currency: 'EUR' }).disqualifiedBy).toMatchObject({
      value: '500,000',
    });
    expect(scoreBoth(scorer, { revenue: 500_000 }).disqualifiedBy).not.toBeNull();
    const other = scoreBoth(scorer, { revenue: 500_000, currency: 'USD' });
    expect(other).toMatchObject({ disqualifiedBy: null, score: null, grade: null });
  });
});

describe('disqualifiers', () => {
  const RULES: [string, DisqualifierRule][] = [
    ['Public sector', { field: 'industry', op: 'is', values: ['Government', 'Public sector'] }],
    ['Sanctions', { field: 'country', op: 'is', values: ['UK'] }],
    ['Quebec', { field: 'region', op: 'is', values: ['Quebec'] }],
    ['Legacy stack', { field: 'technologies', op: 'uses', values: ['Oracle', 'SAP'] }],
    ['Too small', { field: 'employees', op: 'below', value: 10 }],
    ['Too big', { field: 'revenue', op: 'above', value: 1_000_000_000 }],
    ['Awkward size', { field: 'employees', op: 'between', min: 11, max: 15 }],
    ['No money', { field: 'revenue', op: 'between', min: null, max: 1_000_000 }],
  ];
  const scorer = scorerOf({
    ...BASE,
    employees: { min: 1, max: 1000 },
    revenue: { min: 0, max: 2_000_000_000 },
    geographies: items('North America', 'DACH', 'United Kingdom'),
    disqualifiers: [
      ...RULES.map(([text, rule]) => item(text, { rule })),
      item('Education', { evidence: testEvidence('industry', 'Education') }),
      item('Micro', { evidence: testEvidence('employees', '1–10 employees', { min: 1, max: 10 }) }),
      item('No dedicated sales team'),
    ],
  });
  const disqualified = (account: ScoringAccount) =>
    scoreBoth(scorer, { ...IDEAL, ...account }).disqualifiedBy;

  it('make a matching account 0 and D with the reason, still explaining each criterion', () => {
    const result = scoreBoth(scorer, { ...IDEAL, industry: ' public SECTOR ' });
    expect(result).toMatchObject({
      score: 0,
      grade: 'D',
      cappedBy: null,
      confidence: 1,
      disqualifiedBy: {
        id: 'id-Public sector',
        text: 'Public sector',
        rule: 'Industry is Government or Public sector',
        value: 'public SECTOR',
      },
      manualChecks: ['No dedicated sales team'],
    });
    expect(result.disqualifiedBy).not.toHaveProperty('evidence');
    expect(result.criteria).toHaveLength(5);
    expect(line(result, 'industries')).toMatchObject({ outcome: 'miss', value: 'public SECTOR' });
    // The lines say what matched, but earn nothing: they add up to the score of 0.
    expect(line(result, 'employees')).toMatchObject({ outcome: 'ideal', points: 0 });
    expect(result.criteria.every((c) => c.points === 0 || c.points === null)).toBe(true);
  });

  it('compare revenue rules in the ICP currency even when its revenue range is empty', () => {
    const eurRules = scorerOf({
      industries: items('Fintech'),
      revenue: { min: null, max: null, currency: 'EUR' },
      disqualifiers: [item('Tiny', { rule: { field: 'revenue', op: 'below', value: 1_000_000 } })],
    });
    expect(eurRules.model.disqualifiers[0]!.ruleText).toBe('Annual revenue below 1,000,000 EUR');
    expect(scoreBoth(eurRules, { industry: 'Fintech', revenue: 500_000, currency: 'EUR' }).grade).toBe('D');
    expect(scoreBoth(eurRules, { industry: 'Fintech', revenue: 500_000, currency: 'USD' }).grade).toBe('A');
  });

  it('test "is" on industry, country (with aliases) and region', () => {
    expect(disqualified({ industry: 'Government' })).toMatchObject({
      text: 'Public sector',
      value: 'Government',
    });
    expect(disqualified({ industry: 'Government agency' })).toBeNull();
    for (const country of ['UK', 'GB', 'United Kingdom', 'great britain', 'U.K.']) {
      expect(disqualified({ country }), country).toMatchObject({
        text: 'Sanctions',
        rule: 'Country is UK',
        value: country,
      });
    }
    expect(disqualified({ country: 'Ukraine' })).toBeNull();
    // "is" on country does not look at the region, nor "is" on region at the country.
    expect(disqualified({ country: null, region: 'UK' })).toBeNull();
    expect(disqualified({ country: 'Canada', region: 'quebec' })).toMatchObject({
      text: 'Quebec',
      value: 'quebec',
    });
    expect(disqualified({ country: 'Quebec', region: 'Ontario' })).toBeNull();
  });

  it('test "uses" on any of the technologies', () => {
    expect(disqualified({ technologies: ['Salesforce', ' sap '] })).toMatchObject({
      text: 'Legacy stack',
      rule: 'Uses Oracle or SAP',
      value: 'sap',
    });
    expect(disqualified({ technologies: ['SAP SuccessFactors'] })).toBeNull();
    expect(disqualified({ technologies: [] })).toBeNull();
  });

  it('test "below" and "above" strictly', () => {
    expect(disqualified({ employees: 9 })).toMatchObject({
      text: 'Too small',
      rule: 'Employees below 10',
      value: '9',
    });
    expect(disqualified({ employees: 9.99 })).toMatchObject({ text: 'Too small', value: '9.99' });
    expect(disqualified({ employees: 10 })?.text).toBe('Micro'); // from its evidence, 1–10
    expect(disqualified({ employees: 16 })).toBeNull();
    expect(disqualified({ revenue: 1_000_000_001 })).toMatchObject({
      text: 'Too big',
      rule: 'Annual revenue above 1,000,000,000 USD',
      value: '1,000,000,001',
    });
    expect(disqualified({ revenue: 1_000_000_000 })).toBeNull();
  });

  it('test "between" with both bounds inclusive, and an open bound', () => {
    expect(disqualified({ employees: 11 })).toMatchObject({ text: 'Awkward size', rule: 'Employees 11–15' });
    expect(disqualified({ employees: 15 })).toMatchObject({ text: 'Awkward size' });
    expect(disqualified({ employees: 15.5 })).toBeNull();
    expect(disqualified({ employees: 10.5 })).toBeNull(); // above 10, not yet 11
    expect(disqualified({ revenue: 1_000_000 })).toMatchObject({
      text: 'No money',
      rule: 'Annual revenue at most 1,000,000 USD',
    });
    expect(disqualified({ revenue: 0 })).toMatchObject({ text: 'No money', value: '0' });
    expect(disqualified({ revenue: 1_000_001 })).toBeNull();
  });

  it('apply a rule read from the evidence of a disqualifier added from the insights', () => {
    const education = testEvidence('industry', 'Education');
    expect(disqualified({ industry: 'education' })).toEqual({
      id: 'id-Education',
      text: 'Education',
      rule: 'Industry is Education',
      value: 'education',
      evidence: education,
    });
    // 1–10 from the evidence; 1–9 is caught first by "below 10", earlier in the list.
    expect(disqualified({ employees: 10 })).toMatchObject({
      text: 'Micro',
      rule: 'Employees 1–10',
      value: '10',
    });
  });

  it('never disqualify on an unknown value', () => {
    const unknown = {
      industry: null,
      country: null,
      region: null,
      employees: null,
      revenue: null,
      technologies: null,
    };
    expect(scoreBoth(scorer, unknown)).toMatchObject({ disqualifiedBy: null, score: null, grade: null });
    expect(disqualified({ employees: Number.NaN, revenue: undefined, industry: '  ' })).toBeNull();
  });

  it('report the first that applies, in page order', () => {
    expect(disqualified({ industry: 'Government', employees: 5, technologies: ['Oracle'] })?.text).toBe(
      'Public sector',
    );
    expect(disqualified({ employees: 5, technologies: ['Oracle'] })?.text).toBe('Legacy stack');
  });

  it('disqualify even without any scored data', () => {
    expect(scoreBoth(scorer, { industry: 'Government' })).toMatchObject({
      score: 0,
      grade: 'D',
      confidence: 0.2,
      disqualifiedBy: { text: 'Public sector' },
    });
    const onlyRules = scorerOf({
      disqualifiers: [item('Tiny', { rule: { field: 'employees', op: 'below', value: 10 } })],
    });
    expect(scoreBoth(onlyRules, { employees: 3 })).toMatchObject({ score: 0, grade: 'D', confidence: 0 });
    expect(scoreBoth(onlyRules, { employees: 30 })).toMatchObject({ score: null, grade: null });
  });

  it('leave free text to a person: listed with every answer, never scored', () => {
    const free = scorerOf({
      industries: items('Fintech'),
      disqualifiers: [item('No dedicated sales team'), item('Already a partner')],
    });
    expect(free.model.disqualifiers).toEqual([]);
    const result = scoreBoth(free, { industry: 'Fintech' });
    expect(result).toMatchObject({
      score: 100,
      grade: 'A',
      disqualifiedBy: null,
      manualChecks: ['No dedicated sales team', 'Already a partner'],
    });
    expect(scoreBoth(free, {}).manualChecks).toEqual(['No dedicated sales team', 'Already a partner']);
  });
});

describe('a model compiled from a live document', () => {
  it('scores as the document says, and follows its edits', () => {
    const doc = new Y.Doc();
    addListItem(doc, 'industries', 'Fintech');
    writeRange(doc, 'employees', { min: 200, max: 1000 });
    writeAcceptableBand(doc, 'employees', { min: 100, max: 2000 });
    addListItem(doc, 'geographies', 'North America');
    const tiny = addListItem(doc, 'disqualifiers', 'Tiny');
    writeDisqualifierRule(doc, tiny.id, { field: 'employees', op: 'below', value: 5 });
    const account: ScoringAccount = { industry: 'fintech', employees: 150, country: 'USA' };
    const scoreNow = () => createScorer(compileScoringModel(toCanonical(doc))).score(account);
    // 2 + 1 (acceptable) + 2 of 6 → 83.3 → 83, A.
    expect(scoreNow()).toMatchObject({ score: 83, grade: 'A' });
    writeImportance(doc, 'employees', 'must');
    // 2 + 1.5 + 2 of 7 → 78.6 → 79, B (an acceptable band is not a miss: no cap).
    expect(scoreNow()).toMatchObject({ score: 79, grade: 'B', cappedBy: null });
    writeThresholds(doc, { a: 75, b: 50, c: 25 });
    expect(scoreNow()).toMatchObject({ score: 79, grade: 'A' });
    writeAcceptableBand(doc, 'employees', null);
    // Employees now a missed must-have: 4 of 7 → 57.1 → 57, capped at 49, C.
    expect(scoreNow()).toMatchObject({ score: 49, grade: 'C', cappedBy: { key: 'employees' } });
    writeDisqualifierRule(doc, tiny.id, { field: 'employees', op: 'below', value: 151 });
    expect(scoreNow()).toMatchObject({ score: 0, grade: 'D', disqualifiedBy: { id: tiny.id, value: '150' } });
  });
});

describe('scoreOnly', () => {
  /** A sample account, sometimes with gaps, other spellings and another currency. */
  function* accounts(count: number, seed: number): Generator<ScoringAccount> {
    const random = mulberry32(seed);
    const maybe = <T>(value: T, p = 0.15): T | null => (random() < p ? null : value);
    const respell = (text: string) => (random() < 0.2 ? `  ${text.toUpperCase()} ` : text);
    for (const a of sampleAccounts(count, seed)) {
      yield {
        industry: maybe(respell(a.industry)),
        country: maybe(random() < 0.1 && a.country === 'United States' ? 'USA' : respell(a.country)),
        region: maybe(a.region, 0.3),
        employees: maybe(a.employees),
        revenue: maybe(a.revenue),
        currency: random() < 0.1 ? 'EUR' : random() < 0.5 ? a.currency : null,
        technologies: random() < 0.1 ? [] : random() < 0.05 ? [' '] : maybe(a.technologies.map(respell)),
      };
    }
  }

  /** Name, model, and how many different grades (no grade counting as one) the sample reaches. */
  const MODELS: [string, ScoringModel, number][] = [
    ['base', modelOf(BASE), 5],
    [
      'weighted, capped, disqualifying',
      modelOf(
        {
          ...BASE,
          industries: items('B2B SaaS', 'Fintech', 'Cybersecurity'),
          employees: { min: 201, max: 1000, acceptable: { min: 51, max: 5000 } },
          revenue: { min: 5_000_000, max: null, currency: 'USD', acceptable: { min: 1_000_000, max: null } },
          geographies: items('North America', 'UK & Ireland', 'DACH'),
          disqualifiers: [
            item('Public sector', {
              rule: { field: 'industry', op: 'is', values: ['Public sector', 'Education'] },
            }),
            item('Tiny', { rule: { field: 'employees', op: 'below', value: 5 } }),
            item('Shop', { rule: { field: 'technologies', op: 'uses', values: ['Shopify'] } }),
            item('Free text'),
          ],
        },
        {
          importance: {
            industries: 'must',
            employees: 'strong',
            revenue: 'nice',
            geographies: 2.5,
            technologies: 0.5,
          },
          thresholds: { a: 74, b: 54, c: 35 },
        },
      ),
      5,
    ],
    [
      'technologies only, weight 0',
      modelOf({ technologies: items('Snowflake') }, { importance: { technologies: 0 } }),
      1,
    ],
    [
      'revenue in EUR',
      modelOf({
        revenue: { min: 10_000_000, max: 100_000_000, currency: 'EUR' },
        industries: items('Fintech'),
      }),
      4,
    ],
  ];

  it.each(MODELS)(
    'equals score().score, or -1 where it is null, on random accounts (%s)',
    (_name, model, variety) => {
      const scorer = createScorer(model);
      const grades = new Map<string, number>();
      for (const account of accounts(3000, 7)) {
        const result = scorer.score(account);
        expect(scorer.scoreOnly(account)).toBe(result.score ?? -1);
        // And the answer holds together.
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        if (result.score === null) {
          expect(result.grade).toBeNull();
        } else {
          expect(Number.isInteger(result.score)).toBe(true);
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(100);
          expect(result.grade).toBe(result.disqualifiedBy ? 'D' : gradeOf(result.score, model.thresholds));
          if (result.cappedBy) expect(result.score).toBeLessThan(model.thresholds.b);
          if (!result.disqualifiedBy && !result.cappedBy) {
            // The points add up to the score, give or take their rounding.
            const sum = result.criteria.reduce((s, c) => s + (c.points ?? 0), 0);
            expect(Math.abs(sum - result.score)).toBeLessThanOrEqual(0.5 + 0.05 * result.criteria.length);
          }
        }
        const key = result.grade ?? 'none';
        grades.set(key, (grades.get(key) ?? 0) + 1);
      }
      // The sample is varied enough to mean something.
      expect(grades.size).toBe(variety);
    },
  );
});
