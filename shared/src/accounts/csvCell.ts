/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell of an exported CSV, safe to open in a spreadsheet: finite numbers as plain digits
 * (`1200000`, `0.0000001`, never `1e-7`), null, undefined and non-finite numbers as empty, and text
 * starting with `=`, `+`, `-`, `@`, tab or CR behind a `'` so it is not run as a formula; quoted,
 * with quotes doubled, when it holds the delimiter, a quote or a line break.
 */
export function csvCell(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? plainNumber(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of an exported CSV, without the line break. */
export function csvLine(cells: readonly (string | number | null | undefined)[], delimiter = ','): string {
  return cells.map((cell) => csvCell(cell, delimiter)).join(delimiter);
}

/** The shortest round-tripping decimal of `value` written out without an exponent. */
function plainNumber(value: number): string {
  const text = String(value === 0 ? 0 : value);
  const exponential = /^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(text);
  if (!exponential) return text;
  const [, sign, lead, rest = '', exp] = exponential;
  const digits = `${lead}${rest}`;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
}
