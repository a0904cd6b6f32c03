import type { Kysely } from 'kysely';
import {
  missingApprovals,
  type ApproveVersionBody,
  type IcpFunction,
  type IcpReviewDto,
  type ReviewDecision,
  type ReviewInboxEvent,
  type SignOffBody,
} from '@bullseye/shared';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import type { AuditStore } from '../db/auditStore.js';
import type { CommentStore } from '../db/commentStore.js';
import type { FollowStore } from '../db/followStore.js';
import type { IcpRow, IcpStore } from '../db/icpStore.js';
import type { InboxStore } from '../db/inboxStore.js';
import type { ReviewRow, ReviewStore } from '../db/reviewStore.js';
import type { Database } from '../db/schema.js';
import type { VersionRecord, VersionStore } from '../db/versionStore.js';
import type { Membership, WorkspaceStore } from '../db/workspaceStore.js';
import { conflict, notFound } from '../errors.js';
import type { VersionAccess } from '../policies/accessLoader.js';
import type { IcpCommands } from './icpCommands.js';
import { reviewRecipients, type ReviewRecipientsInput } from './reviewRecipients.js';

/** A review step as the inbox hears of it (see `reviewRecipients`). */
interface InboxStep {
  event: ReviewInboxEvent;
  requesterId: string | null;
  byFunction?: IcpFunction | null;
  excerpt?: string | null;
  signers?: ReviewRecipientsInput['signers'];
}

/**
 * The review workflow: an editor requests sign-off on a version, each function signs off (approve,
 * or request changes), an approver approves. Who may take a step is the policies' business (the
 * router authorizes first); whether the ICP's review allows it is decided here, inside the
 * transaction that records it with its audit entry and the inbox items it causes (sign-off
 * requested, changes requested, all four approved, approved; see `reviewRecipients`). Open
 * clients then hear the ICP's new review, and the people concerned their new unread counts.
 */
