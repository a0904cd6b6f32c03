import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../accounts/sampleAccounts.js';
import { formatNumber } from './scoreAccount.js';

describe('formatNumber', () => {
  const intl = new Intl.NumberFormat('en-US');

  it('writes numbers exactly as en-US Intl does', () => {
    const random = mulberry32(11);
    const values = [0, 7, 999, 1000, -1000, 1_234_567, 2.5, -0.125, 1e21, Number.MAX_SAFE_INTEGER];
    for (let i = 0; i < 2000; i++) values.push(Math.floor(random() * 10 ** Math.floor(random() * 16)));
    for (const value of values) expect(formatNumber(value), String(value)).toBe(intl.format(value));
  });
});
