import { describe, expect, it } from 'vitest';
import { accountCountText, formatMoney, formatNumber, formatPlace, pageRangeText } from './accountFormat.js';

describe('formatMoney', () => {
  it('is compact, with the currency', () => {
    expect(formatMoney(1_200_000, 'USD')).toBe('$1.2M');
    expect(formatMoney(250_000, 'EUR')).toBe('€250K');
    expect(formatMoney(999, 'usd')).toBe('$999');
    expect(formatMoney(5_000_000, null)).toBe('5M');
  });
  it('keeps a code Intl does not know after the number', () => {
    expect(formatMoney(1500, 'XX1')).toBe('1.5K XX1');
  });
  it('never turns unknown into 0', () => {
    expect(formatMoney(null, 'USD')).toBeNull();
    expect(formatMoney(0, 'USD')).toBe('$0');
  });
});

describe('formatNumber and formatPlace', () => {
  it('formats or stays unknown', () => {
    expect(formatNumber(1200)).toBe('1,200');
    expect(formatNumber(null)).toBeNull();
    expect(formatNumber(-40)).toBe('-40');
    expect(formatPlace('Germany', 'Bavaria')).toBe('Germany · Bavaria');
    expect(formatPlace(null, 'Bavaria')).toBe('Bavaria');
    expect(formatPlace(' ', null)).toBeNull();
  });
});

describe('accountCountText and pageRangeText', () => {
  it('counts the dataset without a search', () => {
    expect(accountCountText(296, '')).toBe('296 accounts');
    expect(accountCountText(1, '')).toBe('1 account');
    expect(pageRangeText(296, 51, 50)).toBe('51–100 of 296');
  });

  it('counts the matches during a search', () => {
    expect(accountCountText(11, 'acme')).toBe('11 accounts match “acme”');
    expect(accountCountText(1, 'acme')).toBe('1 account matches “acme”');
    expect(pageRangeText(57, 51, 7)).toBe('51–57 of 57');
  });
});
