import {
  FUNCTIONS,
  isReviewDue,
  latestDecisions,
  reviewDueAt,
  reviewState,
  type IcpFunction,
  type IcpReviewDto,
  type PersonRefDto,
  type ReviewDecision,
  type SignOffDto,
} from '@bullseye/shared';
import type { ReviewSummary, SignOffRecord } from '../db/reviewStore.js';

/**
 * Where an ICP stands in its review, as every ICP response carries it. `now` decides whether the
 * review is due (the injectable clock's time).
 */
export function presentReview(summary: ReviewSummary, reviewIntervalDays: number, now: Date): IcpReviewDto {
  const { open, approved } = summary;
  const approvedAt = approved?.approval.approved_at ?? null;
  const dueAt = reviewDueAt(approvedAt, reviewIntervalDays);
  return {
    state: reviewState({
      underReview: open ? decisionsOf(open.signOffs) : null,
      hasApproved: approved !== null,
    }),
    reviewDue: isReviewDue(approvedAt, reviewIntervalDays, now),
    reviewDueAt: dueAt?.toISOString() ?? null,
    reviewIntervalDays,
    current: open && {
      versionId: open.version.id,
      number: open.version.number,
      hash: open.version.hash,
      requestedBy: person(open.review.requested_by, open.review.requested_by_name),
      requestedAt: open.review.requested_at,
      signOffs: presentLatestSignOffs(open.signOffs),
    },
    approved: approved && {
      versionId: approved.version.id,
      number: approved.version.number,
      name: approved.version.name,
      hash: approved.approval.version_hash,
      approvedBy: person(approved.approval.approved_by, approved.approval.approved_by_name),
      approvedAt: approved.approval.approved_at,
      signOffs: presentLatestSignOffs(approved.signOffs),
    },
  };
}

/** The latest decision of each function that has signed, in the canonical function order. */
export function presentLatestSignOffs(records: readonly SignOffRecord[]): SignOffDto[] {
  const latest = latestDecisions(records.map((record) => ({ ...decisionOf(record), record })));
  return FUNCTIONS.flatMap((fn) => {
    const entry = latest.get(fn);
    return entry ? [presentSignOff(entry.record)] : [];
  });
}

export function presentSignOff(record: SignOffRecord): SignOffDto {
  return {
    function: record.function as IcpFunction,
    decision: record.decision as ReviewDecision,
    reason: record.reason,
    by: person(record.user_id, record.user_name),
    at: record.created_at,
    versionHash: record.version_hash,
  };
}

function decisionOf(record: SignOffRecord) {
  return { function: record.function as IcpFunction, decision: record.decision as ReviewDecision };
}

function decisionsOf(records: readonly SignOffRecord[]) {
  return records.map(decisionOf);
}

/** A person by id with their current name; null once their account is gone. */
export function person(id: string | null, name: string | null): PersonRefDto | null {
  return id !== null && name !== null ? { id, name } : null;
}
