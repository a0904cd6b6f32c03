import { describe, expect, it } from 'vitest';
import type { IcpReviewDto, ReviewAbilities, SignOffDto } from '@bullseye/shared';
import { reviewNeedsMe } from './reviewAttention.js';

const signOff = (fn: SignOffDto['function']): SignOffDto => ({
  function: fn,
  decision: 'approve',
  reason: null,
  by: null,
  at: '2026-03-01T10:00:00.000Z',
  versionHash: 'd'.repeat(64),
});
const review = (signOffs: SignOffDto[] | null): IcpReviewDto => ({
  state: signOffs ? 'in_review' : 'draft',
  reviewDue: false,
  reviewDueAt: null,
  reviewIntervalDays: 90,
  approved: null,
  current: signOffs && {
    versionId: '00000000-0000-4000-8000-000000000001',
    number: 1,
    hash: 'd'.repeat(64),
    requestedBy: null,
    requestedAt: '2026-03-01T09:00:00.000Z',
    signOffs,
  },
});
const none: ReviewAbilities = { requestSignOff: false, restore: false, signOffFor: null, approve: false };

describe('reviewNeedsMe', () => {
  it('waits on a function member until they sign', () => {
    const sales = { ...none, signOffFor: 'sales' as const };
    expect(reviewNeedsMe(review([]), sales)).toBe(true);
    expect(reviewNeedsMe(review([signOff('sales')]), sales)).toBe(false);
    expect(reviewNeedsMe(review(null), sales)).toBe(false);
  });

  it('waits on an approver once all four approved', () => {
    const approver = { ...none, approve: true };
    expect(reviewNeedsMe(review([signOff('sales')]), approver)).toBe(false);
    const all = (['sales', 'marketing', 'product', 'customer_success'] as const).map(signOff);
    expect(reviewNeedsMe(review(all), approver)).toBe(true);
  });
});
