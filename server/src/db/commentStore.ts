import { sql, type Kysely, type Selectable } from 'kysely';
import type { CommentAnchor, MentionTarget } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { CommentsTable, Database } from './schema.js';
import { timeOrderedId } from './timeOrderedId.js';

export type CommentRow = Selectable<CommentsTable>;

/** A mention as stored: by id only, so the name shown is always the person's current one. */
export type StoredMention = { type: 'user'; userId: string } | { type: 'function'; function: string };

/** A thread as read for presenting: its first comment, its replies (oldest first), and names. */
export interface ThreadRecord {
  root: CommentRow;
  replies: CommentRow[];
  /** Current names of the people the thread refers to (authors, resolver, mentions), by id. */
  people: ReadonlyMap<string, string>;
}

export interface ThreadFilter {
  status: 'open' | 'resolved' | 'all';
  /** Only threads this person started or replied to. */
  participant?: string | undefined;
}

export interface NewComment {
  icpId: string;
  authorId: string;
  body: string;
  mentions: readonly MentionTarget[];
}

/** Comment threads and replies. Methods that run inside a command's transaction take `db`. */
export class CommentStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Starts a thread: its first comment, with the anchor and blocking flag. */
  async createRoot(
    input: NewComment & { anchor: CommentAnchor; blocking: boolean },
    db: Kysely<Database> = this.db,
  ): Promise<CommentRow> {
    const { anchor } = input;
    const row = {
      ...this.newRow(input, null),
      anchor_type: anchor.type,
      anchor_section: anchor.type === 'icp' ? null : anchor.section,
      anchor_item_id: anchor.type === 'criterion' ? anchor.itemId : null,
      anchor_start: anchor.type === 'text' ? anchor.start : null,
      anchor_end: anchor.type === 'text' ? anchor.end : null,
      anchor_quote: anchor.type === 'icp' ? null : anchor.quote,
      blocking: input.blocking ? 1 : 0,
    };
    await db.insertInto('comments').values(row).execute();
    return row;
  }

  /** Adds a reply to the thread whose first comment is `threadId`. */
  async createReply(
    threadId: string,
    input: NewComment,
    db: Kysely<Database> = this.db,
  ): Promise<CommentRow> {
    const row = this.newRow(input, threadId);
    await db.insertInto('comments').values(row).execute();
    return row;
  }

  private newRow(input: NewComment, threadId: string | null): CommentRow {
    const now = this.clock.now();
    const at = now.toISOString();
    return {
      id: timeOrderedId(now.getTime()),
      icp_id: input.icpId,
      thread_id: threadId,
      author_id: input.authorId,
      body: input.body,
      mentions: JSON.stringify(input.mentions.map(storedMention)),
      anchor_type: null,
      anchor_section: null,
      anchor_item_id: null,
      anchor_start: null,
      anchor_end: null,
      anchor_quote: null,
      blocking: 0,
      resolved_at: null,
      resolved_by: null,
      created_at: at,
      edited_at: null,
      updated_at: at,
    };
  }

  async find(id: string, db: Kysely<Database> = this.db): Promise<CommentRow | undefined> {
    return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Locks an ICP's row for the rest of the transaction (a write that changes nothing), so threads
   * started at the same time cannot both pass the thread limit, and a thread cannot become
   * blocking between an approval's check for blocking threads and its commit (the review commands
   * lock the same row). SQLite has one writer anyway: one connection, whose transactions Kysely
   * runs one at a time.
   */
  async lockIcp(icpId: string, db: Kysely<Database>): Promise<boolean> {
    const result = await db
      .updateTable('icps')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', icpId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Locks a thread's first comment for the rest of the transaction, so writers of one thread take
   * turns (the comment limit, idempotent resolving). False if the thread is gone.
   */
  async lockThread(threadId: string, db: Kysely<Database>): Promise<boolean> {
    const result = await db
      .updateTable('comments')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', threadId)
      .where('thread_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Records activity on a thread (a reply, an edit), at `at` or now. */
  async touchThread(threadId: string, db: Kysely<Database> = this.db, at?: string): Promise<void> {
    await db
      .updateTable('comments')
      .set({ updated_at: at ?? this.clock.now().toISOString() })
      .where('id', '=', threadId)
      .execute();
  }

  /** Threads of an ICP (resolved ones too). */
  async countThreads(icpId: string, db: Kysely<Database> = this.db): Promise<number> {
    const row = await db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('icp_id', '=', icpId)
      .where('thread_id', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Comments of a thread, its first one included. */
  async countInThread(threadId: string, db: Kysely<Database> = this.db): Promise<number> {
    const row = await db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where((eb) => eb.or([eb('id', '=', threadId), eb('thread_id', '=', threadId)]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Everyone who wrote in a thread so far (first comment and replies), whose account remains. */
  async participants(threadId: string, db: Kysely<Database> = this.db): Promise<string[]> {
    const rows = await db
      .selectFrom('comments')
      .select('author_id')
      .distinct()
      .where((eb) => eb.or([eb('id', '=', threadId), eb('thread_id', '=', threadId)]))
      .where('author_id', 'is not', null)
      .execute();
    return rows.map((r) => r.author_id!);
  }

  /** Changes a comment's text and mentions, and marks it edited; answers when. */
  async updateBody(
    id: string,
    body: string,
    mentions: readonly MentionTarget[],
    db: Kysely<Database> = this.db,
  ): Promise<string> {
    const editedAt = this.clock.now().toISOString();
    await db
      .updateTable('comments')
      .set({ body, mentions: JSON.stringify(mentions.map(storedMention)), edited_at: editedAt })
      .where('id', '=', id)
      .execute();
    return editedAt;
  }

  async setBlocking(threadId: string, blocking: boolean, db: Kysely<Database> = this.db): Promise<void> {
    await db
      .updateTable('comments')
      .set({ blocking: blocking ? 1 : 0 })
      .where('id', '=', threadId)
      .execute();
  }

  /** Resolves (by `resolvedBy`) or reopens (null) a thread; either is activity on it. */
  async setResolved(
    threadId: string,
    resolvedBy: string | null,
    db: Kysely<Database> = this.db,
  ): Promise<void> {
    const now = this.clock.now().toISOString();
    await db
      .updateTable('comments')
      .set({ resolved_at: resolvedBy === null ? null : now, resolved_by: resolvedBy, updated_at: now })
      .where('id', '=', threadId)
      .execute();
  }

  /** Deletes a comment; a first comment takes its replies and their inbox items with it (cascade). */
  async delete(id: string, db: Kysely<Database> = this.db): Promise<void> {
    await db.deleteFrom('comments').where('id', '=', id).execute();
  }

  /** One thread with its replies and the names it shows; undefined if it is gone. */
  async thread(threadId: string, db: Kysely<Database> = this.db): Promise<ThreadRecord | undefined> {
    const rows = await db
      .selectFrom('comments')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', threadId), eb('thread_id', '=', threadId)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const root = rows.find((r) => r.id === threadId && r.thread_id === null);
    if (!root) return undefined;
    const people = await this.names(rows, db);
    return { root, replies: rows.filter((r) => r !== root), people };
  }

  /** The threads of an ICP that pass the filter, in creation order. */
  async threads(
    icpId: string,
    filter: ThreadFilter,
    db: Kysely<Database> = this.db,
  ): Promise<ThreadRecord[]> {
    let roots = db
      .selectFrom('comments as root')
      .select('root.id')
      .where('root.icp_id', '=', icpId)
      .where('root.thread_id', 'is', null);
    if (filter.status !== 'all') {
      roots = roots.where('root.resolved_at', filter.status === 'open' ? 'is' : 'is not', null);
    }
    const participant = filter.participant;
    if (participant !== undefined) {
      roots = roots.where((eb) =>
        eb.or([
          eb('root.author_id', '=', participant),
          eb.exists(
            eb
              .selectFrom('comments as reply')
              .select(sql.lit(1).as('one'))
              .whereRef('reply.thread_id', '=', 'root.id')
              .where('reply.author_id', '=', participant),
          ),
        ]),
      );
    }
    const rows = await db
      .selectFrom('comments')
      .selectAll()
      .where('icp_id', '=', icpId)
      .where((eb) => eb.or([eb('id', 'in', roots), eb('thread_id', 'in', roots)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const people = await this.names(rows, db);
    const threads = new Map<string, ThreadRecord>();
    for (const row of rows) {
      if (row.thread_id === null) threads.set(row.id, { root: row, replies: [], people });
    }
    for (const row of rows) {
      if (row.thread_id !== null) threads.get(row.thread_id)?.replies.push(row);
    }
    return [...threads.values()];
  }

  /** Open threads marked blocking. */
  async countBlockingOpen(icpId: string, db: Kysely<Database> = this.db): Promise<number> {
    const row = await db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('icp_id', '=', icpId)
      .where('thread_id', 'is', null)
      .where('blocking', '=', 1)
      .where('resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Current names of the authors, resolvers and mentioned people of `rows`, by id. */
  private async names(rows: readonly CommentRow[], db: Kysely<Database>): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const row of rows) {
      if (row.author_id) ids.add(row.author_id);
      if (row.resolved_by) ids.add(row.resolved_by);
      for (const mention of parseStoredMentions(row.mentions)) {
        if (mention.type === 'user') ids.add(mention.userId);
      }
    }
    const names = new Map<string, string>();
    const list = [...ids];
    // Chunked to stay far below SQLite's parameter limit on very large ICPs.
    for (let i = 0; i < list.length; i += 500) {
      const users = await db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', list.slice(i, i + 500))
        .execute();
      for (const user of users) names.set(user.id, user.name);
    }
    return names;
  }
}

function storedMention(mention: MentionTarget): StoredMention {
  return mention.type === 'user'
    ? { type: 'user', userId: mention.userId }
    : { type: 'function', function: mention.function };
}

/** The stored mentions of a comment; anything unreadable counts as none. */
export function parseStoredMentions(json: string): StoredMention[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (m): m is StoredMention =>
        typeof m === 'object' &&
        m !== null &&
        ((m as StoredMention).type === 'user'
          ? typeof (m as { userId?: unknown }).userId === 'string'
          : (m as StoredMention).type === 'function' &&
            typeof (m as { function?: unknown }).function === 'string'),
    );
  } catch {
    return [];
  }
}
