import type { IcpValueError, RangeValue, ScoringBand } from '@bullseye/shared';
import { amountProblemText } from '../../editor/numberFormat.js';
import type { AmountProblem } from '../../editor/rangeMessages.js';

/** "Lowest acceptable employees", "Highest acceptable revenue": the inputs' names. */
export function acceptableLabel(bound: 'min' | 'max', noun: string): string {
  return `${bound === 'min' ? 'Lowest' : 'Highest'} acceptable ${noun}`;
}

/** "Lowest acceptable employees must be 0 or more.", for what could not be read as an amount. */
export function acceptableProblemText(
  bound: 'min' | 'max',
  noun: string,
  problem: AmountProblem,
  max: number,
) {
  const text = amountProblemText(problem, max);
  const label = acceptableLabel(bound, noun);
  return problem === 'unreadable' ? `${label}: ${text}.` : `${label} ${text}.`;
}

/**
 * "Lowest acceptable employees must be at most the ideal minimum." from writeAcceptableBand's
 * field (`employees.acceptable.min`) and message.
 */
export function acceptableErrorText(error: Pick<IcpValueError, 'field' | 'message'>, noun: string): string {
  if (error.message.startsWith('the ')) return `In the acceptable band, ${error.message}.`;
  return `${acceptableLabel(error.field.endsWith('.max') ? 'max' : 'min', noun)} ${error.message}.`;
}

/**
 * The acceptable band scoring uses, when it differs from the stored one: scoring always widens it
 * to hold the ideal band (say the ideal band was widened after the acceptable one was set), and an
 * open ideal bound leaves it open. Null when scoring uses the band as stored (or there is none).
 */
export function widenedAcceptable(range: RangeValue): ScoringBand | null {
  const stored = range.acceptable;
  if (!stored || (range.min === null && range.max === null)) return null;
  const used = {
    min: stored.min === null || range.min === null ? null : Math.min(stored.min, range.min),
    max: stored.max === null || range.max === null ? null : Math.max(stored.max, range.max),
  };
  return used.min === stored.min && used.max === stored.max ? null : used;
}
