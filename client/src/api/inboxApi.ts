import type { InboxCountDto, InboxDto, MarkInboxReadBody } from '@bullseye/shared';
import { request } from './request.js';

export interface InboxQuery {
  /** Only items not read yet. */
  unread?: boolean;
  /** Page size, 1 to LIMITS.maxInboxPage (the server defaults to 50). */
  limit?: number;
  /** The `nextBefore` of the previous page. */
  before?: string | null;
}

/** The signed-in person's inbox: mentions, replies and new threads, across their workspaces. */
export const inboxApi = {
  list: ({ unread = false, limit, before }: InboxQuery = {}) => {
    const query = new URLSearchParams({ unread: String(unread) });
    if (limit !== undefined) query.set('limit', String(limit));
    if (before) query.set('before', before);
    return request<InboxDto>('GET', `/inbox?${query.toString()}`);
  },
  /** Marks the given items, or every item, as read; answers the unread count that remains. */
  markRead: (body: MarkInboxReadBody) => request<InboxCountDto>('POST', '/inbox/read', body),
};
