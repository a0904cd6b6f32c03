import { describe, expect, it } from 'vitest';
import { acceptableErrorText, acceptableProblemText, widenedAcceptable } from './acceptableBand.js';

describe('acceptable bands', () => {
  it('names the bound in messages', () => {
    expect(
      acceptableErrorText(
        { field: 'employees.acceptable.min', message: 'must be at most the ideal minimum' },
        'employees',
      ),
    ).toBe('Lowest acceptable employees must be at most the ideal minimum.');
    expect(
      acceptableErrorText(
        { field: 'revenue.acceptable.min', message: 'the minimum must not exceed the maximum' },
        'revenue',
      ),
    ).toBe('In the acceptable band, the minimum must not exceed the maximum.');
    expect(acceptableProblemText('max', 'revenue', 'unreadable', 100)).toBe(
      'Highest acceptable revenue: use digits like 1,200 or 1.2M.',
    );
    expect(acceptableProblemText('min', 'employees', 'negative', 100)).toBe(
      'Lowest acceptable employees must be 0 or more.',
    );
  });

  it('says which band scoring uses when the ideal band moved past the acceptable one', () => {
    expect(widenedAcceptable({ min: 200, max: 1000, acceptable: { min: 50, max: 5000 } })).toBeNull();
    expect(widenedAcceptable({ min: 20, max: 1000, acceptable: { min: 50, max: 5000 } })).toEqual({
      min: 20,
      max: 5000,
    });
    expect(widenedAcceptable({ min: null, max: 1000, acceptable: { min: 50, max: 5000 } })).toEqual({
      min: null,
      max: 5000,
    });
    expect(widenedAcceptable({ min: 200, max: 1000 })).toBeNull();
  });
});
