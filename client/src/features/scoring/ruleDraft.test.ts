import { describe, expect, it } from 'vitest';
import { guessRule, readRuleDraft, ruleDraftOf } from './ruleDraft.js';

describe('rule drafts', () => {
  it('turns a text field into "is" and technologies into "uses"', () => {
    const draft = ruleDraftOf(undefined);
    expect(readRuleDraft({ ...draft, values: 'Government, Education' })).toEqual({
      ok: true,
      rule: { field: 'industry', op: 'is', values: ['Government', 'Education'] },
    });
    expect(readRuleDraft({ ...draft, field: 'technologies', values: 'Oracle' })).toEqual({
      ok: true,
      rule: { field: 'technologies', op: 'uses', values: ['Oracle'] },
    });
    expect(readRuleDraft({ ...draft, values: ' , ' })).toEqual({
      ok: false,
      message: 'Name at least one value.',
    });
  });

  it('reads amounts as people type them, and says what is wrong', () => {
    const draft = { ...ruleDraftOf(undefined), field: 'revenue' as const };
    expect(readRuleDraft({ ...draft, comparison: 'below', value: '1.5M' })).toEqual({
      ok: true,
      rule: { field: 'revenue', op: 'below', value: 1_500_000 },
    });
    expect(readRuleDraft({ ...draft, comparison: 'above', value: '' })).toEqual({
      ok: false,
      message: 'Enter an amount.',
    });
    expect(readRuleDraft({ ...draft, comparison: 'below', value: '-3' })).toEqual({
      ok: false,
      message: 'Annual revenue must be 0 or more.',
    });
    expect(readRuleDraft({ ...draft, comparison: 'between', min: '', max: '10' })).toEqual({
      ok: true,
      rule: { field: 'revenue', op: 'between', min: null, max: 10 },
    });
    expect(readRuleDraft({ ...draft, comparison: 'between', min: '20', max: '10' })).toEqual({
      ok: false,
      message: 'The lower bound must not be above the upper bound.',
    });
    expect(readRuleDraft({ ...draft, comparison: 'between' })).toEqual({
      ok: false,
      message: 'Enter a lower bound, an upper bound or both.',
    });
  });

  it('starts from an existing rule', () => {
    expect(ruleDraftOf({ field: 'employees', op: 'between', min: 1000, max: null })).toMatchObject({
      field: 'employees',
      comparison: 'between',
      min: '1,000',
      max: '',
    });
    expect(ruleDraftOf({ field: 'country', op: 'is', values: ['FR', 'DE'] })).toMatchObject({
      field: 'country',
      values: 'FR, DE',
    });
  });

  it('guesses the rule of plain numeric disqualifiers only', () => {
    expect(guessRule('Fewer than 10 employees')).toEqual({ field: 'employees', op: 'below', value: 10 });
    expect(guessRule('Revenue under $1M')).toEqual({ field: 'revenue', op: 'below', value: 1_000_000 });
    expect(guessRule('More than 10,000 employees')).toEqual({
      field: 'employees',
      op: 'above',
      value: 10_000,
    });
    expect(guessRule('No dedicated sales team')).toBeUndefined();
    expect(guessRule('Government agencies')).toBeUndefined();
  });
});
