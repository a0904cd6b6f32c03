import { GRADES, type DatasetScoringDto, type GradeRowDto } from '@bullseye/shared';
import { formatShare } from '../insights/format.js';
import { formatAcv } from './scoringFormat.js';

/** Below this many won + lost accounts, a grade's win rate is read as a hint, not a measure. */
export const MIN_OUTCOMES = 30;

/** Win-rate gaps closer than this (in points) are "about the same" between two models. */
export const SAME_GAP_POINTS = 5;

/**
 * `separates`: the best grade wins clearly more often than the worst (intervals apart);
 * `unsure`: more often, but the intervals overlap; `fails`: not more often; `none`: nothing to
 * compare (no outcomes, or outcomes in fewer than two grades).
 */
export type VerdictTone = 'separates' | 'unsure' | 'fails' | 'none';

export interface BacktestVerdict {
  tone: VerdictTone;
  /** The verdict in one or two plain sentences. */
  text: string;
  /** Win rate of the best graded bucket minus the worst's, in points; null when not measurable. */
  gap: number | null;
}

/** Won + lost accounts of a grade: what its win rate is measured on. */
export function outcomesOf(row: Pick<GradeRowDto, 'won' | 'lost'>): number {
  return row.won + row.lost;
}

/** A grade with some outcomes, but too few to read its win rate as more than a hint. */
export function isSmallSample(row: Pick<GradeRowDto, 'won' | 'lost'>): boolean {
  const n = outcomesOf(row);
  return n > 0 && n < MIN_OUTCOMES;
}

/**
 * Whether the grades of a scoring separate good customers from bad, measured on the dataset's
 * won/lost outcomes: the best grade with outcomes against the worst one, never assumed.
 */
export function backtestVerdict(scoring: Pick<DatasetScoringDto, 'grades' | 'hasOutcomes'>): BacktestVerdict {
  if (!scoring.hasOutcomes) {
    return { tone: 'none', text: 'No won/lost outcomes in this dataset: a backtest needs them.', gap: null };
  }
  const graded = GRADES.map((grade) => scoring.grades.find((row) => row.grade === grade)).filter(
    (row): row is GradeRowDto & { winRate: number } => row !== undefined && row.winRate !== null,
  );
  const top = graded[0];
  const bottom = graded[graded.length - 1];
  if (!top || !bottom || top === bottom) {
    const only = top ? `Only grade ${top.grade} has` : 'No graded account has';
    return {
      tone: 'none',
      text: `${only} won or lost accounts: there is no other grade to compare it with.`,
      gap: null,
    };
  }
  const rates = `${formatShare(top.winRate)} vs ${formatShare(bottom.winRate)}`;
  // From the rounded rates, so the gap is the difference of the percentages on screen.
  const gap = Math.round(top.winRate * 100) - Math.round(bottom.winRate * 100);
  let tone: VerdictTone;
  let text: string;
  if (top.winRate <= bottom.winRate) {
    tone = 'fails';
    text = `Grade ${top.grade} does not win more often than ${bottom.grade} (${rates}): the profile does not separate good customers from bad.`;
  } else if (top.winLow !== null && bottom.winHigh !== null && top.winLow > bottom.winHigh) {
    tone = 'separates';
    text = `Grade ${top.grade} wins ${rates} for ${bottom.grade}: the ICP separates good customers from bad.`;
  } else {
    tone = 'unsure';
    text = `Grade ${top.grade} wins ${rates} for ${bottom.grade}, but the intervals overlap: not a clear separation yet.`;
  }
  if (top.avgAcv !== null && bottom.avgAcv !== null) {
    const acvs = `average ACV ${formatAcv(top.avgAcv)} vs ${formatAcv(bottom.avgAcv)}`;
    text +=
      top.avgAcv > bottom.avgAcv
        ? ` Its won deals are bigger too (${acvs}).`
        : ` Its won deals are not bigger (${acvs}).`;
  }
  const small = [top, bottom].filter(isSmallSample);
  if (small.length > 0) {
    const which = small.map((row) => `${row.grade} (${outcomesOf(row)})`).join(' and ');
    text += ` Few outcomes in ${small.length === 1 ? 'grade' : 'grades'} ${which}: read it as a hint.`;
  }
  return { tone, text, gap };
}

/**
 * The draft against the approved version: does the change make the ICP sharper (a wider win-rate
 * gap between its best and worst grade)? Null when either side has no gap to compare.
 */
export function sharperVerdict(approved: BacktestVerdict, draft: BacktestVerdict): string | null {
  if (approved.gap === null || draft.gap === null) return null;
  const gaps = `its best grade wins ${points(draft.gap)} more often than its worst, against ${points(approved.gap)} with the approved version`;
  const delta = draft.gap - approved.gap;
  if (Math.abs(delta) < SAME_GAP_POINTS)
    return `The draft separates about as well as the approved version: ${gaps}.`;
  return delta > 0
    ? `The draft is sharper than the approved version: ${gaps}.`
    : `The draft is blunter than the approved version: ${gaps}.`;
}

/** "12 points", "1 point", "−3 points". */
function points(n: number): string {
  return `${String(n).replace('-', '−')} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
}