export class ReviewCommands {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly icps: IcpStore,
    private readonly versions: VersionStore,
    private readonly reviews: ReviewStore,
    private readonly comments: CommentStore,
    private readonly audit: AuditStore,
    private readonly icpCommands: IcpCommands,
    private readonly inbox: InboxStore,
    private readonly follows: FollowStore,
    private readonly workspaces: WorkspaceStore,
    private readonly events: CollabEvents,
  ) {}

  /**
   * Puts the version under review. An open review of another version is superseded: its sign-offs
   * stay in history but no longer count. Any version may be put under review, an older one too.
   */
  async request(target: VersionAccess): Promise<IcpReviewDto> {
    const { version, icp, membership } = target;
    const notified = await this.db.transaction().execute(async (trx) => {
      const current = await this.lockedIcp(icp.id, trx);
      const open = await this.reviews.openReview(icp.id, trx);
      if (open?.version_id === version.id) {
        throw conflict('already_in_review', `Version ${version.number} is already under review`);
      }
      const superseded = open ? await this.versions.find(open.version_id, trx) : undefined;
      if (open) await this.reviews.closeReview(open.id, 'superseded', trx);
      await this.reviews.createReview(
        { icpId: icp.id, versionId: version.id, requestedBy: membership.userId },
        trx,
      );
      await this.append(current, membership, 'signoff.requested', version, trx, {
        supersededVersionNumber: superseded?.number ?? null,
      });
      return this.deliver(current, membership, version, trx, {
        event: 'signoff_requested',
        requesterId: membership.userId,
      });
    });
    return this.announce(icp.id, membership, notified);
  }

  /** Records a function's decision on the version under review; a later one replaces it. */
  async signOff(target: VersionAccess, body: SignOffBody): Promise<IcpReviewDto> {
    const { version, icp, membership } = target;
    const notified = await this.db.transaction().execute(async (trx) => {
      const current = await this.lockedIcp(icp.id, trx);
      const review = await this.underReview(icp.id, version, trx);
      // Asking for changes is how a function voices open concerns, so only approving waits for
      // blocking threads to be resolved.
      if (body.decision === 'approve') await this.refuseWhileBlocked(icp.id, 'signing off', trx);
      const decision: ReviewDecision = body.decision;
      const fn: IcpFunction = body.function;
      const reason = body.reason || null;
      const missingBefore = missingApprovals(await this.decisions(review, trx));
      await this.reviews.addSignOff(
        { review, versionHash: version.hash, function: fn, decision, reason, userId: membership.userId },
        trx,
      );
      await this.append(current, membership, 'signoff.recorded', version, trx, {
        function: fn,
        decision,
        reason,
      });
      if (decision === 'request_changes') {
        return this.deliver(current, membership, version, trx, {
          event: 'changes_requested',
          requesterId: review.requested_by,
          byFunction: fn,
          excerpt: reason,
        });
      }
      // The sign-off that completes the four approvals tells approvers they can approve.
      const missingAfter = missingApprovals(await this.decisions(review, trx));
      if (missingBefore.length > 0 && missingAfter.length === 0) {
        return this.deliver(current, membership, version, trx, {
          event: 'all_approved',
          requesterId: review.requested_by,
        });
      }
      return [];
    });
    return this.announce(icp.id, membership, notified);
  }

  /**
   * Approves the version under review once all four functions' latest decisions approve it: it
   * becomes the ICP's approved version (bound to its hash) and the review closes.
   */
  async approve(target: VersionAccess, body: ApproveVersionBody): Promise<IcpReviewDto> {
    const { version, icp, membership } = target;
    const notified = await this.db.transaction().execute(async (trx) => {
      const current = await this.lockedIcp(icp.id, trx);
      const review = await this.underReview(icp.id, version, trx);
      const signOffs = await this.reviews.signOffs(review.id, trx);
      const missing = missingApprovals(
        signOffs.map((s) => ({
          function: s.function as IcpFunction,
          decision: s.decision as ReviewDecision,
        })),
      );
      if (missing.length > 0) {
        throw conflict(
          'sign_offs_missing',
          `All four functions must approve version ${version.number} first; missing: ${missing.join(', ')}`,
        );
      }
      await this.refuseWhileBlocked(icp.id, 'approving', trx);
      const note = body.note || null;
      await this.reviews.addApproval(
        { review, versionHash: version.hash, approvedBy: membership.userId, note },
        trx,
      );
      await this.reviews.closeReview(review.id, 'approved', trx);
      const latest = new Map(signOffs.map((s) => [s.function, s]));
      await this.append(current, membership, 'version.approved', version, trx, {
        note,
        signOffs: [...latest.values()].map((s) => ({
          function: s.function,
          userId: s.user_id,
          at: s.created_at,
        })),
      });
      return this.deliver(current, membership, version, trx, {
        event: 'approved',
        requesterId: review.requested_by,
        excerpt: note,
        signers: [...latest.values()].flatMap((s) =>
          s.user_id ? [{ userId: s.user_id, function: s.function as IcpFunction }] : [],
        ),
      });
    });
    return this.announce(icp.id, membership, notified);
  }

  /** The review's decisions so far, oldest first. */
  private async decisions(review: ReviewRow, trx: Kysely<Database>) {
    return (await this.reviews.signOffs(review.id, trx)).map((s) => ({
      function: s.function as IcpFunction,
      decision: s.decision as ReviewDecision,
    }));
  }

  /** Writes the step's inbox items; answers who got one. */
  private async deliver(
    icp: IcpRow,
    membership: Membership,
    version: VersionRecord,
    trx: Kysely<Database>,
    step: InboxStep,
  ): Promise<string[]> {
    const members = await this.workspaces.members(membership.workspaceId, trx);
    const followers = await this.follows.followers(icp.id, trx);
    const recipients = reviewRecipients({
      event: step.event,
      actorId: membership.userId,
      members: members.map((m) => m.membership),
      followers,
      requesterId: step.requesterId,
      signers: step.signers,
    });
    return this.inbox.deliverReview(
      {
        icpId: icp.id,
        versionId: version.id,
        event: step.event,
        actorId: membership.userId,
        byFunction: step.byFunction ?? null,
        excerpt: step.excerpt ?? null,
        recipients,
      },
      trx,
    );
  }

  /** The open review, if it is this version's; 409 otherwise. */
  private async underReview(
    icpId: string,
    version: VersionRecord,
    trx: Kysely<Database>,
  ): Promise<ReviewRow> {
    const open = await this.reviews.openReview(icpId, trx);
    if (!open) {
      throw conflict('not_in_review', 'No version is under review; request sign-off on a version first');
    }
    if (open.version_id !== version.id) {
      const current = await this.versions.find(open.version_id, trx);
      throw conflict(
        'version_superseded',
        `Version ${version.number} is not under review; version ${current?.number ?? '?'} is`,
      );
    }
    return open;
  }

  /**
   * 409 while blocking threads are open. Callers hold the ICP's row lock (`lockedIcp`), which
   * every change that can make a thread blocking and open also takes (`CommentCommands`), so the
   * count stays true until the transaction commits.
   */
  private async refuseWhileBlocked(icpId: string, doing: string, trx: Kysely<Database>): Promise<void> {
    const blocking = await this.comments.countBlockingOpen(icpId, trx);
    if (blocking > 0) {
      throw conflict(
        'blocking_threads_open',
        `${blocking} blocking comment thread${blocking === 1 ? ' is' : 's are'} open; resolve ${blocking === 1 ? 'it' : 'them'} before ${doing}`,
      );
    }
  }

  private async append(
    icp: IcpRow,
    membership: Membership,
    kind: 'signoff.requested' | 'signoff.recorded' | 'version.approved',
    version: VersionRecord,
    trx: Kysely<Database>,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.append(
      {
        workspaceId: icp.workspace_id!,
        icpId: icp.id,
        kind,
        actorId: membership.userId,
        data: { versionId: version.id, versionNumber: version.number, versionHash: version.hash, ...data },
      },
      trx,
    );
  }

  private async lockedIcp(icpId: string, trx: Kysely<Database>): Promise<IcpRow> {
    const icp = (await this.icps.lock(icpId, trx)) ? await this.icps.find(icpId, trx) : undefined;
    if (!icp?.workspace_id) throw notFound('ICP');
    return icp;
  }

  /**
   * After commit: the ICP with its new review to open clients, new unread counts to the people
   * notified; the review to the caller.
   */
  private async announce(icpId: string, membership: Membership, notified: string[]): Promise<IcpReviewDto> {
    if (notified.length > 0) {
      try {
        this.events.inboxChanged(await this.inbox.unreadCounts(notified));
      } catch (error) {
        // Committed; the counts also refresh on focus and every 30 s.
        console.error('could not notify open sockets of new inbox items', error);
      }
    }
    const row = await this.icps.find(icpId);
    if (!row) throw notFound('ICP');
    return (await this.icpCommands.publish(row, membership)).review;
  }
}
