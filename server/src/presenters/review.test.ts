import { describe, expect, it } from 'vitest';
import type { ReviewSummary, SignOffRecord } from '../db/reviewStore.js';
import { presentReview } from './review.js';

const version = { id: '0190a5e0-0000-7000-8000-000000000001', number: 3, name: 'Q1', hash: 'h'.repeat(64) };

function signOff(fn: string, decision: string, at: string, name: string | null = 'Sam'): SignOffRecord {
  return {
    id: `s-${fn}-${at}`,
    review_id: 'r1',
    icp_id: 'i',
    version_id: version.id,
    function: fn,
    decision,
    reason: decision === 'request_changes' ? 'Why' : null,
    user_id: 'u1',
    user_name: name,
    created_at: at,
    version_hash: version.hash,
  };
}

const review = {
  id: 'r1',
  icp_id: 'i',
  version_id: version.id,
  requested_by: 'u2',
  requested_by_name: 'Edna',
  requested_at: '2027-01-01T00:00:00.000Z',
  closed_at: null,
  outcome: null,
};

describe('presentReview', () => {
  it('shows the latest decision per function, in function order, and the state they make', () => {
    const summary: ReviewSummary = {
      open: {
        review,
        version,
        signOffs: [
          signOff('product', 'approve', '2027-01-02T00:00:00.000Z'),
          signOff('sales', 'request_changes', '2027-01-03T00:00:00.000Z'),
          signOff('sales', 'approve', '2027-01-04T00:00:00.000Z', null),
        ],
      },
      approved: null,
    };
    const dto = presentReview(summary, 90, new Date('2027-02-01T00:00:00.000Z'));
    expect(dto.state).toBe('in_review');
    expect(dto.current?.signOffs.map((s) => [s.function, s.decision, s.by])).toEqual([
      ['sales', 'approve', null],
      ['product', 'approve', { id: 'u1', name: 'Sam' }],
    ]);
    expect(dto.current?.requestedBy).toEqual({ id: 'u2', name: 'Edna' });
    expect(dto).toMatchObject({ reviewDue: false, reviewDueAt: null, approved: null });
  });

  it('is due once the interval has passed since the approval, by the clock it is given', () => {
    const summary: ReviewSummary = {
      open: null,
      approved: {
        approval: {
          id: 'a1',
          icp_id: 'i',
          version_id: version.id,
          review_id: 'r1',
          approved_by: 'u3',
          approved_by_name: 'Lee',
          approved_at: '2027-01-01T00:00:00.000Z',
          note: null,
          version_hash: version.hash,
        },
        version,
        signOffs: [],
      },
    };
    const early = presentReview(summary, 30, new Date('2027-01-30T23:59:59.999Z'));
    expect(early).toMatchObject({
      state: 'approved',
      reviewDue: false,
      reviewDueAt: '2027-01-31T00:00:00.000Z',
    });
    expect(presentReview(summary, 30, new Date('2027-01-31T00:00:00.000Z')).reviewDue).toBe(true);
    expect(early.approved).toMatchObject({
      versionId: version.id,
      number: 3,
      approvedBy: { id: 'u3', name: 'Lee' },
    });
  });
});
