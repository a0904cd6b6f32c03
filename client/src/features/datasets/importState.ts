import type { ImportDto, ImportReport, ImportState } from '@bullseye/shared';
import { plural } from './format.js';

const RANK: Record<ImportState, number> = {
  uploading: 0,
  mapping: 1,
  importing: 2,
  review: 3,
  done: 4,
  cancelled: 4,
  failed: 4,
};

/** States after which nothing more happens to an import. */
export function isTerminal(state: ImportState): boolean {
  return state === 'done' || state === 'cancelled' || state === 'failed';
}

/**
 * Which of two snapshots of an import to show when their order is unknown (the dataset list and the
 * poll answer independently): the one further along wins, and a newer import of the dataset
 * replaces an older one. Answers to this page's own requests are taken as they come.
 */
export function newerImport(current: ImportDto | null, next: ImportDto | null): ImportDto | null {
  if (!next) return current;
  if (!current) return next;
  if (current.id !== next.id) return next.createdAt >= current.createdAt ? next : current;
  const a = RANK[current.state];
  const b = RANK[next.state];
  if (b !== a) return b > a ? next : current;
  if (next.receivedBytes < current.receivedBytes) return current;
  if (next.progress.bytesRead < current.progress.bytesRead) return current;
  return next;
}

/**
 * "412 accounts added, 12 accounts updated, 3 duplicate rows merged…" ("updated" only for a
 * re-import or when some were).
 */
export function doneSummary(report: ImportReport | null, reimport = true): string {
  if (!report) return 'imported';
  const parts = [`${plural(report.added ?? 0, 'account')} added`];
  if (reimport || (report.updated ?? 0) > 0) parts.push(formatUpdated(report.updated ?? 0));
  if (report.duplicates > 0)
    parts.push(`${plural(report.duplicates, 'duplicate row')} merged (the later row was kept)`);
  if (report.badRows > 0) parts.push(`${plural(report.badRows, 'row')} with problems left out`);
  return parts.join(', ');
}

function formatUpdated(n: number): string {
  return `${plural(n, 'account')} updated`;
}

/** The column problems, most first: [["Annual revenue", 12], ["(row)", 2]]. */
export function problemsByColumn(report: ImportReport): [string, number][] {
  return Object.entries(report.errorsByColumn)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
