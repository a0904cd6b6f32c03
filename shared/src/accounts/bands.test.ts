import { describe, expect, it } from 'vitest';
import {
  STANDARD_EMPLOYEE_BANDS,
  STANDARD_REVENUE_BANDS,
  bandIndex,
  formatBand,
  formatMoney,
  inBand,
  niceNumber,
  quantileBands,
  selectKth,
} from './bands.js';
import { mulberry32 } from './sampleAccounts.js';

describe('standard bands', () => {
  it('place employees by whole part, nothing below 1', () => {
    const index = (v: number) => bandIndex(v, STANDARD_EMPLOYEE_BANDS);
    expect([1, 10, 10.5, 11, 50, 51, 200, 201, 1000, 1001, 5000, 5001, 1e6].map(index)).toEqual([
      0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
    expect(index(0)).toBe(-1);
    expect(index(Number.NaN)).toBe(-1);
  });

  it('place revenue from under $1M to $1B+', () => {
    const index = (v: number) => bandIndex(v, STANDARD_REVENUE_BANDS);
    expect(
      [-5, 0, 999_999, 999_999.99, 1_000_000, 49_999_999, 50_000_000, 999_999_999, 1e9, 5e12].map(index),
    ).toEqual([0, 0, 0, 0, 1, 2, 3, 5, 6, 6]);
  });

  it('read open ends as open', () => {
    expect(inBand(-1e9, { min: null, max: 10 })).toBe(true);
    expect(inBand(1e12, { min: 10, max: null })).toBe(true);
    expect(inBand(Number.NaN, { min: null, max: null })).toBe(false);
  });
});

describe('selectKth', () => {
  it('agrees with a sort, duplicates included', () => {
    const random = mulberry32(7);
    for (let round = 0; round < 20; round++) {
      const n = 1 + Math.floor(random() * 300);
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 20));
      const sorted = [...values].sort((a, b) => a - b);
      const k = Math.floor(random() * n);
      expect(selectKth(values.slice(), k)).toBe(sorted[k]);
    }
  });

  it('leaves nothing larger before k and nothing smaller after it', () => {
    const values = Float64Array.from([9, 1, 8, 2, 7, 3, 6, 4, 5, 5]);
    const v = selectKth(values, 4);
    expect(v).toBe(5);
    expect([...values.subarray(0, 4)].every((x) => x <= 5)).toBe(true);
    expect([...values.subarray(5)].every((x) => x >= 5)).toBe(true);
  });
});

describe('niceNumber', () => {
  it('rounds to two significant digits, then to a whole number', () => {
    expect([1234, 56.7, 999, 1250, 87_654_321, 3.4, 0].map(niceNumber)).toEqual([
      1200, 57, 1000, 1300, 88_000_000, 3, 0,
    ]);
  });
});

