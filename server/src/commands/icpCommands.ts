import * as Y from 'yjs';
import type {
  DuplicateIcpBody,
  IcpDraftDto,
  IcpDto,
  IcpKind,
  IcpListItemDto,
  IcpReviewDto,
  ListIcpsQuery,
  UpdateIcpBody,
} from '@bullseye/shared';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { AuditStore } from '../db/auditStore.js';
import { docOfState } from '../db/docSnapshot.js';
import type { Database } from '../db/schema.js';
import type { UpdateLog } from '../db/updateLog.js';
import type { LiveDrafts } from '../collaboration/collabEvents.js';
import { writeContent } from '../collaboration/restoreContent.js';
import type { DraftDigests } from '../db/draftDigests.js';
import type { IcpRow, IcpStore } from '../db/icpStore.js';
import { NO_REVIEW, type ReviewStore, type ReviewSummary } from '../db/reviewStore.js';
import type { Membership } from '../db/workspaceStore.js';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import { conflict, notFound } from '../errors.js';
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
    private readonly db: Kysely<Database>,
    private readonly icps: IcpStore,
    private readonly reviews: ReviewStore,
    private readonly collab: CollabEvents,
    private readonly clock: Clock,
    private readonly drafts: DraftDigests,
    private readonly audit: AuditStore,
    private readonly liveDrafts: LiveDrafts,
    private readonly log: UpdateLog,
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

  async create(membership: Membership, title: string, kind: IcpKind = 'icp'): Promise<IcpDto> {
    const row = await this.icps.create(membership.workspaceId, title, kind);
    return this.present(row, membership, NO_REVIEW);
  }

  /**
   * A new ICP in the same workspace starting from `source`'s content as committed now (criteria
   * with their evidence and rules, narrative, scoring settings, best-customer definition), written
   * afresh: none of its history, comments, versions, sign-offs or workshops. The new record, its
   * first update and the audit entry commit together.
   */
  async duplicate(membership: Membership, source: IcpRow, body: DuplicateIcpBody): Promise<IcpDto> {
    const from = docOfState(await this.liveDrafts.draftState(source.id));
    const copy = new Y.Doc();
    let update: Uint8Array;
    try {
      copy.transact(() => writeContent(copy, from));
      update = Y.encodeStateAsUpdate(copy);
    } finally {
      from.destroy();
      copy.destroy();
    }
    const kind = body.kind ?? source.kind;
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await this.icps.create(membership.workspaceId, body.title, kind, trx);
      await this.log.append([{ icpId: created.id, data: update }], trx);
      await this.audit.append(
        {
          workspaceId: membership.workspaceId,
          icpId: created.id,
          kind: 'icp.duplicated',
          actorId: membership.userId,
          data: { fromIcpId: source.id, fromTitle: source.title, kind },
        },
        trx,
      );
      return created;
    });
    return this.present(row, membership, NO_REVIEW);
  }

  /**
   * Renames, sets the review cadence and/or the kind; open editors see it live. A negative ICP is
   * never the primary one: becoming negative clears the mark. A kind change is audited, since it
   * changes what every other ICP's scores disqualify, and it is refused (409 `kind_locked`) once a
   * version is under review or approved: what was signed off as one kind never starts to count as
   * the other without a new approval (duplicate it as the other kind instead).
   */
  async update(membership: Membership, row: IcpRow, patch: UpdateIcpBody): Promise<IcpDto> {
    const changesKind = patch.kind !== undefined && patch.kind !== row.kind;
    const updated = await this.db.transaction().execute(async (trx) => {
      if (changesKind) {
        // Under the ICP's lock, so no sign-off request or approval slips in between.
        await this.icps.lock(row.id, trx);
        const summary = (await this.reviews.summaries([row.id], trx)).get(row.id);
        if (summary?.open || summary?.approved) {
          throw conflict(
            'kind_locked',
            summary.approved
              ? 'This ICP has an approved version, signed off as it is: duplicate it as the other kind instead'
              : 'A version of this ICP is under review: finish the review, or duplicate it as the other kind',
          );
        }
      }
      const next = await this.icps.update(
        row.id,
        {
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.reviewIntervalDays !== undefined
            ? { review_interval_days: patch.reviewIntervalDays }
            : {}),
          ...(changesKind ? { kind: patch.kind } : {}),
          ...(changesKind && patch.kind === 'negative' ? { primary_at: null } : {}),
        },
        trx,
      );
      if (next && changesKind) {
        await this.audit.append(
          {
            workspaceId: membership.workspaceId,
            icpId: row.id,
            kind: 'icp.kind_changed',
            actorId: membership.userId,
            data: { before: row.kind, after: patch.kind },
          },
          trx,
        );
      }
      return next;
    });
    if (!updated) throw notFound('ICP');
    return this.publish(updated, membership);
  }

  /**
   * Marks the ICP as the workspace's primary one (the previous primary loses the mark) or removes
   * the mark. Negative and archived ICPs cannot be primary (409). Audited when something changed.
   */
  async setPrimary(membership: Membership, row: IcpRow, primary: boolean): Promise<IcpDto> {
    const { updated, previous } = await this.db.transaction().execute(async (trx) => {
      await this.icps.lockWorkspace(row.workspace_id!, trx);
      // Read again under the lock: archived or made negative meanwhile, it cannot be marked.
      const current = await this.icps.find(row.id, trx);
      if (!current) throw notFound('ICP');
      if (primary && current.kind === 'negative') throw notPrimary('negative');
      if (primary && current.archived_at !== null) throw notPrimary('archived');
      if ((current.primary_at !== null) === primary) return { updated: current, previous: null };
      const { previous, refused } = await this.icps.setPrimary(current, primary, trx);
      // Archived or made negative between the read and the mark (those do not take the lock).
      if (refused) {
        const now = await this.icps.find(row.id, trx);
        throw notPrimary(now?.kind === 'negative' ? 'negative' : 'archived');
      }
      await this.audit.append(
        {
          workspaceId: membership.workspaceId,
          icpId: row.id,
          kind: 'icp.primary_changed',
          actorId: membership.userId,
          data: { primary, previousIcpId: previous },
        },
        trx,
      );
      return { updated: (await this.icps.find(row.id, trx))!, previous };
    });
    if (previous) {
      const before = await this.icps.find(previous);
      if (before) await this.publish(before, membership);
    }
    return this.publish(updated, membership);
  }

  /** Archives (read-only, hidden from the list; no longer primary) or restores an ICP. */
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

/** Why an ICP cannot be marked primary. */
function notPrimary(why: 'negative' | 'archived') {
  return why === 'negative'
    ? conflict('negative_icp', 'A negative ICP (who we never sell to) cannot be the primary ICP')
    : conflict('archived', 'An archived ICP cannot be the primary ICP: restore it first');
}
