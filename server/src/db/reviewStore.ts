import type { Kysely, Selectable } from 'kysely';
import type { IcpFunction, ReviewDecision } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { ApprovalsTable, Database, IcpReviewsTable, SignOffsTable } from './schema.js';
import { timeOrderedId } from './timeOrderedId.js';

export type ReviewRow = Selectable<IcpReviewsTable>;
export type ApprovalRow = Selectable<ApprovalsTable>;

/** A sign-off with its signer's current name. */
export type SignOffRecord = Selectable<SignOffsTable> & { user_name: string | null };

/** The version a review or approval is about, as the review summary shows it. */
export interface ReviewedVersion {
  id: string;
  number: number;
  name: string | null;
  hash: string;
}

/** Where one ICP stands: its open review (if any) and its latest approval (if any). */
export interface ReviewSummary {
  open: {
    review: ReviewRow & { requested_by_name: string | null };
    version: ReviewedVersion;
    /** Every decision of the review, in the order they were made. */
    signOffs: SignOffRecord[];
  } | null;
  approved: {
    approval: ApprovalRow & { approved_by_name: string | null };
    version: ReviewedVersion;
    signOffs: SignOffRecord[];
  } | null;
}

export const NO_REVIEW: ReviewSummary = { open: null, approved: null };

/** How many ids go into one `in (...)` list, well under both databases' parameter limits. */
const CHUNK = 500;

/**
 * Sign-off requests (reviews), sign-offs and approvals. Sign-offs and approvals are only ever
 * inserted; a review is closed (approved or superseded) but never reopened. Methods that run
 * inside a command's transaction take `db`.
 */
