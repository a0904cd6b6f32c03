/** Parses what people type for amounts: "1,200", "250k", "2.5M", "1B". Null for empty; NaN if unreadable. */
export function parseAmount(text: string): number | null {
  const clean = text.replace(/[\s,_]/g, '').replace(/^[$€£¥]/, '');
  if (clean === '') return null;
  const match = /^(\d+(?:\.\d+)?)([kmbt])?$/i.exec(clean);
  if (!match) return Number.NaN;
  const factor = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[(match[2] ?? '').toLowerCase()] ?? 1;
  return Math.round(Number(match[1]) * factor);
}

const plain = new Intl.NumberFormat('en-US');

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
