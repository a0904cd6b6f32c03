import type { InboxCountDto, InboxDto, InboxItemDto, InboxReason } from '@bullseye/shared';
import type { InboxItemView } from '../db/inboxStore.js';
import { presentAnchor } from './comment.js';

/** Characters of a comment an inbox item shows. */
const EXCERPT_LENGTH = 140;

export function presentInboxItem(row: InboxItemView): InboxItemDto {
  return {
    id: row.id,
    reason: row.reason as InboxReason,
    createdAt: row.created_at,
    readAt: row.read_at,
    icp: { id: row.icp_id, title: row.icp_title, workspaceId: row.workspace_id },
    threadId: row.thread_id,
    commentId: row.comment_id,
    actor:
      row.actor_id !== null && row.actor_name !== null ? { id: row.actor_id, name: row.actor_name } : null,
    excerpt: excerpt(row.body),
    anchor: presentAnchor(row),
    threadStatus: row.resolved_at === null ? 'open' : 'resolved',
  };
}

export function presentInbox(
  rows: readonly InboxItemView[],
  unreadCount: number,
  nextBefore: string | null,
): InboxDto {
  return { items: rows.map(presentInboxItem), unreadCount, nextBefore };
}

export function presentInboxCount(unreadCount: number): InboxCountDto {
  return { unreadCount };
}

/** The start of a comment on one line, cut at a word where possible. */
function excerpt(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
