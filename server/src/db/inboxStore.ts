import type { Kysely, Selectable } from 'kysely';
import type {
  IcpFunction,
  InboxMention,
  InboxReason,
  ReviewInboxEvent,
  ReviewInboxReason,
} from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { Database, InboxItemsTable } from './schema.js';
import { timeOrderedId } from './timeOrderedId.js';

export type InboxItemRow = Selectable<InboxItemsTable>;

/** Rows per INSERT (13 parameters each) and ids per IN list. */
const INSERT_CHUNK = 1000;

/**
 * An inbox item with what it shows: the ICP; for a comment its text and the thread's anchor and
 * state; for a review step the version's number and name.
 */
export interface InboxItemView extends InboxItemRow {
  icp_title: string;
  workspace_id: string;
  body: string | null;
  actor_name: string | null;
  version_number: number | null;
  version_name: string | null;
  anchor_type: string | null;
  anchor_section: string | null;
  anchor_item_id: string | null;
  anchor_start: string | null;
  anchor_end: string | null;
  anchor_quote: string | null;
  resolved_at: string | null;
}

export interface NewInboxItem {
  userId: string;
  reason: InboxReason;
  /** For a mention: whether the person was named, or their function. */
  mention?: InboxMention | undefined;
}

/** Someone who hears of a review step, and why. */
export interface NewReviewInboxItem {
  userId: string;
  reason: ReviewInboxReason;
  /** For `signer`: the function they sign for. */
  yourFunction: IcpFunction | null;
}

/** What one review step means for the inbox. */
export interface ReviewDelivery {
  icpId: string;
  versionId: string;
  event: ReviewInboxEvent;
  actorId: string;
  /** For `changes_requested`: the function that asked. */
  byFunction: IcpFunction | null;
  /** The reason given for changes, or the approval's note. */
  excerpt: string | null;
  recipients: readonly NewReviewInboxItem[];
  /** For `workshop_ended`: the session whose summary the item links to. */
  workshopId?: string;
}

/** What one new comment means for the inbox: who hears of it, and why. */
export interface InboxDelivery {
  icpId: string;
  threadId: string;
  commentId: string;
  actorId: string;
  /** When it happened: the comment's creation, or the edit that mentions someone new. */
  at: string;
  recipients: readonly NewInboxItem[];
}

/**
 * Each person's inbox. Items of workspaces the person has left are kept but neither listed nor
 * counted, so they come back if the person is invited again.
 */
