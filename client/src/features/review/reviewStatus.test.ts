import { describe, expect, it } from 'vitest';
import type { IcpReviewDto, SignOffDto } from '@bullseye/shared';
import { approvalCount, reviewStatusView } from './reviewStatus.js';

const hash = 'a'.repeat(64);
const signOff = (fn: SignOffDto['function'], decision: SignOffDto['decision']): SignOffDto => ({
  function: fn,
  decision,
  reason: decision === 'request_changes' ? 'Too vague' : null,
  by: { id: 'u1', name: 'Sam' },
  at: '2026-03-01T10:00:00.000Z',
  versionHash: hash,
});

const base: IcpReviewDto = {
  state: 'draft',
  reviewDue: false,
  reviewDueAt: null,
  reviewIntervalDays: 90,
  current: null,
  approved: null,
};

const current = (signOffs: SignOffDto[]): IcpReviewDto['current'] => ({
  versionId: '00000000-0000-4000-8000-000000000001',
  number: 5,
  hash,
  requestedBy: null,
  requestedAt: '2026-03-01T09:00:00.000Z',
  signOffs,
});

describe('reviewStatusView', () => {
  it('says Draft with nothing else for an ICP never put up for review', () => {
    expect(reviewStatusView(base)).toEqual({ state: 'draft', label: 'Draft', detail: null, text: 'Draft' });
  });

  it('counts the functions that approved the version under review', () => {
    const review: IcpReviewDto = {
      ...base,
      state: 'in_review',
      current: current([signOff('sales', 'approve'), signOff('product', 'approve')]),
    };
    expect(approvalCount(review)).toBe(2);
    expect(reviewStatusView(review).text).toBe('In review, 2 of 4 signed');
  });

  it('names the functions that asked for changes', () => {
    const review: IcpReviewDto = {
      ...base,
      state: 'changes_requested',
      current: current([
        signOff('sales', 'request_changes'),
        signOff('marketing', 'approve'),
        signOff('customer_success', 'request_changes'),
      ]),
    };
    expect(reviewStatusView(review)).toMatchObject({
      label: 'Changes requested',
      detail: 'by Sales and Customer success',
    });
  });

  it('counts rather than names three or more functions asking for changes', () => {
    const review: IcpReviewDto = {
      ...base,
      state: 'changes_requested',
      current: current([
        signOff('sales', 'request_changes'),
        signOff('marketing', 'request_changes'),
        signOff('product', 'request_changes'),
      ]),
    };
    expect(reviewStatusView(review).detail).toBe('by 3 functions');
  });

  it('uses the latest decision of a function that changed its mind', () => {
    const review: IcpReviewDto = {
      ...base,
      state: 'in_review',
      current: current([signOff('sales', 'request_changes'), signOff('sales', 'approve')]),
    };
    expect(approvalCount(review)).toBe(1);
  });

  it('shows the approved version number', () => {
    const review: IcpReviewDto = {
      ...base,
      state: 'approved',
      approved: {
        versionId: '00000000-0000-4000-8000-000000000002',
        number: 3,
        name: 'Q1',
        hash,
        approvedBy: null,
        approvedAt: '2026-03-02T09:00:00.000Z',
        signOffs: [],
      },
    };
    expect(reviewStatusView(review).text).toBe('Approved, v3');
  });
});
