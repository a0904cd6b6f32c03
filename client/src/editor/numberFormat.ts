const plain = new Intl.NumberFormat('en-US');

/** What reading an amount gave: a value (null for empty), or what is wrong with the text. */
export type AmountReading =
  { ok: true; value: number | null } | { ok: false; problem: 'negative' | 'too_large' | 'unreadable' };

/**
 * Reads what people type for amounts: "1,200", "250k", "2.5M", "1B", "$3M". Empty is null. A
 * minus sign, an amount above `max` and anything else (letters, "1e30", two dots) each get their
 * own problem, so the message can say what to change.
 */
export function readAmount(text: string, max: number = Number.MAX_SAFE_INTEGER): AmountReading {
  const clean = text
    .replace(/[\s,_]/g, '')
    .replace(/[\u2212\u2012-\u2014]/g, '-')
    .replace(/^([+-]?)[$€£¥]/, '$1');
  if (clean === '') return { ok: true, value: null };
  const match = /^([+-]?)(\d+(?:\.\d+)?|\.\d+)([kmbt])?$/i.exec(clean);
  if (!match) return { ok: false, problem: 'unreadable' };
  const factor = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[(match[3] ?? '').toLowerCase()] ?? 1;
  const value = Math.round(Number(match[2]) * factor);
  if (match[1] === '-' && value !== 0) return { ok: false, problem: 'negative' };
  if (value > max) return { ok: false, problem: 'too_large' };
  return { ok: true, value };
}

/** Parses an amount: null for empty, NaN if it cannot be read or is negative. */
export function parseAmount(text: string): number | null {
  const reading = readAmount(text);
  return reading.ok ? reading.value : Number.NaN;
}

/** "must be 0 or more", "must be at most 10,000,000", "use digits like 1,200 or 1.2M". */
export function amountProblemText(problem: 'negative' | 'too_large' | 'unreadable', max: number): string {
  switch (problem) {
    case 'negative':
      return 'must be 0 or more';
    case 'too_large':
      return `must be at most ${plain.format(max)}`;
    case 'unreadable':
      return 'use digits like 1,200 or 1.2M';
  }
}

/** "1,200" for inputs: exact, so what is shown is what is stored. */
export function formatExact(value: number | null): string {
  return value === null ? '' : plain.format(value);
}

/** "$10M", "€250K", "1,000 employees": short, for summaries. */
export function formatCompact(value: number, currency?: string): string {
  const options: Intl.NumberFormatOptions = { notation: 'compact', maximumFractionDigits: 1 };
  if (currency) Object.assign(options, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
  return new Intl.NumberFormat('en-US', options).format(value);
}
