/**
 * How long a piece of text counts as, measured the way the validators measure it, and what to tell
 * a person typing it. Inputs never cut text at a limit (a pasted paragraph cut mid-word is a silent
 * loss): they show a counter near the limit and refuse, with the overshoot, past it.
 */

/** How a field's text is cleaned before its length is checked. */
export type TextMeasure =
  /** Leading and trailing whitespace dropped (titles, names, comments, notes). */
  | 'trim'
  /** Every run of whitespace made one space, then trimmed (list criteria: one line each). */
  | 'collapse'
  /** Counted as typed (passwords). */
  | 'exact';

/** One line of criterion text as it is stored: whitespace runs become one space, ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The length the validator sees, in UTF-16 code units like zod's `.max()`. */
export function measuredLength(text: string, measure: TextMeasure = 'trim'): number {
  if (measure === 'exact') return text.length;
  return (measure === 'collapse' ? collapseWhitespace(text) : text.trim()).length;
}

/** Where a text stands against its limit. */
export interface LengthState {
  length: number;
  max: number;
  /** Characters over the limit; 0 when it fits. */
  over: number;
  /** Close enough to the limit (90% or more, or over it) that a counter should show. */
  near: boolean;
}

/** The share of the limit from which a counter appears (72 of 80, 3,600 of 4,000). */
export const NEAR_LIMIT_SHARE = 0.9;

export function lengthState(text: string, max: number, measure: TextMeasure = 'trim'): LengthState {
  const length = measuredLength(text, measure);
  return {
    length,
    max,
    over: Math.max(0, length - max),
    near: length >= Math.floor(max * NEAR_LIMIT_SHARE),
  };
}

const count = new Intl.NumberFormat('en-US');

/** "72 / 80", "3,950 / 4,000". */
export function lengthCounter(length: number, max: number): string {
  return `${count.format(length)} / ${count.format(max)}`;
}

/** "Too long by 107 characters — shorten it to add" (`action`: add, post, save, …). */
export function tooLongMessage(over: number, action: string): string {
  return `Too long by ${count.format(over)} ${over === 1 ? 'character' : 'characters'} — shorten it to ${action}`;
}
