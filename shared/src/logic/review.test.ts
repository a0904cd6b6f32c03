import { describe, expect, it } from 'vitest';
import { isReviewDue, missingApprovals, reviewAbilities, reviewDueAt, reviewState } from './review.js';

describe('review rules', () => {
  it('lets editors request sign-off, function members sign for their function, approvers approve', () => {
    expect(reviewAbilities({ role: 'editor', function: 'sales', approver: false }, false)).toEqual({
      requestSignOff: true,
      restore: true,
      signOffFor: 'sales',
      approve: false,
    });
    expect(reviewAbilities({ role: 'commenter', function: 'product', approver: true }, false)).toEqual({
      requestSignOff: false,
      restore: false,
      signOffFor: 'product',
      approve: true,
    });
    expect(reviewAbilities({ role: 'viewer', function: 'marketing', approver: true }, false)).toEqual({
      requestSignOff: false,
      restore: false,
      signOffFor: null,
      approve: false,
    });
    expect(reviewAbilities({ role: 'admin', function: 'sales', approver: true }, true)).toEqual({
      requestSignOff: false,
      restore: false,
      signOffFor: null,
      approve: false,
    });
  });

  it('counts only each function’s latest decision', () => {
    expect(missingApprovals([])).toEqual(['sales', 'marketing', 'product', 'customer_success']);
    expect(
      missingApprovals([
        { function: 'sales', decision: 'approve' },
        { function: 'product', decision: 'request_changes' },
        { function: 'product', decision: 'approve' },
        { function: 'marketing', decision: 'approve' },
        { function: 'marketing', decision: 'request_changes' },
      ]),
    ).toEqual(['marketing', 'customer_success']);
  });

  it('moves from draft to in review, changes requested and approved', () => {
    expect(reviewState({ underReview: null, hasApproved: false })).toBe('draft');
    expect(reviewState({ underReview: [], hasApproved: false })).toBe('in_review');
    expect(
      reviewState({ underReview: [{ function: 'sales', decision: 'request_changes' }], hasApproved: true }),
    ).toBe('changes_requested');
    expect(
      reviewState({
        underReview: [
          { function: 'sales', decision: 'request_changes' },
          { function: 'sales', decision: 'approve' },
        ],
        hasApproved: true,
      }),
    ).toBe('in_review');
    expect(reviewState({ underReview: null, hasApproved: true })).toBe('approved');
  });

  it('is due a review interval after the last approval', () => {
    const approvedAt = '2027-01-01T00:00:00.000Z';
    expect(reviewDueAt(approvedAt, 90)?.toISOString()).toBe('2027-04-01T00:00:00.000Z');
    expect(isReviewDue(approvedAt, 90, new Date('2027-03-31T23:59:59.000Z'))).toBe(false);
    expect(isReviewDue(approvedAt, 90, new Date('2027-04-01T00:00:00.000Z'))).toBe(true);
    expect(isReviewDue(null, 90, new Date('2030-01-01T00:00:00.000Z'))).toBe(false);
  });
});
