import { describe, expect, it } from 'vitest';
import { amountProblemText, formatExact, parseAmount, readAmount } from './numberFormat.js';
import { boundProblemText, rangeErrorText } from './rangeMessages.js';
import { titleProblem } from './titleMessages.js';

describe('reading amounts', () => {
  it('reads digits, separators, shorthand and currency signs', () => {
    expect(readAmount('1,200')).toEqual({ ok: true, value: 1200 });
    expect(readAmount(' 250k ')).toEqual({ ok: true, value: 250_000 });
    expect(readAmount('1.2M')).toEqual({ ok: true, value: 1_200_000 });
    expect(readAmount('$3B')).toEqual({ ok: true, value: 3e9 });
    expect(readAmount('.5k')).toEqual({ ok: true, value: 500 });
    expect(readAmount('')).toEqual({ ok: true, value: null });
    expect(readAmount('0')).toEqual({ ok: true, value: 0 });
    expect(readAmount('-0')).toEqual({ ok: true, value: 0 });
  });

  it('tells a negative, a too-large and an unreadable amount apart', () => {
    expect(readAmount('-5')).toEqual({ ok: false, problem: 'negative' });
    expect(readAmount('−5')).toEqual({ ok: false, problem: 'negative' });
    expect(readAmount('-$2M')).toEqual({ ok: false, problem: 'negative' });
    expect(readAmount('11M', 10_000_000)).toEqual({ ok: false, problem: 'too_large' });
    expect(readAmount('10M', 10_000_000)).toEqual({ ok: true, value: 10_000_000 });
    expect(readAmount('1e30')).toEqual({ ok: false, problem: 'unreadable' });
    expect(readAmount('ten')).toEqual({ ok: false, problem: 'unreadable' });
    expect(readAmount('1.2.3')).toEqual({ ok: false, problem: 'unreadable' });
    expect(parseAmount('1e30')).toBeNaN();
    expect(formatExact(1200)).toBe('1,200');
  });

  it('words each problem so people know what to type', () => {
    expect(amountProblemText('negative', 10)).toBe('must be 0 or more');
    expect(amountProblemText('too_large', 10_000_000)).toBe('must be at most 10,000,000');
    expect(amountProblemText('unreadable', 10)).toBe('use digits like 1,200 or 1.2M');
    expect(boundProblemText('Minimum', 'employees', 'negative', 10_000_000)).toBe(
      'Minimum employees must be 0 or more.',
    );
    expect(boundProblemText('Maximum', 'revenue', 'too_large', 1e13)).toBe(
      'Maximum revenue must be at most 10,000,000,000,000.',
    );
    expect(boundProblemText('Maximum', 'revenue', 'unreadable', 1e13)).toBe(
      'Maximum revenue: use digits like 1,200 or 1.2M.',
    );
  });

  it('turns the shared validator’s range messages into sentences', () => {
    expect(rangeErrorText({ field: 'employees.min', message: 'must be 0 or more' }, 'employees')).toBe(
      'Minimum employees must be 0 or more.',
    );
    expect(
      rangeErrorText(
        { field: 'employees.min', message: 'the minimum must not exceed the maximum' },
        'employees',
      ),
    ).toBe('The minimum must not exceed the maximum.');
  });
});

describe('title messages', () => {
  it('never doubles the field name, and says the title was kept', () => {
    expect(titleProblem('title: must not be empty', 'Mid-market SaaS')).toBe(
      'The title can’t be empty, so it is still “Mid-market SaaS”.',
    );
    expect(titleProblem('must not be empty', 'A')).toBe('The title can’t be empty, so it is still “A”.');
    expect(titleProblem('must be at most 120 characters', 'A')).toBe(
      'The title must be at most 120 characters. Shorten it to save.',
    );
    expect(titleProblem('title: must not contain control characters', 'A')).toBe(
      'The title must not contain control characters, so it is still “A”.',
    );
    expect(titleProblem('You may not rename this ICP', 'A')).not.toMatch(/title title/i);
  });
});
