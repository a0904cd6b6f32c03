import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_COLUMNS_FORMAT_VERSION,
  AccountColumnsBuilder,
  UNKNOWN_ROW,
  accountColumnsOf,
  decodeAccountColumns,
  dictionaryCode,
  dictionaryMatches,
  encodeAccountColumns,
  accountStatusCode,
  type AccountColumns,
} from './accountColumns.js';

const sample = (): AccountColumns =>
  accountColumnsOf([
    {
      ...UNKNOWN_ROW,
      industry: 'FinTech',
      country: 'Germany',
      region: 'Bavaria',
      status: 'customer',
      employees: 250,
      revenue: 12_000_000,
      acv: 24_000,
      ltv: 96_000,
      nps: 55,
      adoption: 0.8,
      technologies: ['Salesforce', 'Snowflake', 'salesforce '],
    },
    { ...UNKNOWN_ROW, industry: ' fintech ', status: 'lost', technologies: ['Slack'] },
    { ...UNKNOWN_ROW, industry: '', country: 'germany', employees: Number.NaN, nps: -20 },
    { ...UNKNOWN_ROW, industry: 'Education', status: 'prospect', technologies: ['SALESFORCE', ''] },
  ]);

describe('AccountColumnsBuilder', () => {
  it('dictionary-encodes text ignoring case and spacing, keeping the first spelling; empty is unknown', () => {
    const c = sample();
    expect(c.count).toBe(4);
    expect(c.dictionaries.industry).toEqual(['FinTech', 'Education']);
    expect([...c.industry]).toEqual([1, 1, 0, 2]);
    expect(c.dictionaries.country).toEqual(['Germany']);
    expect([...c.country]).toEqual([1, 0, 1, 0]);
    expect([...c.region]).toEqual([1, 0, 0, 0]);
  });

  it('codes statuses as their index in ACCOUNT_STATUSES plus one, 0 for unknown', () => {
    expect([...sample().status]).toEqual([1, 3, 0, 5]);
    expect(accountStatusCode(null)).toBe(0);
    expect(accountStatusCode('churned')).toBe(4);
  });

  it('keeps numbers, with NaN for unknown and for non-finite input', () => {
    const c = sample();
    expect([...c.employees]).toEqual([250, Number.NaN, Number.NaN, Number.NaN]);
    expect([...c.nps]).toEqual([55, Number.NaN, -20, Number.NaN]);
    expect(c.adoption[0]).toBe(0.8);
  });

  it('stores each account technologies once, as offsets into one value column', () => {
    const c = sample();
    expect(c.dictionaries.technologies).toEqual(['Salesforce', 'Snowflake', 'Slack']);
    expect([...c.techOffsets]).toEqual([0, 2, 3, 3, 4]);
    expect([...c.techValues]).toEqual([1, 2, 3, 1]);
  });

  it('grows past its first capacity and sizes the columns to fit', () => {
    const builder = new AccountColumnsBuilder();
    const n = 5000;
    for (let i = 0; i < n; i++) {
      builder.add({
        ...UNKNOWN_ROW,
        industry: `Industry ${i % 7}`,
        employees: i,
        technologies: i % 3 === 0 ? ['A', 'B'] : [],
      });
    }
    const c = builder.build();
    expect(c.count).toBe(n);
    expect(c.employees.length).toBe(n);
    expect(c.techOffsets.length).toBe(n + 1);
    expect(c.techValues.length).toBe(2 * Math.ceil(n / 3));
    expect(c.employees[4999]).toBe(4999);
    expect(c.industry[1024]).toBe((1024 % 7) + 1);
    expect(c.techOffsets[n]).toBe(c.techValues.length);
  });

  it('refuses rows after build', () => {
    const builder = new AccountColumnsBuilder();
    builder.build();
    expect(() => builder.add(UNKNOWN_ROW)).toThrow(/after build/);
  });
});

describe('dictionary lookups', () => {
  it('finds codes ignoring case, 0 when absent', () => {
    expect(dictionaryCode(['FinTech', 'Education'], ' education')).toBe(2);
    expect(dictionaryCode(['FinTech'], 'Retail')).toBe(0);
    expect(dictionaryCode(['FinTech'], '')).toBe(0);
  });

  it('builds a lookup table over codes, with unknown (0) never matching', () => {
    expect([...dictionaryMatches(['FinTech', 'Education', 'Retail'], ['retail', 'FINTECH', ''])]).toEqual([
      0, 1, 0, 1,
    ]);
  });
});

describe('encodeAccountColumns / decodeAccountColumns', () => {
  const expectSame = (a: AccountColumns, b: AccountColumns) => {
    expect(b.count).toBe(a.count);
    expect(b.dictionaries).toEqual(a.dictionaries);
    for (const key of [
      'industry',
      'country',
      'region',
      'status',
      'employees',
      'revenue',
      'acv',
      'ltv',
      'nps',
      'adoption',
      'techOffsets',
      'techValues',
    ] as const) {
      expect(b[key].constructor).toBe(a[key].constructor);
      expect([...b[key]]).toEqual([...a[key]]);
    }
  };

  it('round-trips every column, unknowns included', () => {
    const c = sample();
    const bytes = encodeAccountColumns(c);
    expect([...bytes.subarray(0, 4)]).toEqual([0x42, 0x45, 0x41, 0x43]);
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(ACCOUNT_COLUMNS_FORMAT_VERSION);
    expect(bytes.length % 8).toBe(0);
    expectSame(c, decodeAccountColumns(bytes));
  });

  it('views aligned input in place, and copies unaligned input', () => {
    const bytes = encodeAccountColumns(sample());
    const inPlace = decodeAccountColumns(bytes);
    expect(inPlace.employees.buffer).toBe(bytes.buffer);
    expect(inPlace.techValues.buffer).toBe(bytes.buffer);

    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const unaligned = shifted.subarray(3);
    const copied = decodeAccountColumns(unaligned);
    expect(copied.employees.buffer).not.toBe(shifted.buffer);
    expectSame(sample(), copied);
  });

  it('round-trips an empty dataset', () => {
    const empty = new AccountColumnsBuilder().build();
    expectSame(empty, decodeAccountColumns(encodeAccountColumns(empty)));
  });

  it('round-trips columns that are views into a larger buffer', () => {
    const c = sample();
    const backing = new Float64Array(16);
    backing.set(c.ltv, 5);
    const moved = { ...c, ltv: backing.subarray(5, 5 + c.count) };
    expectSame(moved, decodeAccountColumns(encodeAccountColumns(moved)));
  });

  it('rejects foreign, newer and truncated input', () => {
    const bytes = encodeAccountColumns(sample());
    expect(() => decodeAccountColumns(new TextEncoder().encode('id,name\n1,Acme'))).toThrow(
      /not account columns/,
    );
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(4, ACCOUNT_COLUMNS_FORMAT_VERSION + 1, true);
    expect(() => decodeAccountColumns(newer)).toThrow(/unsupported version/);
    expect(() => decodeAccountColumns(bytes.subarray(0, bytes.length - 16))).toThrow(/truncated/);
    const badHeader = bytes.slice();
    badHeader[12] = 0x7b + 1;
    expect(() => decodeAccountColumns(badHeader)).toThrow(/header/);
  });
});
