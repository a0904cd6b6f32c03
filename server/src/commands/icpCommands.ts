import type { IcpDto, IcpReviewDto, ListIcpsQuery, UpdateIcpBody } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { IcpRow, IcpStore } from '../db/icpStore.js';
import { NO_REVIEW, type ReviewStore, type ReviewSummary } from '../db/reviewStore.js';
import type { Membership } from '../db/workspaceStore.js';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import { notFound } from '../errors.js';
import { memberAbilities, memberReviewAbilities } from '../policies/policies.js';
import { presentIcp } from '../presenters/icp.js';
import { presentReview } from '../presenters/review.js';

/**
 * ICP records as members read and change them, always presented with their review. Changes that
 * open editors must hear about write the record, then push the new record to the ICP's connected
 * clients (each with their own abilities).
 */
export class IcpCommands {
  constructor(
    private readonly icps: IcpStore,
    private readonly reviews: ReviewStore,
    private readonly collab: CollabEvents,
    private readonly clock: Clock,
  ) {}

  /** The workspace's ICPs with their reviews, loaded in a fixed number of queries. */
  async list(membership: Membership, query: ListIcpsQuery): Promise<{ icps: IcpDto[] }> {
    const rows = await this.icps.list({ workspaceId: query.workspaceId, archived: query.archived });
    const summaries = await this.reviews.summaries(rows.map((row) => row.id));
    return { icps: rows.map((row) => this.present(row, membership, summaries.get(row.id) ?? NO_REVIEW)) };
  }

  async get(row: IcpRow, membership: Membership): Promise<IcpDto> {
    return this.present(row, membership, await this.reviews.summary(row.id));
  }

  async create(membership: Membership, title: string): Promise<IcpDto> {
    const row = await this.icps.create(membership.workspaceId, title);
    return this.present(row, membership, NO_REVIEW);
  }

  /** Renames and/or sets the review cadence; open editors see it live. */
  async update(membership: Membership, id: string, patch: UpdateIcpBody): Promise<IcpDto> {
    const row = await this.icps.update(id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.reviewIntervalDays !== undefined ? { review_interval_days: patch.reviewIntervalDays } : {}),
    });
    if (!row) throw notFound('ICP');
    return this.publish(row, membership);
  }

  async setArchived(membership: Membership, id: string, archived: boolean): Promise<IcpDto> {
    const row = await this.icps.setArchived(id, archived);
    if (!row) throw notFound('ICP');
    await this.collab.setReadOnly(id, archived);
    return this.publish(row, membership);
  }

  /** The ICP's review as every response and event carries it. */
  async review(row: IcpRow): Promise<IcpReviewDto> {
    return presentReview(await this.reviews.summary(row.id), row.review_interval_days, this.clock.now());
  }

  /** Pushes the ICP (with its review) to open editors and presents it for `membership`. */
  async publish(row: IcpRow, membership: Membership): Promise<IcpDto> {
    const review = await this.review(row);
    try {
      await this.collab.publishIcp(row, review);
    } catch (error) {
      console.error('could not notify open sockets of an ICP change', error);
    }
    return presentIcp(row, memberAbilities(membership, row), memberReviewAbilities(membership, row), review);
  }

  private present(row: IcpRow, membership: Membership, summary: ReviewSummary): IcpDto {
    return presentIcp(
      row,
      memberAbilities(membership, row),
      memberReviewAbilities(membership, row),
      presentReview(summary, row.review_interval_days, this.clock.now()),
    );
  }
}
