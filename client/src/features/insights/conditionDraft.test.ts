import { describe, expect, it } from 'vitest';
import type { BestCustomerCondition } from '@bullseye/shared';
import {
  conditionOf,
  draftOf,
  newDraft,
  readNumber,
  splitValues,
  suggestedDefinition,
  withField,
} from './conditionDraft.js';
import { definitionWords, formatLift, formatLiftWithInterval, formatShare } from './format.js';

describe('condition drafts', () => {
  it('round-trips stored conditions', () => {
    for (const condition of [
      { op: 'in', field: 'status', values: ['customer', 'won'] },
      { op: 'in', field: 'industry', values: ['Fintech', 'Software'] },
      { op: 'atLeast', field: 'nps', value: 50 },
      { op: 'atMost', field: 'employees', value: -1.5 },
      { op: 'top', field: 'ltv', percent: 25 },
    ] satisfies BestCustomerCondition[]) {
      expect(conditionOf(draftOf(condition))).toEqual({ ok: true, condition });
    }
  });

  it('says what is missing instead of storing an incomplete condition', () => {
    expect(conditionOf({ field: 'status', op: 'in', statuses: [], text: '' })).toEqual({
      ok: false,
      problem: 'Tick at least one status.',
    });
    expect(conditionOf({ field: 'industry', op: 'in', statuses: [], text: ' , ,' })).toMatchObject({
      ok: false,
    });
    expect(conditionOf({ field: 'nps', op: 'atLeast', statuses: [], text: '' })).toEqual({
      ok: false,
      problem: 'Type a number.',
    });
    expect(conditionOf({ field: 'nps', op: 'atLeast', statuses: [], text: 'lots' })).toMatchObject({
      ok: false,
    });
    expect(conditionOf({ field: 'ltv', op: 'top', statuses: [], text: '100' })).toEqual({
      ok: false,
      problem: 'The percentage must be 1 to 99.',
    });
  });

  it('reads values and numbers as people type them', () => {
    expect(splitValues(' Fintech,  Software , fintech,, ')).toEqual(['Fintech', 'Software']);
    expect(readNumber('1,200')).toBe(1200);
    expect(readNumber('2.5M')).toBe(2_500_000);
    expect(readNumber('$48k')).toBe(48_000);
    expect(readNumber('−20')).toBe(-20);
    expect(readNumber('25%')).toBe(25);
    expect(readNumber('1e5')).toBeNull();
  });

  it('keeps the comparison between numeric fields, and starts text fields afresh', () => {
    const ltv = draftOf({ op: 'top', field: 'ltv', percent: 25 });
    expect(withField(ltv, 'acv')).toEqual({ ...ltv, field: 'acv' });
    expect(withField(ltv, 'industry')).toEqual({ field: 'industry', op: 'in', statuses: [], text: '' });
    expect(withField(draftOf({ op: 'in', field: 'country', values: ['DE'] }), 'nps').op).toBe('atLeast');
  });

  it('starts a new row on a field not used yet that the dataset has', () => {
    expect(newDraft(['status'], ['status', 'ltv', 'industry']).field).toBe('industry');
    expect(newDraft(['status', 'industry'], ['status', 'ltv', 'industry']).field).toBe('ltv');
  });
});

describe('suggestedDefinition', () => {
  const id = '8d7f1f7e-5a43-4c1e-9a55-1f3f8a0f2b11';
  it('offers customers, top quarter by LTV and NPS 50+, as far as the dataset has them', () => {
    expect(suggestedDefinition({ id, fields: ['status', 'ltv', 'nps', 'industry'] })).toEqual({
      datasetId: id,
      comparison: 'all',
      conditions: [
        { op: 'in', field: 'status', values: ['customer'] },
        { op: 'top', field: 'ltv', percent: 25 },
        { op: 'atLeast', field: 'nps', value: 50 },
      ],
    });
    expect(suggestedDefinition({ id, fields: ['status', 'industry'] }, 'wonLost')?.conditions).toHaveLength(
      1,
    );
    expect(suggestedDefinition({ id, fields: ['industry'] })).toBeNull();
  });
});

describe('insight wording', () => {
  it('describes a definition in words', () => {
    expect(
      definitionWords([
        { op: 'in', field: 'status', values: ['customer'] },
        { op: 'top', field: 'ltv', percent: 25 },
        { op: 'atLeast', field: 'nps', value: 50 },
      ]),
    ).toBe('status is customer · LTV in the top 25% · NPS at least 50');
    expect(definitionWords([{ op: 'atLeast', field: 'acv', value: 48_200 }])).toBe('ACV at least 48.2K');
    expect(definitionWords([])).toBe('every account');
  });

  it('formats lifts and shares', () => {
    expect(formatLift(2.14)).toBe('2.1×');
    expect(formatLift(0.45)).toBe('0.45×');
    expect(formatLift(0.5)).toBe('0.5×');
    expect(formatLift(14.2)).toBe('14×');
    expect(formatLift(0)).toBe('0×');
    expect(formatLiftWithInterval(0, 0, 0.51)).toBe('0× (0–0.51)');
    expect(formatLiftWithInterval(2.1, 1.6, 2.7)).toBe('2.1× (1.6–2.7)');
    expect(formatShare(0.381)).toBe('38%');
    expect(formatShare(0.001)).toBe('<1%');
    expect(formatShare(0)).toBe('0%');
  });
});
