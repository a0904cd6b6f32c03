import type { GradeBucket, GradeRowDto, ModelSourceDto } from '@bullseye/shared';
import { formatFieldValue, formatShare } from '../insights/format.js';

/**
 * Words and numbers of dataset scorings, backtests and score impacts, in one place so the Score
 * tab and Compare say the same thing the same way.
 */

/** A grade as a chart row or a move names it: "A" … "D", "No data". */
export const GRADE_LABEL: Record<GradeBucket, string> = {
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  none: 'No data',
};

/** A grade inside a sentence: "grade A", "accounts without data". */
export function gradeInSentence(grade: GradeBucket): string {
  return grade === 'none' ? 'accounts without data' : `grade ${grade}`;
}

/** "Approved version 3 · Q1 workshop", "Version 2", "Draft". */
export function sourceLabel(source: ModelSourceDto): string {
  if (!source.version) return 'Draft';
  const { number, name } = source.version;
  const base = source.source === 'approved' ? `Approved version ${number}` : `Version ${number}`;
  return name ? `${base} · ${name}` : base;
}

/** "42%", with its 95% interval when there is one: "42% (35–49%)"; "—" without outcomes. */
export function formatWinRate(row: Pick<GradeRowDto, 'winRate' | 'winLow' | 'winHigh'>): string {
  if (row.winRate === null) return '—';
  const rate = formatShare(row.winRate);
  if (row.winLow === null || row.winHigh === null) return rate;
  return `${rate} (${formatShare(row.winLow).replace('%', '')}–${formatShare(row.winHigh)})`;
}

/** An average ACV as a compact amount: "48.2K"; "—" without any. */
export function formatAcv(acv: number | null): string {
  return acv === null ? '—' : formatFieldValue('acv', acv);
}

/** "1.2 s", "340 ms". */
export function formatElapsed(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
