import type { IcpReviewDto } from '@bullseye/shared';
import { formatDate } from '../../ui/dateFormat.js';

export interface DueWording {
  /** The review is due (the server's word, or the date has passed). */
  overdue: boolean;
  /** Calendar days until the due date (negative once passed). */
  days: number;
  /** "due in 12 days", "due tomorrow", "due today", "3 days overdue". */
  short: string;
  /** "Next review due 12 Jun 2026 (in 12 days)", "Review due since 2 Mar 2026 (3 days overdue)". */
  long: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days from `now` to `then` in local time (DST-safe). */
export function calendarDaysBetween(now: Date, then: Date): number {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(then.getFullYear(), then.getMonth(), then.getDate());
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** When the next review is due, in words; null while nothing was ever approved. */
export function dueWording(
  review: Pick<IcpReviewDto, 'reviewDue' | 'reviewDueAt'>,
  now: number,
  formatDay: (iso: string) => string = formatDate,
): DueWording | null {
  if (!review.reviewDueAt) return null;
  const due = new Date(review.reviewDueAt);
  const days = calendarDaysBetween(new Date(now), due);
  const overdue = review.reviewDue || due.getTime() <= now;
  const date = formatDay(review.reviewDueAt);
  if (overdue) {
    const late = Math.max(0, -days);
    const short = late === 0 ? 'due today' : `${plural(late, 'day')} overdue`;
    return { overdue, days, short, long: `Review due since ${date} (${short})` };
  }
  const short = days <= 0 ? 'due today' : days === 1 ? 'due tomorrow' : `due in ${days} days`;
  const when = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  return { overdue, days, short, long: `Next review due ${date} (${when})` };
}
