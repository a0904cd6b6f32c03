import { describe, expect, it } from 'vitest';
import { defaultVersionName, formatDuration } from './formatDuration.js';

describe('formatDuration', () => {
  it('reads as seconds, minutes, or hours and minutes', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(44_600)).toBe('45 s');
    expect(formatDuration(12 * 60_000 + 20_000)).toBe('12 min');
    expect(formatDuration(85 * 60_000)).toBe('1 h 25 min');
    expect(formatDuration(120 * 60_000)).toBe('2 h');
    expect(formatDuration(-5)).toBe('0 s');
  });
});

describe('defaultVersionName', () => {
  it('names the local date', () => {
    expect(defaultVersionName(new Date(2027, 0, 14, 23, 59))).toBe('Workshop 2027-01-14');
  });
});
