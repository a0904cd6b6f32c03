import { describe, expect, it } from 'vitest';
import type { GradeBucket, GradeRowDto } from '@bullseye/shared';
import { backtestVerdict, isSmallSample, sharperVerdict } from './backtestVerdict.js';

/** A grade row with a win rate and an interval as the server computes them (rates as given). */
function row(
  grade: GradeBucket,
  won: number,
  lost: number,
  interval: [number, number] | null = null,
  avgAcv: number | null = null,
): GradeRowDto {
  const n = won + lost;
  return {
    grade,
    count: n * 3,
    won,
    lost,
    winRate: n ? won / n : null,
    winLow: interval?.[0] ?? null,
    winHigh: interval?.[1] ?? null,
    avgAcv,
    acvN: avgAcv === null ? 0 : won,
  };
}

describe('backtestVerdict', () => {
  it('says a backtest needs outcomes when the dataset has none', () => {
    const verdict = backtestVerdict({ hasOutcomes: false, grades: [row('A', 0, 0), row('D', 0, 0)] });
    expect(verdict).toEqual({
      tone: 'none',
      text: 'No won/lost outcomes in this dataset: a backtest needs them.',
      gap: null,
    });
  });

  it('says the ICP separates when A wins more often than D and the intervals are apart', () => {
    const verdict = backtestVerdict({
      hasOutcomes: true,
      grades: [
        row('A', 42, 58, [0.33, 0.52], 48_000),
        row('B', 30, 70, [0.22, 0.4]),
        row('D', 12, 88, [0.07, 0.2], 12_000),
        row('none', 0, 0),
      ],
    });
    expect(verdict.tone).toBe('separates');
    expect(verdict.gap).toBe(30);
    expect(verdict.text).toBe(
      'Grade A wins 42% vs 12% for D: the ICP separates good customers from bad. Its won deals are bigger too (average ACV 48K vs 12K).',
    );
  });

  it('does not assume it: A winning less often than D fails', () => {
    const verdict = backtestVerdict({
      hasOutcomes: true,
      grades: [row('A', 28, 72, [0.2, 0.38]), row('D', 31, 69, [0.23, 0.41])],
    });
    expect(verdict.tone).toBe('fails');
    expect(verdict.gap).toBe(-3);
    expect(verdict.text).toBe(
      'Grade A does not win more often than D (28% vs 31%): the profile does not separate good customers from bad.',
    );
  });

  it('is unsure when the intervals overlap, and flags grades with few outcomes', () => {
    const verdict = backtestVerdict({
      hasOutcomes: true,
      grades: [row('A', 6, 4, [0.31, 0.83]), row('C', 40, 60, [0.31, 0.5])],
    });
    expect(verdict.tone).toBe('unsure');
    expect(verdict.text).toBe(
      'Grade A wins 60% vs 40% for C, but the intervals overlap: not a clear separation yet. Few outcomes in grade A (10): read it as a hint.',
    );
  });

  it('compares the best and worst grades that have outcomes, and needs two of them', () => {
    expect(
      backtestVerdict({ hasOutcomes: true, grades: [row('A', 0, 0), row('B', 5, 5), row('none', 3, 3)] }),
    ).toEqual({
      tone: 'none',
      text: 'Only grade B has won or lost accounts: there is no other grade to compare it with.',
      gap: null,
    });
  });
});

describe('isSmallSample', () => {
  it('is true between one and 29 outcomes', () => {
    expect(isSmallSample({ won: 0, lost: 0 })).toBe(false);
    expect(isSmallSample({ won: 10, lost: 19 })).toBe(true);
    expect(isSmallSample({ won: 10, lost: 20 })).toBe(false);
  });
});

describe('sharperVerdict', () => {
  const verdict = (gap: number | null) => ({ tone: 'separates' as const, text: '', gap });
  it('says whether the draft widens the gap between best and worst grade', () => {
    expect(sharperVerdict(verdict(18), verdict(30))).toBe(
      'The draft is sharper than the approved version: its best grade wins 30 points more often than its worst, against 18 points with the approved version.',
    );
    expect(sharperVerdict(verdict(30), verdict(10))).toMatch(/^The draft is blunter/);
    expect(sharperVerdict(verdict(30), verdict(27))).toMatch(/^The draft separates about as well/);
    expect(sharperVerdict(verdict(null), verdict(27))).toBeNull();
  });
});
