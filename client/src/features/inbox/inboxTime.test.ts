import { describe, expect, it } from 'vitest';
import { relativeTime } from '../../ui/relativeTime.js';
import { inboxTime } from './inboxTime.js';

const days = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const at = (day: number, hour: number, minute = 0) => new Date(2025, 5, day, hour, minute).toISOString();
const justAfterMidnight = new Date(2025, 5, 30, 0, 5).getTime();

describe('inboxTime', () => {
  it('reads like relativeTime within the last day', () => {
    expect(inboxTime(at(30, 0, 1), justAfterMidnight)).toBe(relativeTime(at(30, 0, 1), justAfterMidnight));
    expect(inboxTime(at(29, 23, 15), justAfterMidnight)).toBe(
      relativeTime(at(29, 23, 15), justAfterMidnight),
    );
  });

  it('counts calendar days after that, so it agrees with the day groups', () => {
    // 26 hours ago, but two calendar days ago: relativeTime would say "yesterday".
    expect(inboxTime(at(28, 22, 5), justAfterMidnight)).toBe(days.format(-2, 'day'));
    expect(inboxTime(at(29, 0, 1), justAfterMidnight)).toBe(days.format(-1, 'day'));
  });

  it('falls back to weeks and months for older items', () => {
    expect(inboxTime(at(10, 12), justAfterMidnight)).toBe(relativeTime(at(10, 12), justAfterMidnight));
  });
});
