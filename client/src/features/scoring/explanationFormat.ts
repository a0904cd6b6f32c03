import type { CriterionOutcome, ScoreResult } from '@bullseye/shared';

/** How an outcome reads in the explanation: a sign and a word. */
export const OUTCOME_TEXT: Record<CriterionOutcome, { sign: string; word: string }> = {
  match: { sign: '✓', word: 'Match' },
  ideal: { sign: '✓', word: 'Ideal' },
  acceptable: { sign: '½', word: 'Acceptable' },
  miss: { sign: '✗', word: 'Miss' },
  unknown: { sign: '?', word: 'Unknown' },
};

/** "12", "8.3": points as the explanation shows them (to one decimal, as scoring rounds them). */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

/**
 * "Based on 80% of the criteria's weight; unknown: Revenue, Technologies." — how much of the
 * profile the account's data covered.
 */
export function confidenceText(result: Pick<ScoreResult, 'confidence' | 'criteria'>): string {
  const share = `Based on ${Math.round(result.confidence * 100)}% of the criteria’s weight`;
  const unknown = result.criteria.filter((c) => c.outcome === 'unknown' && c.weight > 0).map((c) => c.label);
  return unknown.length > 0 ? `${share}; unknown: ${unknown.join(', ')}.` : `${share}.`;
}
