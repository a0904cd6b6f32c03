/** Cells that mean "no value" in CRM exports (compared lowercased). */
const UNKNOWN = new Set(['', '-', '—', '–', 'n/a', 'na', 'null', 'unknown', 'none']);

/** Common currency codes written before or after an amount (`USD 5M`, `5M EUR`). */
const CURRENCY_CODES = new Set([
  'usd',
  'eur',
  'gbp',
  'jpy',
  'cny',
  'rmb',
  'chf',
  'cad',
  'aud',
  'nzd',
  'sek',
  'nok',
  'dkk',
  'pln',
  'czk',
  'huf',
  'ron',
  'inr',
  'brl',
  'mxn',
  'zar',
  'sgd',
  'hkd',
  'krw',
  'ils',
  'aed',
  'sar',
  'try',
  'rub',
]);

/** Currency symbols, including the prefixed dollars (`US$`, `A$`, `C$`, `R$`). */
const CURRENCY_SYMBOL = /^(?:us\$|a\$|c\$|nz\$|hk\$|s\$|r\$|[$€£¥₹₩₽₺₪₫฿₱₦])/;
const CURRENCY_SYMBOL_END = /(?:us\$|a\$|c\$|nz\$|hk\$|s\$|r\$|[$€£¥₹₩₽₺₪₫฿₱₦])$/;

/** Magnitude suffixes, as powers of ten (lowercased). */
const SUFFIXES: Record<string, number> = {
  k: 3,
  thousand: 3,
  m: 6,
  mm: 6,
  mn: 6,
  million: 6,
  b: 9,
  bn: 9,
  billion: 9,
  t: 12,
  trillion: 12,
};

/**
 * Reads a number cell of a CRM export: `1,200`, `1.2M`, `$5M`, `5 000`, `€1.5k`, `USD 5M`, `12%`,
 * `(1,200)`, `1e6`, `1.234,56`. Returns null when the cell says nothing (empty, `-`, `n/a`…), never
 * zero, and 'invalid' when it is not one number.
 */
export function parseAccountNumber(cell: string): number | null | 'invalid' {
  let s = cell
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim()
    .toLowerCase();
  if (UNKNOWN.has(s)) return null;

  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(s);
  if (parenthesised) {
    negative = true;
    s = parenthesised[1]!.trim();
  }

  // A sign may come before or after a leading currency (`-$5M`, `$-5M`), but only once.
  let signs = 0;
  const takeSign = (): void => {
    const sign = /^[-+]\s*/.exec(s);
    if (!sign) return;
    signs += 1;
    if (sign[0].startsWith('-')) negative = !negative;
    s = s.slice(sign[0].length);
  };
  takeSign();
  s = stripCurrency(s);
  takeSign();
  if (signs > 1 || (signs === 1 && parenthesised)) return 'invalid';

  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();

  let exponent = 0;
  const suffix = /^(.*?\d)\s*([a-z]+)$/.exec(s);
  if (suffix) {
    const power = SUFFIXES[suffix[2]!];
    if (power === undefined) return 'invalid';
    exponent = power;
    s = suffix[1]!;
  }

  let digits: string | null;
  if (/^\d+(?:\.\d+)?e[-+]?\d+$/.test(s) && exponent === 0) digits = s;
  else digits = plainDecimal(s);
  if (digits === null) return 'invalid';

  const value = Number(`${negative ? '-' : ''}${digits}${exponent ? `e${exponent}` : ''}`);
  if (!Number.isFinite(value)) return 'invalid';
  return value === 0 ? 0 : value;
}

/** Drops one currency symbol or code from the start or the end of `s`. */
function stripCurrency(s: string): string {
  const symbol = CURRENCY_SYMBOL.exec(s);
  if (symbol) return s.slice(symbol[0].length).trimStart();
  const symbolEnd = CURRENCY_SYMBOL_END.exec(s);
  if (symbolEnd) return s.slice(0, -symbolEnd[0].length).trimEnd();
  const code = /^([a-z]{3})\s*(?=[-+\d.,(])/.exec(s);
  if (code && CURRENCY_CODES.has(code[1]!)) return s.slice(code[0].length);
  const codeEnd = /(?<=[\d%a-z])\s*([a-z]{3})$/.exec(s);
  if (codeEnd && CURRENCY_CODES.has(codeEnd[1]!)) return s.slice(0, codeEnd.index);
  return s;
}

/**
 * Turns digits with group and decimal separators into a plain `123.45` string, or null when the
 * separators do not make one number.
 */
function plainDecimal(s: string): string | null {
  if (!/^[\d.,' ’]+$/.test(s) || !/\d/.test(s)) return null;

  // Spaces and apostrophes only ever group thousands: `5 000`, `1'000'000`.
  if (/[ '’]/.test(s)) {
    const decimal = /^([\d ’']+?)(?:[.,](\d+))?$/.exec(s);
    if (!decimal) return null;
    const whole = groupedInteger(decimal[1]!, /[ '’]/);
    if (whole === null) return null;
    return decimal[2] === undefined ? whole : `${whole}.${decimal[2]}`;
  }

  const commas = count(s, ',');
  const dots = count(s, '.');
  if (commas === 0 && dots === 0) return s;

  if (commas > 0 && dots > 0) {
    // The last separator is the decimal point; the other one groups thousands.
    const decimalSep = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const groupSep = decimalSep === ',' ? '.' : ',';
    if (count(s, decimalSep) !== 1) return null;
    const [whole, fraction] = s.split(decimalSep) as [string, string];
    if (!/^\d+$/.test(fraction)) return null;
    const integer = groupedInteger(whole, groupSep);
    return integer === null ? null : `${integer}.${fraction}`;
  }

  const sep = commas > 0 ? ',' : '.';
  if (count(s, sep) > 1) return groupedInteger(s, sep);

  const [whole, fraction] = s.split(sep) as [string, string];
  if (!/^\d+$/.test(fraction) || !/^\d*$/.test(whole)) return null;
  // A lone comma before exactly three digits groups thousands (`1,200`), unless the whole part
  // is zero (`0,750`); any other lone separator is a decimal point (`1,5`, `1.200`).
  if (sep === ',' && fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) return whole + fraction;
  return `${whole || '0'}.${fraction}`;
}

/** `1,200,000` → `1200000` when every group after the first has exactly three digits. */
function groupedInteger(s: string, sep: string | RegExp): string | null {
  const groups = s.split(sep);
  const [first, ...rest] = groups;
  if (!first || !/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) return null;
  if (rest.length > 0 && /^0/.test(first)) return null;
  return groups.join('');
}

function count(s: string, char: string): number {
  return s.split(char).length - 1;
}
