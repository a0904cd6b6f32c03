import type { Kysely } from 'kysely';
import {
  commentAbilities,
  LIMITS,
  parseMentions,
  threadAbilities,
  type CreateComment,
  type ListCommentsQuery,
  type ThreadDto,
  type ThreadListDto,
  type UpdateCommentBody,
} from '@bullseye/shared';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import type { AuditStore } from '../db/auditStore.js';
import type { CommentRow, CommentStore, ThreadRecord } from '../db/commentStore.js';
import type { FollowStore } from '../db/followStore.js';
import type { IcpRow } from '../db/icpStore.js';
import type { InboxStore } from '../db/inboxStore.js';
import type { Database } from '../db/schema.js';
import type { Membership, WorkspaceStore } from '../db/workspaceStore.js';
import { conflict, invalidInput, notAllowed, notFound } from '../errors.js';
import type { CommentAccess } from '../policies/accessLoader.js';
import { commentViewer } from '../policies/policies.js';
import { presentThread, presentThreadList } from '../presenters/comment.js';
import { inboxRecipients } from './inboxRecipients.js';

/** What a committed change means for open sockets. */
interface Outcome {
  /** The thread as it is now; undefined once it is deleted. */
  thread: ThreadRecord | undefined;
  /** People whose inbox changed (new items, or items gone with a deleted comment). */
  inboxChanged: string[];
  /** Whether anything changed at all (resolving a resolved thread does not). */
  changed: boolean;
}

/**
 * Comment threads: starting, replying, editing, deleting, resolving and reopening. Each runs in
 * one transaction (the comment, the inbox items it causes, the author's follow), then tells open
 * sockets: the thread, as each connection's person may see it, and changed inbox counts.
 */
