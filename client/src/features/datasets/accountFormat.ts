const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string): Intl.NumberFormat | null {
  if (!moneyFormats.has(currency)) {
    let format: Intl.NumberFormat | null = null;
    try {
      format = new Intl.NumberFormat('en-US', {
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
      });
    } catch {
      // Not an ISO currency code: shown after the number instead.
    }
    moneyFormats.set(currency, format);
  }
  return moneyFormats.get(currency) ?? null;
}

/**
 * Money, short: "$1.2M", "€250K", "1.2M XYZ" for a code Intl does not know, "1.2M" without a
 * currency. Null stays null (unknown is never shown as 0).
 */
export function formatMoney(value: number | null, currency: string | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (!currency) return compact.format(value);
  const format = moneyFormat(currency.toUpperCase());
  return format ? format.format(value) : `${compact.format(value)} ${currency}`;
}

/** "1,200" (employees, NPS); null stays null. */
export function formatNumber(value: number | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  return whole.format(value);
}

/** "Germany · Bavaria", "Germany", "Bavaria", or null. */
export function formatPlace(country: string | null, region: string | null): string | null {
  const parts = [country, region].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length ? parts.join(' · ') : null;
}

/** "296 accounts", or during a search "11 accounts match “acme”" (`total` counts the matches then). */
export function accountCountText(total: number, q: string): string {
  const all = `${whole.format(total)} ${total === 1 ? 'account' : 'accounts'}`;
  if (!q) return all;
  return `${all} ${total === 1 ? 'matches' : 'match'} “${q}”`;
}

/** "51–100 of 296". */
export function pageRangeText(total: number, first: number, shown: number): string {
  return `${whole.format(first)}–${whole.format(first + shown - 1)} of ${whole.format(total)}`;
}
