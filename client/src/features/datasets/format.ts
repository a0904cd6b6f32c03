import { ACCOUNT_STATUSES, type AccountStatus } from '@bullseye/shared';

const MB = 1024 * 1024;
const KB = 1024;
const integer = new Intl.NumberFormat('en-US');

/** "12 B", "512 KB", "84.2 MB", "1.2 GB" (binary units, like the 200 MB limit). */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${Math.round(bytes)} B`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  if (bytes < 1024 * MB) {
    const mb = bytes / MB;
    return `${mb < 10 ? mb.toFixed(1) : integer.format(Math.round(mb))} MB`;
  }
  return `${(bytes / (1024 * MB)).toFixed(1)} GB`;
}

/** "5.2 MB/s", "640 KB/s". */
export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** "1,200". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** "1 account", "2 accounts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * Time left in words that do not jitter: "a few seconds left", "about 40 s left", "about 3 min
 * left", "about 1 h 5 min left". Null when it cannot be told (no speed yet).
 */
export function formatTimeLeft(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 5) return 'a few seconds left';
  if (seconds < 60) return `about ${Math.ceil(seconds / 5) * 5} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `about ${hours} h ${rest} min left` : `about ${hours} h left`;
}

/** Whole percent of `done` out of `total`, 0 to 100; 99 until it is really all there. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  const value = Math.floor((done / total) * 100);
  return Math.max(0, Math.min(done >= total ? 100 : 99, value));
}

const STATUS_WORDS: Record<AccountStatus, [string, string]> = {
  customer: ['customer', 'customers'],
  won: ['won', 'won'],
  lost: ['lost', 'lost'],
  churned: ['churned', 'churned'],
  prospect: ['prospect', 'prospects'],
};

/** "412 customers · 80 lost · 12 prospects": the statuses present, in the usual funnel order. */
export function statusSummary(counts: Partial<Record<AccountStatus, number>>): string {
  return ACCOUNT_STATUSES.filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => {
      const n = counts[s] ?? 0;
      const [one, many] = STATUS_WORDS[s];
      return `${formatCount(n)} ${n === 1 ? one : many}`;
    })
    .join(' · ');
}

export const STATUS_LABELS: Record<AccountStatus, string> = {
  customer: 'Customer',
  won: 'Won',
  lost: 'Lost',
  churned: 'Churned',
  prospect: 'Prospect',
};

/** "HubSpot companies 2025-06" from "hubspot-companies_2025-06.csv": a name to start from. */
export function nameFromFileName(fileName: string): string {
  const base = fileName.replace(/\.(csv|tsv|txt)$/i, '').replace(/[_]+/g, ' ');
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.slice(0, 80);
}

export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const;
/** For <input type="file" accept>. */
export const ACCEPT_ATTRIBUTE = `${ACCEPTED_EXTENSIONS.join(',')},text/csv,text/tab-separated-values,text/plain`;

/**
 * Why a chosen file cannot be imported, or null: empty, over the limit, or not a text export.
 */
export function fileProblem(file: { name: string; size: number }, maxBytes: number): string | null {
  if (!ACCEPTED_EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) {
    return `“${file.name}” is not a CSV file. Choose a .csv, .tsv or .txt export.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > maxBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}. Export fewer columns, or split it into several files.`;
  }
  return null;
}

/**
 * Whether a file chosen to resume an upload is the one it started with (same name and size), and
 * if not, what to tell the person.
 */
export function resumeFileProblem(
  file: { name: string; size: number },
  upload: { fileName: string; fileBytes: number },
): string | null {
  if (file.name === upload.fileName && file.size === upload.fileBytes) return null;
  const chosen = `“${file.name}” (${formatBytes(file.size)})`;
  const expected = `“${upload.fileName}” (${formatBytes(upload.fileBytes)})`;
  if (file.name === upload.fileName) {
    return `${chosen} is not the same size as the file this upload started with, ${formatBytes(upload.fileBytes)}: it has changed. Choose the original file, or cancel this import and start a new one.`;
  }
  return `${chosen} is not the file this upload started with. Choose ${expected}.`;
}
