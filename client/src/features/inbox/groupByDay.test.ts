import { describe, expect, it } from 'vitest';
import { calendarDaysAgo, groupByDay } from './groupByDay.js';

// Local times, so the test holds in any time zone.
const at = (day: number, hour: number, minute = 0) => new Date(2025, 2, day, hour, minute).toISOString();
const now = new Date(2025, 2, 31, 9, 30).getTime();

describe('groupByDay', () => {
  it('splits by local calendar day, keeping order and leaving out empty groups', () => {
    const items = [
      { id: 'a', createdAt: at(31, 9) },
      { id: 'b', createdAt: at(31, 0, 1) },
      { id: 'c', createdAt: at(30, 23, 59) },
      { id: 'd', createdAt: at(30, 0, 0) },
      { id: 'e', createdAt: at(29, 23, 59) },
      { id: 'f', createdAt: at(1, 12) },
    ];
    const groups = groupByDay(items, now);
    expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['Today', ['a', 'b']],
      ['Yesterday', ['c', 'd']],
      ['Earlier', ['e', 'f']],
    ]);
  });

  it('leaves out empty groups', () => {
    const groups = groupByDay([{ createdAt: at(2, 8) }], now);
    expect(groups.map((g) => g.label)).toEqual(['Earlier']);
    expect(groupByDay([], now)).toEqual([]);
  });

  it('counts a time slightly in the future as today', () => {
    expect(groupByDay([{ createdAt: at(31, 9, 31) }], now)[0]!.label).toBe('Today');
  });
});

describe('calendarDaysAgo', () => {
  it('counts calendar days, not 24-hour periods', () => {
    expect(calendarDaysAgo(at(31, 0, 5), now)).toBe(0);
    expect(calendarDaysAgo(at(30, 23, 59), now)).toBe(1);
    expect(calendarDaysAgo(at(29, 23, 59), now)).toBe(2);
    expect(calendarDaysAgo(at(1, 12), now)).toBe(30);
  });

  it('is 0 for the future and for an unreadable time', () => {
    expect(calendarDaysAgo(at(31, 10), now)).toBe(0);
    expect(calendarDaysAgo('not a time', now)).toBe(0);
  });
});
