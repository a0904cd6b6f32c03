import type {
  IcpDraftDto,
  IcpDto,
  IcpListItemDto,
  IcpReviewDto,
  ListIcpsQuery,
  UpdateIcpBody,
} from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { DraftDigests } from '../db/draftDigests.js';
import type { IcpRow, IcpStore } from '../db/icpStore.js';
import { NO_REVIEW, type ReviewStore, type ReviewSummary } from '../db/reviewStore.js';
import type { Membership } from '../db/workspaceStore.js';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import { notFound } from '../errors.js';
import { memberAbilities, memberReviewAbilities } from '../policies/policies.js';
import { presentDraft, presentIcp } from '../presenters/icp.js';
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
    private readonly drafts: DraftDigests,
  ) {}

  /**
   * The workspace's ICPs with their reviews, each with what a team needs to choose one: its draft
   * against the approved version and the version under review, completeness, last editor and who
   * has it open now. A fixed number of queries, plus one read of each draft changed since it was
   * last digested (see DraftDigests).
   */
  async list(membership: Membership, query: ListIcpsQuery): Promise<{ icps: IcpListItemDto[] }> {
    const rows = await this.icps.list({ workspaceId: query.workspaceId, archived: query.archived });
    const ids = rows.map((row) => row.id);
    const [summaries, digests, names] = await Promise.all([
      this.reviews.summaries(ids),
      this.drafts.digests(ids),
      this.icps.userNames(rows.flatMap((row) => (row.last_edited_by ? [row.last_edited_by] : []))),
    ]);
    const active = this.collab.activeUsers(ids);
    return {
      icps: rows.map((row) => {
        const icp = this.present(row, membership, summaries.get(row.id) ?? NO_REVIEW);
        const editor = row.last_edited_by;
        const name = editor ? names.get(editor) : undefined;
        return {
          ...icp,
          draft: presentDraft(icp.review, digests.get(row.id)),
          lastEditor: editor && name !== undefined ? { id: editor, name } : null,
          activeUsers: active.get(row.id) ?? [],
        };
      }),
    };
  }

  async get(row: IcpRow, membership: Membership): Promise<IcpDto> {
    return this.present(row, membership, await this.reviews.summary(row.id));
  }

  /** The committed draft against the approved version and the version under review. */
  async draft(row: IcpRow): Promise<IcpDraftDto> {
    const [review, digests] = await Promise.all([this.review(row), this.drafts.digests([row.id])]);
    return presentDraft(review, digests.get(row.id));
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
