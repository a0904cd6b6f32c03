import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, dueWording } from './dueWording.js';

const day = (d: number, hour = 12) => new Date(2026, 2, d, hour).toISOString();
const now = new Date(2026, 2, 10, 9).getTime();
const formatDay = (iso: string) => `<${new Date(iso).getDate()}>`;

describe('dueWording', () => {
  it('is null while nothing was ever approved', () => {
    expect(dueWording({ reviewDue: false, reviewDueAt: null }, now, formatDay)).toBeNull();
  });

  it('counts calendar days to a future due date', () => {
    expect(dueWording({ reviewDue: false, reviewDueAt: day(22) }, now, formatDay)).toEqual({
      overdue: false,
      days: 12,
      short: 'due in 12 days',
      long: 'Next review due <22> (in 12 days)',
    });
    expect(dueWording({ reviewDue: false, reviewDueAt: day(11, 1) }, now, formatDay)?.short).toBe(
      'due tomorrow',
    );
    expect(dueWording({ reviewDue: false, reviewDueAt: day(10, 18) }, now, formatDay)?.short).toBe(
      'due today',
    );
  });

  it('says how long a review has been overdue', () => {
    expect(dueWording({ reviewDue: true, reviewDueAt: day(7) }, now, formatDay)).toEqual({
      overdue: true,
      days: -3,
      short: '3 days overdue',
      long: 'Review due since <7> (3 days overdue)',
    });
    expect(dueWording({ reviewDue: true, reviewDueAt: day(9) }, now, formatDay)?.short).toBe('1 day overdue');
  });

  it('trusts the server when it says the review is due later today', () => {
    const wording = dueWording({ reviewDue: true, reviewDueAt: day(10, 8) }, now, formatDay);
    expect(wording).toMatchObject({ overdue: true, short: 'due today' });
  });

  it('counts days by the calendar, not by 24-hour blocks', () => {
    expect(calendarDaysBetween(new Date(2026, 2, 10, 23), new Date(2026, 2, 11, 1))).toBe(1);
    expect(calendarDaysBetween(new Date(2026, 2, 10, 1), new Date(2026, 2, 10, 23))).toBe(0);
  });
});