describe('quantileBands', () => {
  it('cuts 1..100 into five bands of twenty', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    // Ranks floor(j·100/5) = 20, 40, 60, 80 hold 21, 41, 61, 81.
    expect(quantileBands(values, 100)).toEqual([
      { min: null, max: 20 },
      { min: 21, max: 40 },
      { min: 41, max: 60 },
      { min: 61, max: 80 },
      { min: 81, max: null },
    ]);
  });

  it('rounds edges to two significant digits and ignores unknowns', () => {
    const values = Float64Array.from([
      123,
      Number.NaN,
      456,
      789,
      1234,
      5678,
      9012,
      12_345,
      45_678,
      78_901,
      123_456,
      Number.NaN,
    ]);
    // Known, sorted: 123 456 789 1234 5678 9012 12345 45678 78901 123456 (m = 10): ranks 2, 4, 6,
    // 8 hold 789, 5678, 12345, 78901, nice 790, 5700, 12000, 79000.
    expect(quantileBands(values, values.length)).toEqual([
      { min: null, max: 789 },
      { min: 790, max: 5_699 },
      { min: 5_700, max: 11_999 },
      { min: 12_000, max: 78_999 },
      { min: 79_000, max: null },
    ]);
  });

  it('only reads the first `count` values', () => {
    const values = Float64Array.from([1, 2, 3, 4, 1e9, 1e9]);
    expect(quantileBands(values, 4, 2)).toEqual([
      { min: null, max: 2 },
      { min: 3, max: null },
    ]);
  });

  it('drops duplicate edges and edges that would leave an end band empty', () => {
    expect(quantileBands(Float64Array.from([5, 5, 5, 5]), 4)).toEqual([{ min: null, max: null }]);
    // 10 × 1 then 10, 11, 12: the 20% quantile is 1, the lowest value, so its edge goes.
    const clumped = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 10, 11, 12]);
    const bands = quantileBands(clumped, clumped.length);
    expect(bands[0]).toEqual({ min: null, max: 9 });
    expect(bands.at(-1)!.max).toBeNull();
    for (const v of clumped) expect(bands.filter((b) => inBand(v, b))).toHaveLength(1);
  });

  it('gives one open band without known values', () => {
    expect(quantileBands(Float64Array.from([Number.NaN]), 1)).toEqual([{ min: null, max: null }]);
    expect(quantileBands(new Float64Array(0), 0)).toEqual([{ min: null, max: null }]);
  });

  it('puts every value in exactly one band, in roughly equal groups', () => {
    const random = mulberry32(3);
    const values = Float64Array.from({ length: 10_000 }, () => Math.round(Math.exp(2 + random() * 8)));
    const bands = quantileBands(values, values.length);
    expect(bands).toHaveLength(5);
    const counts = bands.map(() => 0);
    for (const v of values) counts[bandIndex(v, bands)]!++;
    expect(counts.reduce((a, b) => a + b)).toBe(values.length);
    for (const count of counts) expect(count).toBeGreaterThan(1_500);
  });
});

describe('formatMoney', () => {
  it('writes compact amounts with the symbol of USD, EUR and GBP, else the code', () => {
    expect(formatMoney(1_500_000)).toBe('$1.5M');
    expect(formatMoney(200_000)).toBe('$200K');
    expect(formatMoney(1_000_000_000)).toBe('$1B');
    expect(formatMoney(999_950)).toBe('$1M');
    expect(formatMoney(950)).toBe('$950');
    expect(formatMoney(10_000_000, 'EUR')).toBe('€10M');
    expect(formatMoney(2_500_000, 'GBP')).toBe('£2.5M');
    expect(formatMoney(2_500_000, 'SEK')).toBe('SEK 2.5M');
    expect(formatMoney(-50_000)).toBe('-$50K');
  });
});

describe('formatBand', () => {
  it('writes employee bands with inclusive ends', () => {
    expect(STANDARD_EMPLOYEE_BANDS.map((b) => formatBand(b, 'employees'))).toEqual([
      '1–10 employees',
      '11–50 employees',
      '51–200 employees',
      '201–1,000 employees',
      '1,001–5,000 employees',
      '5,001+ employees',
    ]);
    expect(formatBand({ min: null, max: 20 }, 'employees')).toBe('up to 20 employees');
    expect(formatBand({ min: null, max: null }, 'employees')).toBe('any number of employees');
  });

  it('writes money bands up to the next round amount', () => {
    expect(STANDARD_REVENUE_BANDS.map((b) => formatBand(b, 'money'))).toEqual([
      'under $1M',
      '$1M–$10M',
      '$10M–$50M',
      '$50M–$100M',
      '$100M–$500M',
      '$500M–$1B',
      '$1B+',
    ]);
    expect(formatBand({ min: 790, max: 5_699 }, 'money', 'EUR')).toBe('€790–€5.7K');
    expect(formatBand({ min: null, max: 1_234 }, 'money')).toBe('up to $1.2K');
    expect(formatBand({ min: null, max: null }, 'money')).toBe('any amount');
  });
});