export class InboxStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /**
   * Adds an item per recipient; someone who already has an item for this comment keeps it.
   * Answers the people who got a new item.
   */
  async deliver(delivery: InboxDelivery, db: Kysely<Database> = this.db): Promise<string[]> {
    if (delivery.recipients.length === 0) return [];
    const existing = new Set(
      (
        await db
          .selectFrom('inbox_items')
          .select('user_id')
          .where('comment_id', '=', delivery.commentId)
          .execute()
      ).map((r) => r.user_id),
    );
    const fresh = delivery.recipients.filter((r) => !existing.has(r.userId));
    if (fresh.length === 0) return [];
    const now = this.clock.now().getTime();
    await db
      .insertInto('inbox_items')
      .values(
        fresh.map((r) => ({
          id: timeOrderedId(now),
          user_id: r.userId,
          icp_id: delivery.icpId,
          kind: 'comment',
          thread_id: delivery.threadId,
          comment_id: delivery.commentId,
          version_id: null,
          event: null,
          reason: r.reason,
          detail: r.mention ? JSON.stringify({ mention: r.mention }) : null,
          actor_id: delivery.actorId,
          created_at: delivery.at,
          read_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'comment_id']).doNothing())
      .execute();
    return fresh.map((r) => r.userId);
  }

  /** Adds an item per recipient of a review step; answers the people who got one. */
  async deliverReview(delivery: ReviewDelivery, db: Kysely<Database> = this.db): Promise<string[]> {
    if (delivery.recipients.length === 0) return [];
    const now = this.clock.now().getTime();
    const at = new Date(now).toISOString();
    // In chunks: a workspace's every member (a workshop's absent) stays under PostgreSQL's
    // 65,535 bind parameters per statement.
    for (let start = 0; start < delivery.recipients.length; start += INSERT_CHUNK) {
      await this.insertReviewItems(
        delivery,
        delivery.recipients.slice(start, start + INSERT_CHUNK),
        now,
        at,
        db,
      );
    }
    return delivery.recipients.map((r) => r.userId);
  }

  private async insertReviewItems(
    delivery: ReviewDelivery,
    recipients: readonly NewReviewInboxItem[],
    now: number,
    at: string,
    db: Kysely<Database>,
  ): Promise<void> {
    await db
      .insertInto('inbox_items')
      .values(
        recipients.map((r) => ({
          id: timeOrderedId(now),
          user_id: r.userId,
          icp_id: delivery.icpId,
          kind: 'review',
          thread_id: null,
          comment_id: null,
          version_id: delivery.versionId,
          event: delivery.event,
          reason: r.reason,
          detail: JSON.stringify({
            yourFunction: r.yourFunction,
            byFunction: delivery.byFunction,
            excerpt: delivery.excerpt,
            ...(delivery.workshopId ? { workshopId: delivery.workshopId } : {}),
          }),
          actor_id: delivery.actorId,
          created_at: at,
          read_at: null,
        })),
      )
      .execute();
  }

  /** The people with an item for any of these comments (whose inbox a deletion changes). */
  async holdersOf(commentIds: readonly string[], db: Kysely<Database> = this.db): Promise<string[]> {
    if (commentIds.length === 0) return [];
    const rows = await db
      .selectFrom('inbox_items')
      .select('user_id')
      .distinct()
      .where((eb) => eb.or([eb('comment_id', 'in', commentIds), eb('thread_id', 'in', commentIds)]))
      .execute();
    return rows.map((r) => r.user_id);
  }

  /** One of the person's items, or undefined if they have none with that id. */
  async findOwn(userId: string, id: string): Promise<InboxItemRow | undefined> {
    return this.db
      .selectFrom('inbox_items')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** A page of the person's items in their current workspaces, newest first. */
  async list(
    userId: string,
    options: { unread: boolean; limit: number; before?: InboxItemRow | undefined },
  ): Promise<InboxItemView[]> {
    let query = this.db
      .selectFrom('inbox_items as i')
      .innerJoin('icps', 'icps.id', 'i.icp_id')
      .innerJoin('memberships as m', (join) =>
        join.onRef('m.workspace_id', '=', 'icps.workspace_id').onRef('m.user_id', '=', 'i.user_id'),
      )
      .leftJoin('comments as c', 'c.id', 'i.comment_id')
      .leftJoin('comments as root', 'root.id', 'i.thread_id')
      .leftJoin('icp_versions as v', 'v.id', 'i.version_id')
      .leftJoin('users as actor', 'actor.id', 'i.actor_id')
      .selectAll('i')
      .select([
        'icps.title as icp_title',
        'm.workspace_id as workspace_id',
        'c.body as body',
        'actor.name as actor_name',
        'v.number as version_number',
        'v.name as version_name',
        'root.anchor_type as anchor_type',
        'root.anchor_section as anchor_section',
        'root.anchor_item_id as anchor_item_id',
        'root.anchor_start as anchor_start',
        'root.anchor_end as anchor_end',
        'root.anchor_quote as anchor_quote',
        'root.resolved_at as resolved_at',
      ])
      .where('i.user_id', '=', userId);
    if (options.unread) query = query.where('i.read_at', 'is', null);
    const before = options.before;
    if (before) {
      query = query.where((eb) =>
        eb.or([
          eb('i.created_at', '<', before.created_at),
          eb.and([eb('i.created_at', '=', before.created_at), eb('i.id', '<', before.id)]),
        ]),
      );
    }
    return query.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(options.limit).execute();
  }

  /** Unread items per person, counting only workspaces they still belong to (0 when none). */
  async unreadCounts(
    userIds: readonly string[],
    db: Kysely<Database> = this.db,
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>(userIds.map((id) => [id, 0]));
    for (let start = 0; start < userIds.length; start += INSERT_CHUNK) {
      const chunk = userIds.slice(start, start + INSERT_CHUNK);
      for (const [userId, n] of await this.unreadCountsOf(chunk, db)) counts.set(userId, n);
    }
    return counts;
  }

  private async unreadCountsOf(
    userIds: readonly string[],
    db: Kysely<Database>,
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const rows = await db
      .selectFrom('inbox_items as i')
      .innerJoin('icps', 'icps.id', 'i.icp_id')
      .innerJoin('memberships as m', (join) =>
        join.onRef('m.workspace_id', '=', 'icps.workspace_id').onRef('m.user_id', '=', 'i.user_id'),
      )
      .select(['i.user_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('i.user_id', 'in', userIds)
      .where('i.read_at', 'is', null)
      .groupBy('i.user_id')
      .execute();
    for (const row of rows) counts.set(row.user_id, Number(row.n));
    return counts;
  }

  async unreadCount(userId: string, db: Kysely<Database> = this.db): Promise<number> {
    return (await this.unreadCounts([userId], db)).get(userId) ?? 0;
  }

  /** How many of `ids` are the person's items. */
  async countOwn(userId: string, ids: readonly string[], db: Kysely<Database> = this.db): Promise<number> {
    const row = await db
      .selectFrom('inbox_items')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', userId)
      .where('id', 'in', ids)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks the person's unread items read (these ones, or all); answers how many changed. */
  async markRead(
    userId: string,
    ids: readonly string[] | 'all',
    db: Kysely<Database> = this.db,
  ): Promise<number> {
    let query = db
      .updateTable('inbox_items')
      .set({ read_at: this.clock.now().toISOString() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids !== 'all') query = query.where('id', 'in', ids);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