export class ReviewStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** The ICP's open review, if a version is under review. */
  async openReview(icpId: string, db: Kysely<Database> = this.db): Promise<ReviewRow | undefined> {
    return db
      .selectFrom('icp_reviews')
      .selectAll()
      .where('icp_id', '=', icpId)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
  }

  async createReview(
    input: { icpId: string; versionId: string; requestedBy: string },
    db: Kysely<Database> = this.db,
  ): Promise<ReviewRow> {
    const now = this.clock.now();
    const row: ReviewRow = {
      id: timeOrderedId(now.getTime()),
      icp_id: input.icpId,
      version_id: input.versionId,
      requested_by: input.requestedBy,
      requested_at: now.toISOString(),
      closed_at: null,
      outcome: null,
    };
    await db.insertInto('icp_reviews').values(row).execute();
    return row;
  }

  async closeReview(
    id: string,
    outcome: 'approved' | 'superseded',
    db: Kysely<Database> = this.db,
  ): Promise<void> {
    await db
      .updateTable('icp_reviews')
      .set({ closed_at: this.clock.now().toISOString(), outcome })
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .execute();
  }

  async addSignOff(
    input: {
      review: ReviewRow;
      versionHash: string;
      function: IcpFunction;
      decision: ReviewDecision;
      reason: string | null;
      userId: string;
    },
    db: Kysely<Database> = this.db,
  ): Promise<Selectable<SignOffsTable>> {
    const now = this.clock.now();
    const row: Selectable<SignOffsTable> = {
      id: timeOrderedId(now.getTime()),
      review_id: input.review.id,
      icp_id: input.review.icp_id,
      version_id: input.review.version_id,
      function: input.function,
      decision: input.decision,
      reason: input.reason,
      user_id: input.userId,
      created_at: now.toISOString(),
      version_hash: input.versionHash,
    };
    await db.insertInto('sign_offs').values(row).execute();
    return row;
  }

  /** Every decision of a review, oldest first. */
  async signOffs(reviewId: string, db: Kysely<Database> = this.db): Promise<SignOffRecord[]> {
    return (await this.signOffsOf([reviewId], db)).get(reviewId) ?? [];
  }

  async addApproval(
    input: { review: ReviewRow; versionHash: string; approvedBy: string; note: string | null },
    db: Kysely<Database> = this.db,
  ): Promise<ApprovalRow> {
    const now = this.clock.now();
    const row: ApprovalRow = {
      id: timeOrderedId(now.getTime()),
      icp_id: input.review.icp_id,
      version_id: input.review.version_id,
      review_id: input.review.id,
      approved_by: input.approvedBy,
      approved_at: now.toISOString(),
      note: input.note,
      version_hash: input.versionHash,
    };
    await db.insertInto('approvals').values(row).execute();
    return row;
  }

  /** Which version of the ICP is approved now (its latest approval), in one indexed read. */
  async latestApproval(icpId: string): Promise<Pick<ApprovalRow, 'version_id' | 'approved_at'> | undefined> {
    return this.db
      .selectFrom('approvals')
      .select(['version_id', 'approved_at'])
      .where('icp_id', '=', icpId)
      .orderBy('approved_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** The latest approval of one version, with the sign-offs it rests on; undefined if never approved. */
  async approvalOfVersion(
    versionId: string,
    db: Kysely<Database> = this.db,
  ): Promise<NonNullable<ReviewSummary['approved']> | undefined> {
    const approval = await db
      .selectFrom('approvals')
      .leftJoin('users', 'users.id', 'approvals.approved_by')
      .selectAll('approvals')
      .select('users.name as approved_by_name')
      .where('approvals.version_id', '=', versionId)
      .orderBy('approvals.approved_at', 'desc')
      .orderBy('approvals.id', 'desc')
      .executeTakeFirst();
    if (!approval) return undefined;
    const version = await db
      .selectFrom('icp_versions')
      .select(['id', 'number', 'name', 'hash'])
      .where('id', '=', versionId)
      .executeTakeFirstOrThrow();
    return { approval, version, signOffs: await this.signOffs(approval.review_id, db) };
  }

  /** The review summary of one ICP. */
  async summary(icpId: string, db: Kysely<Database> = this.db): Promise<ReviewSummary> {
    return (await this.summaries([icpId], db)).get(icpId) ?? NO_REVIEW;
  }

  /**
   * Review summaries of many ICPs (a list page) in a fixed number of queries, whatever their
   * number: open reviews, latest approvals, their versions and their sign-offs.
   */
  async summaries(
    icpIds: readonly string[],
    db: Kysely<Database> = this.db,
  ): Promise<Map<string, ReviewSummary>> {
    const result = new Map<string, ReviewSummary>();
    if (icpIds.length === 0) return result;
    const openReviews: (ReviewRow & { requested_by_name: string | null })[] = [];
    const approvals: (ApprovalRow & { approved_by_name: string | null })[] = [];
    for (const ids of chunks(icpIds)) {
      openReviews.push(
        ...(await db
          .selectFrom('icp_reviews')
          .leftJoin('users', 'users.id', 'icp_reviews.requested_by')
          .selectAll('icp_reviews')
          .select('users.name as requested_by_name')
          .where('icp_reviews.icp_id', 'in', ids)
          .where('icp_reviews.closed_at', 'is', null)
          .execute()),
      );
      approvals.push(
        ...(await db
          .selectFrom('approvals')
          .leftJoin('users', 'users.id', 'approvals.approved_by')
          .selectAll('approvals')
          .select('users.name as approved_by_name')
          .where('approvals.icp_id', 'in', ids)
          .orderBy('approvals.approved_at')
          .orderBy('approvals.id')
          .execute()),
      );
    }
    // Approvals come oldest first, so the last one per ICP wins.
    const latestApproval = new Map(approvals.map((a) => [a.icp_id, a]));
    const versionIds = [
      ...new Set([
        ...openReviews.map((r) => r.version_id),
        ...[...latestApproval.values()].map((a) => a.version_id),
      ]),
    ];
    const versions = new Map<string, ReviewedVersion>();
    for (const ids of chunks(versionIds)) {
      const rows = await db
        .selectFrom('icp_versions')
        .select(['id', 'number', 'name', 'hash'])
        .where('id', 'in', ids)
        .execute();
      for (const row of rows) versions.set(row.id, row);
    }
    const signOffs = await this.signOffsOf(
      [...openReviews.map((r) => r.id), ...[...latestApproval.values()].map((a) => a.review_id)],
      db,
    );
    for (const id of icpIds) result.set(id, { open: null, approved: null });
    for (const review of openReviews) {
      const version = versions.get(review.version_id);
      if (version) {
        result.get(review.icp_id)!.open = { review, version, signOffs: signOffs.get(review.id) ?? [] };
      }
    }
    for (const approval of latestApproval.values()) {
      const version = versions.get(approval.version_id);
      if (version) {
        result.get(approval.icp_id)!.approved = {
          approval,
          version,
          signOffs: signOffs.get(approval.review_id) ?? [],
        };
      }
    }
    return result;
  }

  private async signOffsOf(
    reviewIds: readonly string[],
    db: Kysely<Database>,
  ): Promise<Map<string, SignOffRecord[]>> {
    const byReview = new Map<string, SignOffRecord[]>();
    for (const ids of chunks([...new Set(reviewIds)])) {
      const rows = await db
        .selectFrom('sign_offs')
        .leftJoin('users', 'users.id', 'sign_offs.user_id')
        .selectAll('sign_offs')
        .select('users.name as user_name')
        .where('sign_offs.review_id', 'in', ids)
        .orderBy('sign_offs.created_at')
        .orderBy('sign_offs.id')
        .execute();
      for (const row of rows) {
        const list = byReview.get(row.review_id) ?? [];
        list.push(row);
        byReview.set(row.review_id, list);
      }
    }
    return byReview;
  }
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}
