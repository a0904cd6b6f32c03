const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "27 Nov 2025, 14:05" in the reader's locale, for tooltips and expiry times. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "27 Nov 2025" in the reader's locale. */
export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}
