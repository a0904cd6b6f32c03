import type { IcpValueError } from '@bullseye/shared';
import { amountProblemText, type AmountReading } from './numberFormat.js';

export type AmountProblem = Extract<AmountReading, { ok: false }>['problem'];

/** "Minimum employees must be 0 or more.", "Maximum revenue: use digits like 1,200 or 1.2M." */
export function boundProblemText(
  bound: 'Minimum' | 'Maximum',
  noun: string,
  problem: AmountProblem,
  max: number,
): string {
  const text = amountProblemText(problem, max);
  return problem === 'unreadable' ? `${bound} ${noun}: ${text}.` : `${bound} ${noun} ${text}.`;
}

/** "Minimum employees must be 0 or more." from the shared validator's field and message. */
export function rangeErrorText(error: Pick<IcpValueError, 'field' | 'message'>, noun: string): string {
  if (error.message.startsWith('the '))
    return `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`;
  const bound = error.field.endsWith('.max') ? 'Maximum' : error.field.endsWith('.min') ? 'Minimum' : 'Value';
  return `${bound} ${noun} ${error.message}.`;
}