export class CommentCommands {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly comments: CommentStore,
    private readonly inbox: InboxStore,
    private readonly follows: FollowStore,
    private readonly workspaces: WorkspaceStore,
    private readonly events: CollabEvents,
    private readonly audit: AuditStore,
  ) {}

  /** The ICP's threads (filtered) as the member sees them, whether they follow it, blocking count. */
  async list(icp: IcpRow, membership: Membership, query: ListCommentsQuery): Promise<ThreadListDto> {
    const [threads, following, blockingOpen] = await Promise.all([
      this.comments.threads(icp.id, {
        status: query.status,
        participant: query.mine ? membership.userId : undefined,
      }),
      this.follows.isFollowing(icp.id, membership.userId),
      this.comments.countBlockingOpen(icp.id),
    ]);
    return presentThreadList(threads, commentViewer(membership, icp), following, blockingOpen);
  }

  /** Starts a thread; mentioned people and the ICP's followers hear of it. */
  async create(icp: IcpRow, membership: Membership, input: CreateComment): Promise<ThreadDto> {
    const authorId = membership.userId;
    const outcome = await this.db.transaction().execute(async (trx) => {
      await this.lockIcp(icp.id, trx);
      if ((await this.comments.countThreads(icp.id, trx)) >= LIMITS.maxThreadsPerIcp) {
        throw conflict(
          'too_many_threads',
          `An ICP holds at most ${LIMITS.maxThreadsPerIcp} threads; delete resolved ones first`,
        );
      }
      const members = await this.members(membership.workspaceId, trx);
      const mentions = parseMentions(input.body, members.people);
      const root = await this.comments.createRoot(
        {
          icpId: icp.id,
          authorId,
          body: input.body,
          mentions,
          anchor: input.anchor,
          blocking: input.blocking,
        },
        trx,
      );
      await this.follows.followIfNew(icp.id, authorId, trx);
      if (input.blocking)
        await this.record(icp, membership, 'thread.marked_blocking', root, trx, { newThread: true });
      const recipients = inboxRecipients({
        authorId,
        members: members.list,
        mentions,
        followers: await this.follows.followers(icp.id, trx),
      });
      const inboxChanged = await this.inbox.deliver(
        {
          icpId: icp.id,
          threadId: root.id,
          commentId: root.id,
          actorId: authorId,
          at: root.created_at,
          recipients,
        },
        trx,
      );
      return { thread: await this.comments.thread(root.id, trx), inboxChanged, changed: true };
    });
    return this.finish(icp, membership, outcome);
  }

  /** Replies in the thread of `target` (any comment of it); its participants hear of it. */
  async reply(target: CommentAccess, body: string): Promise<ThreadDto> {
    const { icp, membership } = target;
    const authorId = membership.userId;
    const threadId = threadOf(target);
    const outcome = await this.db.transaction().execute(async (trx) => {
      if (!(await this.comments.lockThread(threadId, trx))) throw notFound('Comment');
      if ((await this.comments.countInThread(threadId, trx)) >= LIMITS.maxCommentsPerThread) {
        throw conflict(
          'thread_full',
          `A thread holds at most ${LIMITS.maxCommentsPerThread} comments; start a new thread`,
        );
      }
      const members = await this.members(membership.workspaceId, trx);
      const mentions = parseMentions(body, members.people);
      const participants = await this.comments.participants(threadId, trx);
      const reply = await this.comments.createReply(
        threadId,
        { icpId: icp.id, authorId, body, mentions },
        trx,
      );
      await this.comments.touchThread(threadId, trx, reply.created_at);
      await this.follows.followIfNew(icp.id, authorId, trx);
      const recipients = inboxRecipients({ authorId, members: members.list, mentions, participants });
      const inboxChanged = await this.inbox.deliver(
        { icpId: icp.id, threadId, commentId: reply.id, actorId: authorId, at: reply.created_at, recipients },
        trx,
      );
      return { thread: await this.comments.thread(threadId, trx), inboxChanged, changed: true };
    });
    return this.finish(icp, membership, outcome);
  }

  /**
   * Edits a comment's text (its author) and, on a first comment, the blocking flag (its author
   * and editors). Newly mentioned people hear of the comment. All or nothing.
   */
  async update(target: CommentAccess, patch: UpdateCommentBody): Promise<ThreadDto> {
    const { comment, icp, membership } = target;
    const viewer = commentViewer(membership, icp);
    const threadId = threadOf(target);
    if (patch.blocking !== undefined && comment.thread_id !== null) {
      throw invalidInput('blocking', 'can only be set on the first comment of a thread');
    }
    if (patch.body !== undefined && !commentAbilities(viewer, comment.author_id).update) {
      throw notAllowed('Only the author edits a comment, while they may comment');
    }
    if (patch.blocking !== undefined && !threadAbilities(viewer, comment.author_id).setBlocking) {
      throw notAllowed("Only the thread's author and editors mark it blocking");
    }
    const outcome = await this.db.transaction().execute(async (trx): Promise<Outcome> => {
      // Marking a thread blocking takes the ICP's lock first, as approvals and sign-offs do, so it
      // cannot slip in between their "no blocking thread is open" check and their commit.
      if (patch.blocking === true) await this.lockIcp(icp.id, trx);
      if (!(await this.comments.lockThread(threadId, trx))) throw notFound('Comment');
      const current = await this.comments.find(comment.id, trx);
      const root = await this.comments.find(threadId, trx);
      if (!current || !root) throw notFound('Comment');
      let editedAt: string | undefined;
      let inboxChanged: string[] = [];
      if (patch.body !== undefined && patch.body !== current.body) {
        const members = await this.members(membership.workspaceId, trx);
        const mentions = parseMentions(patch.body, members.people);
        editedAt = await this.comments.updateBody(comment.id, patch.body, mentions, trx);
        const recipients = inboxRecipients({ authorId: membership.userId, members: members.list, mentions });
        inboxChanged = await this.inbox.deliver(
          {
            icpId: icp.id,
            threadId,
            commentId: comment.id,
            actorId: membership.userId,
            at: editedAt,
            recipients,
          },
          trx,
        );
      }
      const blockingChanged = patch.blocking !== undefined && patch.blocking !== (root.blocking === 1);
      if (blockingChanged) {
        await this.comments.setBlocking(threadId, patch.blocking!, trx);
        const kind = patch.blocking ? 'thread.marked_blocking' : 'thread.unmarked_blocking';
        await this.record(icp, membership, kind, root, trx, { newThread: false });
      }
      const changed = editedAt !== undefined || blockingChanged;
      if (changed) await this.comments.touchThread(threadId, trx, editedAt);
      return { thread: await this.comments.thread(threadId, trx), inboxChanged, changed };
    });
    return this.finish(icp, membership, outcome);
  }

  /**
   * Deletes a comment (its author, or an admin). A first comment takes its whole thread with it:
   * replies and every inbox item about them.
   */
  async remove(target: CommentAccess): Promise<void> {
    const { comment, icp, membership } = target;
    if (!commentAbilities(commentViewer(membership, icp), comment.author_id).delete) {
      throw notAllowed('Only the author or an admin deletes a comment');
    }
    const threadId = threadOf(target);
    const isThread = comment.thread_id === null;
    const outcome = await this.db.transaction().execute(async (trx): Promise<Outcome> => {
      if (!(await this.comments.lockThread(threadId, trx))) throw notFound('Comment');
      if (!(await this.comments.find(comment.id, trx))) throw notFound('Comment');
      const root = isThread ? await this.comments.find(threadId, trx) : undefined;
      // Deleting a blocking thread unblocks sign-off as resolving it does.
      if (root?.blocking === 1) {
        await this.record(icp, membership, 'thread.deleted', root, trx, {
          resolved: root.resolved_at !== null,
        });
      }
      const inboxChanged = await this.inbox.holdersOf([comment.id], trx);
      await this.comments.delete(comment.id, trx);
      const thread = isThread ? undefined : await this.comments.thread(threadId, trx);
      return { thread, inboxChanged, changed: true };
    });
    if (isThread) await this.notify(() => this.events.publishThreadDeleted(icp.id, threadId));
    await this.announce(icp, outcome);
  }

  /** Resolves or reopens the thread of `target`; doing it twice changes nothing the second time. */
  async setResolved(target: CommentAccess, resolved: boolean): Promise<ThreadDto> {
    const { icp, membership } = target;
    const threadId = threadOf(target);
    const outcome = await this.db.transaction().execute(async (trx): Promise<Outcome> => {
      // Reopening may reopen a blocking thread: same lock as approvals, taken first (see update).
      if (!resolved) await this.lockIcp(icp.id, trx);
      if (!(await this.comments.lockThread(threadId, trx))) throw notFound('Comment');
      const root = await this.comments.find(threadId, trx);
      if (!root) throw notFound('Comment');
      const changed = (root.resolved_at !== null) !== resolved;
      if (changed) await this.comments.setResolved(threadId, resolved ? membership.userId : null, trx);
      if (changed && root.blocking === 1) {
        await this.record(icp, membership, resolved ? 'thread.resolved' : 'thread.reopened', root, trx);
      }
      return { thread: await this.comments.thread(threadId, trx), inboxChanged: [], changed };
    });
    return this.finish(icp, membership, outcome);
  }

  /**
   * Locks the ICP's row for the rest of the transaction: the lock `ReviewCommands` takes before
   * checking for open blocking threads. Whatever can make a thread blocking and open (starting a
   * blocking thread, marking one blocking, reopening one) takes it too, always before any thread
   * lock, so an approval and such a change take turns: either the approval sees the thread, or
   * the thread becomes blocking after the approval committed.
   */
  private async lockIcp(icpId: string, trx: Kysely<Database>): Promise<void> {
    if (!(await this.comments.lockIcp(icpId, trx))) throw notFound('ICP');
  }

  /**
   * Audits a change to a blocking thread (what sign-off waits for) in the change's transaction:
   * which thread, what it is anchored to and the start of its first comment.
   */
  private async record(
    icp: IcpRow,
    membership: Membership,
    kind:
      | 'thread.marked_blocking'
      | 'thread.unmarked_blocking'
      | 'thread.resolved'
      | 'thread.reopened'
      | 'thread.deleted',
    root: CommentRow,
    trx: Kysely<Database>,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    if (!icp.workspace_id) return;
    await this.audit.append(
      {
        workspaceId: icp.workspace_id,
        icpId: icp.id,
        kind,
        actorId: membership.userId,
        data: {
          threadId: root.id,
          anchor: { type: root.anchor_type, section: root.anchor_section, quote: root.anchor_quote },
          excerpt: root.body.length > 140 ? `${root.body.slice(0, 140)}…` : root.body,
          ...extra,
        },
      },
      trx,
    );
  }

  /** The workspace's members, for resolving mentions and choosing recipients. */
  private async members(workspaceId: string, trx: Kysely<Database>) {
    const members = await this.workspaces.members(workspaceId, trx);
    return {
      people: members.map((m) => ({ id: m.user.id, name: m.user.name })),
      list: members.map((m) => ({ userId: m.user.id, function: m.membership.function })),
    };
  }

  private async finish(icp: IcpRow, membership: Membership, outcome: Outcome): Promise<ThreadDto> {
    if (!outcome.thread) throw notFound('Comment');
    await this.announce(icp, outcome);
    return presentThread(outcome.thread, commentViewer(membership, icp));
  }

  /** After commit: the thread to the ICP's sockets, new unread counts to their people. */
  private async announce(icp: IcpRow, outcome: Outcome): Promise<void> {
    const { thread, inboxChanged, changed } = outcome;
    if (changed && thread) await this.notify(() => this.events.publishThread(icp, thread));
    if (inboxChanged.length > 0) {
      await this.notify(async () => this.events.inboxChanged(await this.inbox.unreadCounts(inboxChanged)));
    }
  }

  /** The change is committed; a failure to tell sockets about it must not turn it into an error. */
  private async notify(send: () => Promise<void> | void): Promise<void> {
    try {
      await send();
    } catch (error) {
      console.error('could not notify open sockets of a comment change', error);
    }
  }
}

/** The id of the thread a comment belongs to (its own id for a first comment). */
function threadOf(target: CommentAccess): string {
  return target.comment.thread_id ?? target.comment.id;
}
