import { describe, expect, it } from 'vitest';
import type { IcpReviewDto, SignOffDto } from '@bullseye/shared';
import { reviewNextStep, reviewSummaryLine } from './reviewNextStep.js';

const hash = 'c'.repeat(64);
const signOff = (fn: SignOffDto['function'], decision: SignOffDto['decision'] = 'approve'): SignOffDto => ({
  function: fn,
  decision,
  reason: null,
  by: null,
  at: '2026-03-01T10:00:00.000Z',
  versionHash: hash,
});
const draft: IcpReviewDto = {
  state: 'draft',
  reviewDue: false,
  reviewDueAt: null,
  reviewIntervalDays: 90,
  current: null,
  approved: null,
};
const inReview = (signOffs: SignOffDto[]): IcpReviewDto => ({
  ...draft,
  state: 'in_review',
  current: {
    versionId: '00000000-0000-4000-8000-000000000005',
    number: 5,
    hash,
    requestedBy: null,
    requestedAt: '2026-03-01T09:00:00.000Z',
    signOffs,
  },
});
const approved: IcpReviewDto['approved'] = {
  versionId: '00000000-0000-4000-8000-000000000003',
  number: 3,
  name: null,
  hash,
  approvedBy: null,
  approvedAt: '2026-01-01T09:00:00.000Z',
  signOffs: [],
};

describe('reviewNextStep', () => {
  it('explains the workflow while nothing is approved', () => {
    expect(reviewNextStep(draft)).toMatch(/^No version has been approved yet/);
  });

  it('names the functions still to sign', () => {
    expect(reviewNextStep(inReview([signOff('sales'), signOff('product')]))).toBe(
      'Waiting for Marketing and Customer success to sign off version 5.',
    );
  });

  it('hands over to an approver once all four approved', () => {
    const all = inReview(
      ['sales', 'marketing', 'product', 'customer_success'].map((f) => signOff(f as never)),
    );
    expect(reviewNextStep(all)).toMatch(/^All 4 functions approved version 5/);
  });

  it('says who asked for changes', () => {
    expect(reviewNextStep(inReview([signOff('marketing', 'request_changes')]))).toMatch(
      /^Marketing asked for changes to version 5/,
    );
  });

  it('names the approved version when nothing is in review', () => {
    expect(reviewNextStep({ ...draft, state: 'approved', approved })).toBe(
      'Version 3 is the approved version everybody uses.',
    );
  });
});

describe('reviewSummaryLine', () => {
  it('is empty for a plain draft', () => {
    expect(reviewSummaryLine(draft, null)).toBeNull();
  });

  it('names the versions in review and approved, and when the next review is due', () => {
    const review = { ...inReview([]), approved };
    expect(reviewSummaryLine(review, { short: 'due in 12 days', overdue: false })).toBe(
      'Version 5 in review · Version 3 approved · next review due in 12 days',
    );
    expect(reviewSummaryLine({ ...draft, approved }, { short: '3 days overdue', overdue: true })).toBe(
      'Version 3 approved · review 3 days overdue',
    );
  });
});

describe('reviewNextStep when the review is due', () => {
  it('says so after naming the approved version', () => {
    const approved: IcpReviewDto['approved'] = {
      versionId: '00000000-0000-4000-8000-000000000003',
      number: 3,
      name: null,
      hash: 'c'.repeat(64),
      approvedBy: null,
      approvedAt: '2026-01-01T09:00:00.000Z',
      signOffs: [],
    };
    const review: IcpReviewDto = {
      state: 'approved',
      reviewDue: true,
      reviewDueAt: '2026-04-01T09:00:00.000Z',
      reviewIntervalDays: 90,
      current: null,
      approved,
    };
    expect(reviewNextStep(review)).toMatch(/approved version everybody uses\. Its review is due/);
  });
});
