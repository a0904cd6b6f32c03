/** "1 h 25 min", "12 min", "45 s": a duration in words short enough for a table cell. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** "Workshop 2027-01-14": the version name a session ends with unless the facilitator changes it. */
export function defaultVersionName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Workshop ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
