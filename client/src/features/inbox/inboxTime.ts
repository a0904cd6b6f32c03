import { relativeTime } from '../../ui/relativeTime.js';
import { calendarDaysAgo } from './groupByDay.js';

const days = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/**
 * When an item happened, in words that agree with its Today / Yesterday / Earlier group: "5 minutes
 * ago" and "3 hours ago" within a day, then calendar days ("2 days ago", not "yesterday" for 26 hours
 * ago just after midnight), then weeks and months.
 */
export function inboxTime(iso: string, now = Date.now()): string {
  const ago = calendarDaysAgo(iso, now);
  const hours = (now - new Date(iso).getTime()) / 3_600_000;
  if (ago === 0 || hours < 24) return relativeTime(iso, now);
  if (ago < 7) return days.format(-ago, 'day');
  return relativeTime(iso, now);
}
