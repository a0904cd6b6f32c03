import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testEvidence } from '../testing/evidence.js';
import {
  IcpValueError,
  addListItem,
  listOf,
  moveListItem,
  rangeOf,
  readList,
  readRange,
  writeRange,
} from './accessors.js';
import { canonicalHash } from './canonicalHash.js';
import { canonicalJson, toCanonical } from './canonical.js';
import {
  importanceIn,
  readScoringSettings,
  scoringMapOf,
  thresholdsIn,
  writeAcceptableBand,
  writeDisqualifierRule,
  writeImportance,
  writeThresholds,
} from './scoringFields.js';

/** Runs `write`, expects an IcpValueError naming `field`, and that the document did not change. */
function expectRefused(doc: Y.Doc, write: () => unknown, field: string, message?: RegExp): void {
  const before = Y.encodeStateAsUpdate(doc);
  const json = canonicalJson(doc);
  let error: unknown;
  try {
    write();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${field} to be refused`).toBeInstanceOf(IcpValueError);
  expect((error as IcpValueError).field).toBe(field);
  if (message) expect((error as IcpValueError).message).toMatch(message);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  expect(canonicalJson(doc)).toBe(json);
}

describe('scoring settings in the Y.Doc', () => {
  it('reads nothing, and defaults, for a document nobody weighed', () => {
    const doc = new Y.Doc();
    expect(readScoringSettings(doc)).toBeNull();
    expect(importanceIn(null, 'industries')).toBe('strong');
    expect(importanceIn({}, 'revenue')).toBe('strong');
    expect(thresholdsIn(undefined)).toEqual({ a: 80, b: 60, c: 40 });
    expect(toCanonical(doc)).not.toHaveProperty('scoring');
  });

  it('keeps importance under importance.<section> and thresholds as JSON text in the scoring map', () => {
    const doc = new Y.Doc();
    writeImportance(doc, 'industries', 'must');
    writeImportance(doc, 'technologies', 2.5);
    writeImportance(doc, 'geographies', 0);
    writeThresholds(doc, { a: 90, b: 70, c: 50 });
    const map = doc.getMap('scoring');
    expect(scoringMapOf(doc)).toBe(map);
    expect(map.toJSON()).toEqual({
      'importance.industries': 'must',
      'importance.technologies': 2.5,
      'importance.geographies': 0,
      thresholds: '{"a":90,"b":70,"c":50}',
    });
    const settings = readScoringSettings(doc);
    expect(settings).toEqual({
      importance: { industries: 'must', technologies: 2.5, geographies: 0 },
      thresholds: { a: 90, b: 70, c: 50 },
    });
    expect(importanceIn(settings, 'industries')).toBe('must');
    expect(importanceIn(settings, 'geographies')).toBe(0);
    expect(importanceIn(settings, 'employees')).toBe('strong');
    expect(thresholdsIn(settings)).toEqual({ a: 90, b: 70, c: 50 });
    expect(toCanonical(doc).scoring).toEqual(settings);
  });

  it('clears back to the defaults with null, and the canonical JSON to what it was', () => {
    const doc = new Y.Doc();
    addListItem(doc, 'industries', 'Fintech');
    writeRange(doc, 'employees', { min: 200, max: 1000 });
    const before = canonicalJson(doc);
    const hash = canonicalHash(doc);
    writeImportance(doc, 'industries', 'must');
    writeThresholds(doc, { a: 90, b: 70, c: 50 });
    writeAcceptableBand(doc, 'employees', { min: 50, max: 5000 });
    expect(canonicalHash(doc)).not.toBe(hash);
    writeImportance(doc, 'industries', null);
    expect(readScoringSettings(doc)).toEqual({ thresholds: { a: 90, b: 70, c: 50 } });
    writeThresholds(doc, null);
    writeAcceptableBand(doc, 'employees', null);
    expect(readScoringSettings(doc)).toBeNull();
    expect(canonicalJson(doc)).toBe(before);
    expect(canonicalHash(doc)).toBe(hash);
  });

  it('gives an ICP without scoring settings the canonical JSON it had before scoring existed', () => {
    const doc = new Y.Doc();
    const fintech = addListItem(doc, 'industries', 'Fintech');
    const education = addListItem(doc, 'disqualifiers', 'Education', testEvidence('industry', 'Education'));
    const manual = addListItem(doc, 'disqualifiers', 'No sales team');
    writeRange(doc, 'employees', { min: 200, max: 1000 });
    writeRange(doc, 'revenue', { min: 10_000_000, currency: 'EUR' });
    const canonical = JSON.parse(canonicalJson(doc));
    // The shape before the feature: no `scoring`, no `acceptable` on ranges, no `rule` on items.
    expect(Object.keys(canonical).sort()).toEqual(['schemaVersion', 'sections']);
    expect(canonical.sections.industries).toEqual([{ id: fintech.id, text: 'Fintech' }]);
    expect(canonical.sections.disqualifiers).toEqual([
      { id: education.id, text: 'Education', evidence: testEvidence('industry', 'Education') },
      { id: manual.id, text: 'No sales team' },
    ]);
    expect(canonical.sections.employees).toEqual({ min: 200, max: 1000 });
    expect(canonical.sections.revenue).toEqual({ min: 10_000_000, max: null, currency: 'EUR' });
  });

  it('puts `scoring` in canonical JSON only for what was set, even "strong" or 80/60/40', () => {
    const doc = new Y.Doc();
    writeImportance(doc, 'revenue', 'strong');
    expect(toCanonical(doc).scoring).toEqual({ importance: { revenue: 'strong' } });
    const other = new Y.Doc();
    writeThresholds(other, { a: 80, b: 60, c: 40 });
    expect(toCanonical(other).scoring).toEqual({ thresholds: { a: 80, b: 60, c: 40 } });
  });

  it('ignores values a foreign client stored that do not parse', () => {
    const doc = new Y.Doc();
    const map = scoringMapOf(doc);
    map.set('importance.industries', 'critical');
    map.set('importance.employees', 11);
    map.set('importance.revenue', 'nice');
    map.set('importance.buyingTriggers', 'must');
    map.set('thresholds', '{"a":10,"b":20,"c":30}');
    expect(readScoringSettings(doc)).toEqual({ importance: { revenue: 'nice' } });
    map.set('thresholds', 'not json');
    expect(readScoringSettings(doc)).toEqual({ importance: { revenue: 'nice' } });
    map.set('thresholds', { a: 90, b: 70, c: 50 });
    expect(readScoringSettings(doc)).toEqual({ importance: { revenue: 'nice' } });
    map.delete('importance.revenue');
    expect(readScoringSettings(doc)).toBeNull();
  });

  it('merges concurrent importance edits on different sections; thresholds stay one valid value', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeImportance(a, 'industries', 'must');
    writeThresholds(a, { a: 90, b: 70, c: 50 });
    writeImportance(b, 'technologies', 'nice');
    // Each alone is valid; a mix of the two (a: 90, b: 85, c: 50 …) would not be: whole-value LWW.
    writeThresholds(b, { a: 95, b: 85, c: 20 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const settings = readScoringSettings(a);
    expect(readScoringSettings(b)).toEqual(settings);
    expect(settings?.importance).toEqual({ industries: 'must', technologies: 'nice' });
    expect([
      { a: 90, b: 70, c: 50 },
      { a: 95, b: 85, c: 20 },
    ]).toContainEqual(settings?.thresholds);
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });
});

describe('writeImportance and writeThresholds validation', () => {
  it('refuse a bad importance naming importance.<section>, changing nothing', () => {
    const doc = new Y.Doc();
    writeImportance(doc, 'industries', 'nice');
    expectRefused(
      doc,
      () => writeImportance(doc, 'industries', 'critical' as never),
      'importance.industries',
      /must, strong, nice/,
    );
    expectRefused(doc, () => writeImportance(doc, 'revenue', 11), 'importance.revenue', /at most 10/);
    expectRefused(doc, () => writeImportance(doc, 'revenue', -1), 'importance.revenue', /0 or more/);
    expectRefused(
      doc,
      () => writeImportance(doc, 'employees', 1.25),
      'importance.employees',
      /multiple of 0.5/,
    );
    expectRefused(doc, () => writeImportance(doc, 'employees', Number.NaN), 'importance.employees');
    expect(readScoringSettings(doc)).toEqual({ importance: { industries: 'nice' } });
  });

  it('refuse bad thresholds naming thresholds.<key>, changing nothing', () => {
    const doc = new Y.Doc();
    writeThresholds(doc, { a: 85, b: 65, c: 45 });
    expectRefused(
      doc,
      () => writeThresholds(doc, { a: 50, b: 60, c: 40 }),
      'thresholds.b',
      /A must start above B/,
    );
    expectRefused(
      doc,
      () => writeThresholds(doc, { a: 80, b: 60, c: 60 }),
      'thresholds.b',
      /A must start above B/,
    );
    expectRefused(doc, () => writeThresholds(doc, { a: 80, b: 60.5, c: 40 }), 'thresholds.b', /whole number/);
    expectRefused(doc, () => writeThresholds(doc, { a: 101, b: 60, c: 40 }), 'thresholds.a', /at most 100/);
    expectRefused(doc, () => writeThresholds(doc, { a: 80, b: 60, c: 0 }), 'thresholds.c', /1 or more/);
    expectRefused(
      doc,
      () => writeThresholds(doc, { a: 80, b: 60 } as never),
      'thresholds.c',
      /must be a number/,
    );
    expectRefused(doc, () => writeThresholds(doc, { a: 80, b: 60, c: 40, d: 1 } as never), 'thresholds');
    expectRefused(doc, () => writeThresholds(doc, 'A' as never), 'thresholds');
    expect(readScoringSettings(doc)).toEqual({ thresholds: { a: 85, b: 65, c: 45 } });
  });
});

describe('acceptable bands', () => {
  it('live under acceptableMin and acceptableMax of the range map and read as `acceptable`', () => {
    const doc = new Y.Doc();
    writeRange(doc, 'employees', { min: 200, max: 1000 });
    expect(readRange(doc, 'employees')).toEqual({ min: 200, max: 1000 });
    writeAcceptableBand(doc, 'employees', { min: 50, max: 5000 });
    expect(rangeOf(doc, 'employees').toJSON()).toEqual({
      min: 200,
      max: 1000,
      acceptableMin: 50,
      acceptableMax: 5000,
    });
    expect(readRange(doc, 'employees')).toEqual({ min: 200, max: 1000, acceptable: { min: 50, max: 5000 } });
    // One side only: the other bound is open.
    writeAcceptableBand(doc, 'employees', { min: 100, max: null });
    expect(rangeOf(doc, 'employees').toJSON()).toEqual({ min: 200, max: 1000, acceptableMin: 100 });
    expect(readRange(doc, 'employees').acceptable).toEqual({ min: 100, max: null });
    // Both null clears, like null.
    writeAcceptableBand(doc, 'employees', { min: null, max: null });
    expect(rangeOf(doc, 'employees').toJSON()).toEqual({ min: 200, max: 1000 });
    expect(readRange(doc, 'employees')).not.toHaveProperty('acceptable');
  });

  it('accepts a band equal to the ideal band, and edges at 0 and the section maximum', () => {
    const doc = new Y.Doc();
    writeRange(doc, 'revenue', { min: 1_000_000, max: 50_000_000 });
    writeAcceptableBand(doc, 'revenue', { min: 1_000_000, max: 50_000_000 });
    expect(readRange(doc, 'revenue').acceptable).toEqual({ min: 1_000_000, max: 50_000_000 });
    writeAcceptableBand(doc, 'revenue', { min: 0, max: 10_000_000_000_000 });
    expect(readRange(doc, 'revenue').acceptable).toEqual({ min: 0, max: 10_000_000_000_000 });
  });

  it('are kept by writeRange (which ignores an `acceptable` in its patch) and by a currency change', () => {
    const doc = new Y.Doc();
    writeRange(doc, 'revenue', { min: 10_000_000, max: 100_000_000 });
    writeAcceptableBand(doc, 'revenue', { min: 5_000_000, max: 200_000_000 });
    writeRange(doc, 'revenue', { currency: 'EUR' });
    writeRange(doc, 'revenue', { acceptable: { min: 0, max: 1 } });
    expect(readRange(doc, 'revenue')).toEqual({
      min: 10_000_000,
      max: 100_000_000,
      currency: 'EUR',
      acceptable: { min: 5_000_000, max: 200_000_000 },
    });
  });

  it('ignore stored values that do not parse (negative, text)', () => {
    const doc = new Y.Doc();
    writeRange(doc, 'employees', { min: 200, max: 1000 });
    rangeOf(doc, 'employees').set('acceptableMin', -5);
    rangeOf(doc, 'employees').set('acceptableMax', 5000);
    expect(readRange(doc, 'employees')).not.toHaveProperty('acceptable');
    rangeOf(doc, 'employees').set('acceptableMin', '50');
    expect(readRange(doc, 'employees').acceptable).toEqual({ min: null, max: 5000 });
  });

  it('refuse a band that does not hold the ideal band, or is out of range, naming the bound', () => {
    const doc = new Y.Doc();
    writeRange(doc, 'employees', { min: 200, max: 1000 });
    writeAcceptableBand(doc, 'employees', { min: 100, max: 2000 });
    const refuse = (band: { min: number | null; max: number | null }, field: string, message: RegExp) =>
      expectRefused(doc, () => writeAcceptableBand(doc, 'employees', band), field, message);
    refuse({ min: 300, max: 2000 }, 'employees.acceptable.min', /at most the ideal minimum/);
    refuse({ min: 201, max: null }, 'employees.acceptable.min', /at most the ideal minimum/);
    refuse({ min: 100, max: 999 }, 'employees.acceptable.max', /at least the ideal maximum/);
    refuse({ min: null, max: 500 }, 'employees.acceptable.max', /at least the ideal maximum/);
    refuse({ min: -1, max: 2000 }, 'employees.acceptable.min', /between 0 and 10,000,000/);
    refuse({ min: 100, max: 10_000_001 }, 'employees.acceptable.max', /between 0 and 10,000,000/);
    refuse({ min: Number.NaN, max: 2000 }, 'employees.acceptable.min', /between 0 and/);
    refuse({ min: 100, max: Number.POSITIVE_INFINITY }, 'employees.acceptable.max', /between 0 and/);
    refuse({ min: '50' as never, max: 2000 }, 'employees.acceptable.min', /between 0 and/);
    refuse({ min: 3000, max: 2000 }, 'employees.acceptable.min', /minimum must not exceed the maximum/);
    expect(readRange(doc, 'employees').acceptable).toEqual({ min: 100, max: 2000 });
  });

  it('refuse a bound beyond an open end of the ideal band (it would not hold the ideal band)', () => {
    const doc = new Y.Doc();
    // Ideal "at most 1,000" holds 0–199 too: an acceptable band starting at 50 would leave them out.
    writeRange(doc, 'employees', { max: 1000 });
    expectRefused(
      doc,
      () => writeAcceptableBand(doc, 'employees', { min: 50, max: 5000 }),
      'employees.acceptable.min',
    );
    writeAcceptableBand(doc, 'employees', { min: null, max: 5000 });
    expect(readRange(doc, 'employees').acceptable).toEqual({ min: null, max: 5000 });
    // Ideal "at least 10M" holds everything above: an acceptable maximum would cut it.
    writeRange(doc, 'revenue', { min: 10_000_000 });
    expectRefused(
      doc,
      () => writeAcceptableBand(doc, 'revenue', { min: 1_000_000, max: 500_000_000 }),
      'revenue.acceptable.max',
    );
    writeAcceptableBand(doc, 'revenue', { min: 1_000_000, max: null });
    expect(readRange(doc, 'revenue').acceptable).toEqual({ min: 1_000_000, max: null });
  });
});

describe('disqualifier rules in the Y.Doc', () => {
  it('are JSON text under `rule` of the item map and read back on disqualifiers', () => {
    const doc = new Y.Doc();
    const item = addListItem(doc, 'disqualifiers', 'Too small');
    expect(writeDisqualifierRule(doc, item.id, { field: 'employees', op: 'below', value: 10 })).toBe(true);
    expect(listOf(doc, 'disqualifiers').get(0).get('rule')).toBe(
      '{"field":"employees","op":"below","value":10}',
    );
    expect(readList(doc, 'disqualifiers')).toEqual([
      { id: item.id, text: 'Too small', rule: { field: 'employees', op: 'below', value: 10 } },
    ]);
    expect(toCanonical(doc).sections.disqualifiers).toEqual([
      { id: item.id, text: 'Too small', rule: { field: 'employees', op: 'below', value: 10 } },
    ]);
    // Trimmed as stored.
    writeDisqualifierRule(doc, item.id, { field: 'industry', op: 'is', values: [' Government '] });
    expect(readList(doc, 'disqualifiers')[0]!.rule).toEqual({
      field: 'industry',
      op: 'is',
      values: ['Government'],
    });
    // null makes it a manual check again.
    expect(writeDisqualifierRule(doc, item.id, null)).toBe(true);
    expect(readList(doc, 'disqualifiers')).toEqual([{ id: item.id, text: 'Too small' }]);
  });

  it('are false for an item another participant removed', () => {
    const doc = new Y.Doc();
    expect(writeDisqualifierRule(doc, 'gone', { field: 'employees', op: 'below', value: 10 })).toBe(false);
    expect(writeDisqualifierRule(doc, 'gone', null)).toBe(false);
  });

  it('are read only on disqualifiers, and a rule that does not parse reads as none', () => {
    const doc = new Y.Doc();
    const industry = addListItem(doc, 'industries', 'Fintech');
    listOf(doc, 'industries').get(0).set('rule', '{"field":"employees","op":"below","value":10}');
    expect(readList(doc, 'industries')).toEqual([{ id: industry.id, text: 'Fintech' }]);
    const item = addListItem(doc, 'disqualifiers', 'Odd');
    listOf(doc, 'disqualifiers').get(0).set('rule', '{"field":"employees","op":"below","value":-3}');
    expect(readList(doc, 'disqualifiers')).toEqual([{ id: item.id, text: 'Odd' }]);
    listOf(doc, 'disqualifiers').get(0).set('rule', '{not json');
    expect(readList(doc, 'disqualifiers')).toEqual([{ id: item.id, text: 'Odd' }]);
  });

  it('move with their item, with its evidence', () => {
    const doc = new Y.Doc();
    const first = addListItem(doc, 'disqualifiers', 'Education', testEvidence('industry', 'Education'));
    const second = addListItem(doc, 'disqualifiers', 'Tiny');
    writeDisqualifierRule(doc, first.id, {
      field: 'industry',
      op: 'is',
      values: ['Education', 'Public sector'],
    });
    writeDisqualifierRule(doc, second.id, { field: 'employees', op: 'below', value: 5 });
    const before = readList(doc, 'disqualifiers');
    expect(moveListItem(doc, 'disqualifiers', first.id, 1)).toBe(true);
    expect(readList(doc, 'disqualifiers')).toEqual([before[1], before[0]]);
    expect(readList(doc, 'disqualifiers')[1]).toEqual({
      id: first.id,
      text: 'Education',
      evidence: testEvidence('industry', 'Education'),
      rule: { field: 'industry', op: 'is', values: ['Education', 'Public sector'] },
    });
  });

  it('refuse a bad rule naming rule.<key>, changing nothing', () => {
    const doc = new Y.Doc();
    const item = addListItem(doc, 'disqualifiers', 'Rule');
    writeDisqualifierRule(doc, item.id, { field: 'employees', op: 'below', value: 10 });
    const refuse = (rule: unknown, field: string, message?: RegExp) =>
      expectRefused(doc, () => writeDisqualifierRule(doc, item.id, rule as never), field, message);
    refuse({ field: 'employees', op: 'below', value: -1 }, 'rule.value', /0 or more/);
    refuse({ field: 'revenue', op: 'above', value: 1e14 }, 'rule.value', /too large/);
    refuse({ field: 'industry', op: 'is', values: [] }, 'rule.values', /at least one value/);
    refuse({ field: 'technologies', op: 'uses', values: ['  '] }, 'rule.values.0', /must not be empty/);
    refuse({ field: 'employees', op: 'between', min: 10, max: 5 }, 'rule.min', /must not exceed/);
    refuse({ field: 'employees', op: 'between', min: null, max: null }, 'rule.min', /min or max/);
    refuse({ field: 'industry', op: 'uses', values: ['x'] }, 'rule.field', /must be technologies/);
    refuse({ field: 'technologies', op: 'is', values: ['x'] }, 'rule.field', /industry, country or region/);
    refuse({ field: 'nps', op: 'below', value: 1 }, 'rule.field', /employees or revenue/);
    refuse({ field: 'industry', op: 'between', min: 1, max: 2 }, 'rule.field', /employees or revenue/);
    refuse({ field: 'employees', op: 'below', value: 1, values: ['x'] }, 'rule');
    refuse({ field: 'industry', op: 'isNot', values: ['x'] }, 'rule.op', /is, uses, below, above or between/);
    refuse({ field: 'industry', values: ['x'] }, 'rule.op', /is, uses, below, above or between/);
    refuse(
      { field: 'industry', op: 'is', values: Array.from({ length: 21 }, (_, i) => `v${i}`) },
      'rule.values',
      /at most 20 values/,
    );
    // Not a rule at all: the field is the rule itself.
    refuse('employees < 10', 'rule');
    expect(readList(doc, 'disqualifiers')[0]!.rule).toEqual({ field: 'employees', op: 'below', value: 10 });
  });
});
