import { ACCOUNT_STATUSES, type AccountStatus } from './fields.js';

/**
 * A dataset's accounts as typed columns, for statistics over up to a million accounts without
 * touching SQL. Text columns are dictionary-encoded: 0 is unknown and k is `dictionaries.x[k - 1]`;
 * `status` is 0 for unknown and the index in ACCOUNT_STATUSES plus one; numbers are NaN when
 * unknown. Account i runs the technologies `techValues[techOffsets[i]]` to
 * `techValues[techOffsets[i + 1] - 1]` (codes into `dictionaries.technologies`, each once).
 */
export interface AccountColumns {
  count: number;
  industry: Uint32Array;
  country: Uint32Array;
  region: Uint32Array;
  status: Uint8Array;
  employees: Float64Array;
  revenue: Float64Array;
  acv: Float64Array;
  ltv: Float64Array;
  nps: Float64Array;
  adoption: Float64Array;
  /** count + 1 offsets into techValues. */
  techOffsets: Uint32Array;
  techValues: Uint32Array;
  dictionaries: { industry: string[]; country: string[]; region: string[]; technologies: string[] };
}

/** One account as the builder takes it: null (or an empty text) is unknown. */
export interface ColumnRow {
  industry: string | null;
  country: string | null;
  region: string | null;
  status: AccountStatus | null;
  employees: number | null;
  revenue: number | null;
  acv: number | null;
  ltv: number | null;
  nps: number | null;
  adoption: number | null;
  technologies: readonly string[];
}

/** A row with every field unknown: spread it and set the fields known (`{ ...UNKNOWN_ROW, industry }`). */
export const UNKNOWN_ROW: Readonly<ColumnRow> = Object.freeze({
  industry: null,
  country: null,
  region: null,
  status: null,
  employees: null,
  revenue: null,
  acv: null,
  ltv: null,
  nps: null,
  adoption: null,
  technologies: [],
});

/**
 * How dictionary values are compared: trimmed and lowercased, so "fintech" and " FinTech" are one
 * value (the first spelling seen is the one kept).
 */
