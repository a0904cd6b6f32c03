import { describe, expect, it } from 'vitest';
import type { CriterionScore } from '@bullseye/shared';
import { confidenceText, formatPoints } from './explanationFormat.js';

const line = (label: string, outcome: CriterionScore['outcome'], weight = 2) =>
  ({ label, outcome, weight }) as CriterionScore;

describe('explanation wording', () => {
  it('shows points to one decimal, whole numbers without one', () => {
    expect(formatPoints(40)).toBe('40');
    expect(formatPoints(16.7)).toBe('16.7');
    expect(formatPoints(0)).toBe('0');
  });

  it('says how much of the weight had data, naming what was unknown', () => {
    expect(confidenceText({ confidence: 1, criteria: [line('Industries', 'match')] })).toBe(
      'Based on 100% of the criteria’s weight.',
    );
    expect(
      confidenceText({
        confidence: 0.6,
        criteria: [
          line('Industries', 'miss', 3),
          line('Annual revenue', 'unknown'),
          line('Technologies', 'unknown', 0),
        ],
      }),
    ).toBe('Based on 60% of the criteria’s weight; unknown: Annual revenue.');
  });
});
