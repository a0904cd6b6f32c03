import type { Kysely } from 'kysely';
import type { InboxCountDto, InboxDto, ListInboxQuery, MarkInboxReadBody } from '@bullseye/shared';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import type { InboxStore } from '../db/inboxStore.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { presentInbox, presentInboxCount } from '../presenters/inbox.js';

/** A person's inbox: reading it page by page, and marking items read (which their other tabs hear). */
export class InboxCommands {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly inbox: InboxStore,
    private readonly events: CollabEvents,
  ) {}

  async list(userId: string, query: ListInboxQuery): Promise<InboxDto> {
    const before = query.before === undefined ? undefined : await this.inbox.findOwn(userId, query.before);
    if (query.before !== undefined && !before) throw notFound('Inbox item');
    const [rows, unreadCount] = await Promise.all([
      this.inbox.list(userId, { unread: query.unread, limit: query.limit + 1, before }),
      this.inbox.unreadCount(userId),
    ]);
    const page = rows.slice(0, query.limit);
    const nextBefore = rows.length > query.limit ? page[page.length - 1]!.id : null;
    return presentInbox(page, unreadCount, nextBefore);
  }

  /** Marks the named items (all of which must be the person's) or every item read. */
  async markRead(userId: string, body: MarkInboxReadBody): Promise<InboxCountDto> {
    const changed = await this.db.transaction().execute(async (trx) => {
      if ('all' in body) return this.inbox.markRead(userId, 'all', trx);
      const ids = [...new Set(body.ids)];
      if ((await this.inbox.countOwn(userId, ids, trx)) !== ids.length) throw notFound('Inbox item');
      return this.inbox.markRead(userId, ids, trx);
    });
    const unreadCount = await this.inbox.unreadCount(userId);
    if (changed > 0) this.events.inboxChanged(new Map([[userId, unreadCount]]));
    return presentInboxCount(unreadCount);
  }
}
