export type DayGroupLabel = 'Today' | 'Yesterday' | 'Earlier';

export interface DayGroup<T> {
  label: DayGroupLabel;
  items: T[];
}

/** How many local calendar days before `now` the time falls: 0 today, 1 yesterday; never negative. */
export function calendarDaysAgo(iso: string, now = Date.now()): number {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return 0;
  const day = new Date(time.getFullYear(), time.getMonth(), time.getDate());
  const today = new Date(now);
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  // Rounding absorbs the hour a daylight-saving change adds or removes.
  return Math.max(0, Math.round((start.getTime() - day.getTime()) / 86_400_000));
}

const LABELS: DayGroupLabel[] = ['Today', 'Yesterday', 'Earlier'];

/**
 * Splits items (newest first) into Today, Yesterday and Earlier by the reader's local calendar day,
 * keeping their order and leaving out empty groups. Items from the future (a fast clock elsewhere)
 * count as today.
 */
export function groupByDay<T extends { createdAt: string }>(
  items: readonly T[],
  now = Date.now(),
): DayGroup<T>[] {
  const groups: DayGroup<T>[] = LABELS.map((label) => ({ label, items: [] }));
  for (const item of items) groups[Math.min(2, calendarDaysAgo(item.createdAt, now))]!.items.push(item);
  return groups.filter((group) => group.items.length > 0);
}