export function dictionaryKey(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * The code of `text` in a dictionary (1-based, matched as dictionaryKey does), or 0 when the
 * dictionary does not hold it.
 */
export function dictionaryCode(dictionary: readonly string[], text: string): number {
  const key = dictionaryKey(text);
  if (key === '') return 0;
  for (let i = 0; i < dictionary.length; i++) {
    if (dictionaryKey(dictionary[i]!) === key) return i + 1;
  }
  return 0;
}

/**
 * A lookup table over a dictionary's codes: 1 at the code of each value matching one of `texts`
 * (as dictionaryKey compares), 0 elsewhere and at 0 (unknown never matches).
 */
export function dictionaryMatches(dictionary: readonly string[], texts: Iterable<string>): Uint8Array {
  const keys = new Set<string>();
  for (const text of texts) keys.add(dictionaryKey(text));
  keys.delete('');
  const table = new Uint8Array(dictionary.length + 1);
  for (let i = 0; i < dictionary.length; i++) {
    if (keys.has(dictionaryKey(dictionary[i]!))) table[i + 1] = 1;
  }
  return table;
}

/** The status code of the columns: 0 for unknown, the index in ACCOUNT_STATUSES plus one. */
export function accountStatusCode(status: AccountStatus | null): number {
  return status === null ? 0 : ACCOUNT_STATUSES.indexOf(status) + 1;
}

/** Maps text to dictionary codes, keeping the first spelling of each case-insensitive value. */
class Dictionary {
  readonly values: string[] = [];
  /** Exact spellings seen, so the common case needs no lowercasing. */
  private readonly exact = new Map<string, number>();
  private readonly byKey = new Map<string, number>();

  code(text: string | null): number {
    if (text === null) return 0;
    const seen = this.exact.get(text);
    if (seen !== undefined) return seen;
    const key = dictionaryKey(text);
    let code = 0;
    if (key !== '') {
      code = this.byKey.get(key) ?? 0;
      if (code === 0) {
        this.values.push(text.trim());
        code = this.values.length;
        this.byKey.set(key, code);
      }
    }
    this.exact.set(text, code);
    return code;
  }
}

const INITIAL_CAPACITY = 1024;

type Growable = Uint8Array | Uint32Array | Float64Array;

/** A copy of `array` with room for `capacity` elements. */
function grown<T extends Growable>(array: T, capacity: number): T {
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

/** The first `length` elements; copied when the spare room would waste more than an eighth. */
function fitted<T extends Growable>(array: T, length: number): T {
  if (array.length === length) return array;
  return (array.length - length > array.length / 8 ? array.slice(0, length) : array.subarray(0, length)) as T;
}

const number = (value: number | null): number =>
  value === null || !Number.isFinite(value) ? Number.NaN : value;

/**
 * Builds AccountColumns one row at a time, with typed arrays that double when full, so a million
 * rows never exist as objects at once. `build()` ends the builder: `add` throws afterwards.
 */
export class AccountColumnsBuilder {
  private count = 0;
  private capacity = INITIAL_CAPACITY;
  private techCount = 0;
  private built = false;
  private industry = new Uint32Array(INITIAL_CAPACITY);
  private country = new Uint32Array(INITIAL_CAPACITY);
  private region = new Uint32Array(INITIAL_CAPACITY);
  private status = new Uint8Array(INITIAL_CAPACITY);
  private employees = new Float64Array(INITIAL_CAPACITY);
  private revenue = new Float64Array(INITIAL_CAPACITY);
  private acv = new Float64Array(INITIAL_CAPACITY);
  private ltv = new Float64Array(INITIAL_CAPACITY);
  private nps = new Float64Array(INITIAL_CAPACITY);
  private adoption = new Float64Array(INITIAL_CAPACITY);
  private techOffsets = new Uint32Array(INITIAL_CAPACITY + 1);
  private techValues = new Uint32Array(INITIAL_CAPACITY);
  private readonly dictionaries = {
    industry: new Dictionary(),
    country: new Dictionary(),
    region: new Dictionary(),
    technologies: new Dictionary(),
  };

  /** Appends one account; a technology named twice (in any case) counts once. */
  add(row: ColumnRow): void {
    if (this.built) throw new Error('AccountColumnsBuilder: add() after build()');
    if (this.count === this.capacity) this.grow();
    const i = this.count;
    this.industry[i] = this.dictionaries.industry.code(row.industry);
    this.country[i] = this.dictionaries.country.code(row.country);
    this.region[i] = this.dictionaries.region.code(row.region);
    this.status[i] = accountStatusCode(row.status);
    this.employees[i] = number(row.employees);
    this.revenue[i] = number(row.revenue);
    this.acv[i] = number(row.acv);
    this.ltv[i] = number(row.ltv);
    this.nps[i] = number(row.nps);
    this.adoption[i] = number(row.adoption);

    const start = this.techCount;
    for (const technology of row.technologies) {
      const code = this.dictionaries.technologies.code(technology);
      if (code === 0) continue;
      let duplicate = false;
      for (let j = start; j < this.techCount; j++) {
        if (this.techValues[j] === code) duplicate = true;
      }
      if (duplicate) continue;
      if (this.techCount === this.techValues.length) {
        this.techValues = grown(this.techValues, this.techValues.length * 2);
      }
      this.techValues[this.techCount++] = code;
    }
    this.count = i + 1;
    this.techOffsets[this.count] = this.techCount;
  }

  /** The columns of every row added, sized to fit. */
  build(): AccountColumns {
    this.built = true;
    const n = this.count;
    return {
      count: n,
      industry: fitted(this.industry, n),
      country: fitted(this.country, n),
      region: fitted(this.region, n),
      status: fitted(this.status, n),
      employees: fitted(this.employees, n),
      revenue: fitted(this.revenue, n),
      acv: fitted(this.acv, n),
      ltv: fitted(this.ltv, n),
      nps: fitted(this.nps, n),
      adoption: fitted(this.adoption, n),
      techOffsets: fitted(this.techOffsets, n + 1),
      techValues: fitted(this.techValues, this.techCount),
      dictionaries: {
        industry: this.dictionaries.industry.values,
        country: this.dictionaries.country.values,
        region: this.dictionaries.region.values,
        technologies: this.dictionaries.technologies.values,
      },
    };
  }

  private grow(): void {
    this.capacity *= 2;
    this.industry = grown(this.industry, this.capacity);
    this.country = grown(this.country, this.capacity);
    this.region = grown(this.region, this.capacity);
    this.status = grown(this.status, this.capacity);
    this.employees = grown(this.employees, this.capacity);
    this.revenue = grown(this.revenue, this.capacity);
    this.acv = grown(this.acv, this.capacity);
    this.ltv = grown(this.ltv, this.capacity);
    this.nps = grown(this.nps, this.capacity);
    this.adoption = grown(this.adoption, this.capacity);
    this.techOffsets = grown(this.techOffsets, this.capacity + 1);
  }
}

/** Columns built from rows, for tests and small datasets. */
export function accountColumnsOf(rows: Iterable<ColumnRow>): AccountColumns {
  const builder = new AccountColumnsBuilder();
  for (const row of rows) builder.add(row);
  return builder.build();
}

// ---------- binary form ----------

/** "BEAC": Bullseye account columns. */
const MAGIC = [0x42, 0x45, 0x41, 0x43] as const;
/** The version of the binary form encodeAccountColumns writes and decodeAccountColumns reads. */
export const ACCOUNT_COLUMNS_FORMAT_VERSION = 1;
/** Magic (4 bytes), version (uint32) and header length (uint32), all little-endian. */
const PREAMBLE_BYTES = 12;

interface Header {
  count: number;
  techCount: number;
  dictionaries: AccountColumns['dictionaries'];
}

type ArrayKind = 'u8' | 'u32' | 'f64';
const BYTES: Record<ArrayKind, number> = { u8: 1, u32: 4, f64: 8 };

/** The typed arrays in file order, with their kind and length. */
function layout(count: number, techCount: number) {
  return [
    ['industry', 'u32', count],
    ['country', 'u32', count],
    ['region', 'u32', count],
    ['status', 'u8', count],
    ['employees', 'f64', count],
    ['revenue', 'f64', count],
    ['acv', 'f64', count],
    ['ltv', 'f64', count],
    ['nps', 'f64', count],
    ['adoption', 'f64', count],
    ['techOffsets', 'u32', count + 1],
    ['techValues', 'u32', techCount],
  ] as const satisfies readonly (readonly [keyof AccountColumns, ArrayKind, number])[];
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The columns as bytes: "BEAC", the format version and the byte length of a UTF-8 JSON header
 * (count, technology count and dictionaries), then every typed array little-endian, each starting
 * on an 8-byte boundary, so decodeAccountColumns can view them in place.
 */
export function encodeAccountColumns(c: AccountColumns): Uint8Array {
  const header: Header = { count: c.count, techCount: c.techValues.length, dictionaries: c.dictionaries };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const arrays = layout(header.count, header.techCount);
  let size = align8(PREAMBLE_BYTES + headerBytes.length);
  for (const [, kind, length] of arrays) size = align8(size + BYTES[kind] * length);

  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(4, ACCOUNT_COLUMNS_FORMAT_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, PREAMBLE_BYTES);
  let offset = align8(PREAMBLE_BYTES + headerBytes.length);
  for (const [name, kind, length] of arrays) {
    const array = c[name];
    if (array.length !== length) throw new Error(`encodeAccountColumns: ${name} has the wrong length`);
    if (littleEndian || kind === 'u8') {
      out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    } else {
      for (let i = 0; i < length; i++) {
        if (kind === 'u32') view.setUint32(offset + 4 * i, array[i]!, true);
        else view.setFloat64(offset + 8 * i, array[i]!, true);
      }
    }
    offset = align8(offset + BYTES[kind] * length);
  }
  return out;
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Partial<Header>;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  const strings = (a: unknown) => Array.isArray(a) && a.every((s) => typeof s === 'string');
  const d = h.dictionaries;
  return (
    count(h.count) &&
    count(h.techCount) &&
    typeof d === 'object' &&
    d !== null &&
    strings(d.industry) &&
    strings(d.country) &&
    strings(d.region) &&
    strings(d.technologies)
  );
}

/**
 * Reads what encodeAccountColumns wrote. When `bytes` starts on an 8-byte boundary of its buffer
 * the columns are views into it (no copy: they share its memory); otherwise they are copies.
 * Throws on a foreign, newer or truncated input.
 */
export function decodeAccountColumns(bytes: Uint8Array): AccountColumns {
  if (bytes.length < PREAMBLE_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error('decodeAccountColumns: not account columns');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== ACCOUNT_COLUMNS_FORMAT_VERSION) {
    throw new Error(`decodeAccountColumns: unsupported version ${version}`);
  }
  const headerLength = view.getUint32(8, true);
  if (PREAMBLE_BYTES + headerLength > bytes.length) throw new Error('decodeAccountColumns: truncated');
  let header: unknown;
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength)),
    );
  } catch {
    throw new Error('decodeAccountColumns: unreadable header');
  }
  if (!isHeader(header)) throw new Error('decodeAccountColumns: unreadable header');

  const arrays = layout(header.count, header.techCount);
  let offset = align8(PREAMBLE_BYTES + headerLength);
  const columns: Partial<Record<keyof AccountColumns, Growable>> = {};
  for (const [name, kind, length] of arrays) {
    const byteLength = BYTES[kind] * length;
    if (offset + byteLength > bytes.length) throw new Error('decodeAccountColumns: truncated');
    columns[name] = readArray(bytes, view, offset, kind, length);
    offset = align8(offset + byteLength);
  }
  const c = {
    ...(columns as Omit<AccountColumns, 'count' | 'dictionaries'>),
    count: header.count,
    dictionaries: header.dictionaries,
  };
  if (c.techOffsets[0] !== 0 || c.techOffsets[c.count] !== header.techCount) {
    throw new Error('decodeAccountColumns: inconsistent technologies');
  }
  return c;
}

function readArray(
  bytes: Uint8Array,
  view: DataView,
  offset: number,
  kind: ArrayKind,
  length: number,
): Growable {
  const end = offset + BYTES[kind] * length;
  const aligned = bytes.byteOffset % 8 === 0;
  if (kind === 'u8') return aligned ? bytes.subarray(offset, end) : bytes.slice(offset, end);
  if (!littleEndian) {
    const out = kind === 'u32' ? new Uint32Array(length) : new Float64Array(length);
    for (let i = 0; i < length; i++) {
      out[i] = kind === 'u32' ? view.getUint32(offset + 4 * i, true) : view.getFloat64(offset + 8 * i, true);
    }
    return out;
  }
  const source = aligned ? bytes : bytes.slice(offset, end);
  const start = aligned ? bytes.byteOffset + offset : 0;
  return kind === 'u32'
    ? new Uint32Array(source.buffer, start, length)
    : new Float64Array(source.buffer, start, length);
}
