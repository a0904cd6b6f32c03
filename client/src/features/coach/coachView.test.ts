import { describe, expect, it } from 'vitest';
import { findingKey, type CoachDismissalDto, type CoachFinding } from '@bullseye/shared';
import {
  bySeverity,
  describeDismissal,
  countBySeverity,
  countsText,
  openBySection,
  sameFindings,
  sectionTitle,
  splitFindings,
} from './coachView.js';

function finding(overrides: Partial<CoachFinding>): CoachFinding {
  return {
    ruleId: 'vague-catch-all',
    severity: 'warning',
    practice: 'vague',
    section: 'industries',
    subject: '',
    message: 'm',
    fix: 'f',
    ...overrides,
  };
}

function dismissal(f: CoachFinding, reason = 'we know'): CoachDismissalDto {
  return {
    findingKey: findingKey(f),
    ruleId: f.ruleId,
    reason,
    by: { id: 'u1', name: 'Sam' },
    at: '2025-01-01T00:00:00.000Z',
  };
}

describe('splitFindings', () => {
  const hintA = finding({ ruleId: 'vague-generic-narrative', severity: 'hint', section: 'goals' });
  const warnB = finding({ subject: 'any company', section: 'industries' });
  const warnC = finding({ ruleId: 'vague-range-too-wide', section: 'employees' });
  const whole = finding({ ruleId: 'static-review-overdue', section: null });

  it('puts warnings before hints and keeps the coach order within each', () => {
    const { open, dismissed } = splitFindings([hintA, warnB, whole, warnC], []);
    expect(open.map((o) => o.finding)).toEqual([warnB, whole, warnC, hintA]);
    expect(dismissed).toEqual([]);
  });

  it('moves dismissed findings (by key) to their own list with the dismissal', () => {
    const d = dismissal(warnB, 'Our product really fits every company size');
    const { open, dismissed } = splitFindings([hintA, warnB, warnC], [d]);
    expect(open.map((o) => o.finding)).toEqual([warnC, hintA]);
    expect(dismissed).toEqual([{ finding: warnB, key: findingKey(warnB), dismissal: d }]);
  });

  it('matches a dismissal after the wording of the finding changed', () => {
    const d = dismissal(warnB);
    const reworded = { ...warnB, message: 'Now said differently', subject: 'Any  Company' };
    expect(splitFindings([reworded], [d]).dismissed).toHaveLength(1);
  });

  it('ignores dismissals of findings the coach no longer reports, and duplicate findings', () => {
    const gone = dismissal(finding({ subject: 'everyone' }));
    const { open, dismissed } = splitFindings([warnC, warnC], [gone]);
    expect(open).toHaveLength(1);
    expect(dismissed).toEqual([]);
  });

  it('accepts findings as a version recorded them (section as a string)', () => {
    const recorded = { ...warnC, section: 'employees' as string | null };
    expect(splitFindings([recorded], [dismissal(warnC)]).dismissed[0]?.finding).toBe(recorded);
  });
});

describe('openBySection', () => {
  it('groups open findings by section and leaves out those about the whole ICP', () => {
    const a = { finding: finding({ section: 'industries', subject: 'a' }), key: 'a' };
    const b = { finding: finding({ section: 'goals' }), key: 'b' };
    const c = { finding: finding({ section: 'industries', subject: 'c' }), key: 'c' };
    const d = { finding: finding({ section: null }), key: 'd' };
    const map = openBySection([a, b, c, d]);
    expect([...map.keys()]).toEqual(['industries', 'goals']);
    expect(map.get('industries')).toEqual([a, c]);
  });
});

describe('counts', () => {
  it('counts warnings and hints and says so', () => {
    const items = bySeverity([
      { finding: finding({ severity: 'hint' }) },
      { finding: finding({ severity: 'warning' }) },
      { finding: finding({ severity: 'hint' }) },
    ]);
    expect(items[0]!.finding.severity).toBe('warning');
    const counts = countBySeverity(items);
    expect(counts).toEqual({ warnings: 1, hints: 2 });
    expect(countsText(counts)).toBe('1 warning, 2 hints');
    expect(countsText({ warnings: 3, hints: 0 })).toBe('3 warnings');
    expect(countsText({ warnings: 0, hints: 0 })).toBe('no open findings');
  });
});

describe('sectionTitle and sameFindings', () => {
  it('names sections and nothing for the whole ICP', () => {
    expect(sectionTitle('industries')).toEqual(expect.any(String));
    expect(sectionTitle(null)).toBeNull();
    expect(sectionTitle('nope')).toBeNull();
  });

  it('compares what a finding says', () => {
    const a = [finding({})];
    expect(sameFindings(a, [finding({})])).toBe(true);
    expect(sameFindings(a, [finding({ fix: 'other' })])).toBe(false);
    expect(sameFindings(a, [])).toBe(false);
  });
});

describe('describeDismissal', () => {
  it('reads the rule, section and subject from the finding key', () => {
    const f = finding({ subject: 'Any company', section: 'industries' });
    const summary = describeDismissal(dismissal(f));
    expect(summary).toMatchObject({ severity: 'warning', subject: 'any company' });
    expect(summary.title).not.toBe('vague-catch-all');
    expect(summary.section).toBe(sectionTitle('industries'));
  });

  it('copes with the whole ICP, subjects with colons and unknown rules', () => {
    const whole = finding({ ruleId: 'static-review-overdue', section: null, subject: 'a: b' });
    expect(describeDismissal(dismissal(whole))).toMatchObject({ section: null, subject: 'a: b' });
    expect(describeDismissal({ ruleId: 'gone', findingKey: 'gone:goals:x' })).toEqual({
      title: 'gone',
      severity: null,
      section: sectionTitle('goals'),
      subject: 'x',
    });
  });
});
