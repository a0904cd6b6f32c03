/** Cells that mean "no date" in CRM exports (compared lowercased). */
const UNKNOWN = new Set(['', '-', '—', '–', 'n/a', 'na', 'null', 'unknown', 'none']);

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+/;

/** An optional time after a date: `10:00`, `10:00:00.000Z`, `3:15 PM`, `T10:00+02:00`. */
const TIME = String.raw`(?:(?:[t\s]|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|gmt|[-+]\d{2}:?\d{2})?)?`;

const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})${TIME}$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\.?${TIME}$`);
const MONTH_FIRST = new RegExp(
  String.raw`^([a-z]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})${TIME}$`,
);
const DAY_FIRST = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})${TIME}$`,
);

/**
 * Reads a date cell of a CRM export as `YYYY-MM-DD`: ISO dates and datetimes, US `03/05/2024` and
 * `3/5/24` (day first when the first number is over 12), `05.03.2024` (day first), epoch
 * milliseconds (HubSpot) or seconds, `Mar 5, 2024`, `5 March 2024`. The date is taken as written:
 * a time and offset after it are checked but do not move it. Returns null when the cell says
 * nothing, and 'invalid' when it is not a real calendar date.
 */
export function parseAccountDate(cell: string): string | null | 'invalid' {
  const s = cell
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
  if (UNKNOWN.has(s)) return null;

  if (/^\d{10}$/.test(s)) return fromEpoch(Number(s) * 1000);
  if (/^\d{12,13}$/.test(s)) return fromEpoch(Number(s));

  let m = ISO.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), m);

  m = SLASHED.exec(s);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    const year = fullYear(m[3]!);
    return first > 12 ? checked(year, second, first, m) : checked(year, first, second, m);
  }

  m = DOTTED.exec(s);
  if (m) return checked(fullYear(m[3]!), Number(m[2]), Number(m[1]), m);

  const named = s.replace(WEEKDAY, '');
  m = MONTH_FIRST.exec(named);
  if (m) {
    const month = MONTHS[m[1]!];
    return month ? checked(Number(m[3]), month, Number(m[2]), m) : 'invalid';
  }
  m = DAY_FIRST.exec(named);
  if (m) {
    const month = MONTHS[m[2]!];
    return month ? checked(fullYear(m[3]!), month, Number(m[1]), m) : 'invalid';
  }
  return 'invalid';
}

/** Two-digit years the way spreadsheets read them: 00–68 → 2000s, 69–99 → 1900s. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 69 ? 2000 + year : 1900 + year;
}

function fromEpoch(ms: number): string | 'invalid' {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString().slice(0, 10);
}

/** Formats a date after checking it exists, and that a time after it (groups 4–6) is a real time. */
function checked(year: number, month: number, day: number, match: RegExpExecArray): string | 'invalid' {
  const [hour, minute, second] = [match[4], match[5], match[6]].map((g) => (g === undefined ? 0 : Number(g)));
  if (hour! > 23 || minute! > 59 || second! > 59) return 'invalid';
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'invalid';
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
