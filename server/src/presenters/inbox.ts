import {
  FUNCTIONS,
  type IcpFunction,
  type InboxCountDto,
  type InboxDto,
  type InboxItemDto,
  type InboxMention,
  type InboxReason,
  type ReviewInboxEvent,
  type ReviewInboxReason,
} from '@bullseye/shared';
import type { InboxItemView } from '../db/inboxStore.js';
import { presentAnchor } from './comment.js';

/** Characters of a comment (or a review's reason or note) an inbox item shows. */
const EXCERPT_LENGTH = 140;

export function presentInboxItem(row: InboxItemView): InboxItemDto {
  const base = {
    id: row.id,
    createdAt: row.created_at,
    readAt: row.read_at,
    icp: { id: row.icp_id, title: row.icp_title, workspaceId: row.workspace_id },
    actor:
      row.actor_id !== null && row.actor_name !== null ? { id: row.actor_id, name: row.actor_name } : null,
  };
  const detail = parseDetail(row.detail);
  if (row.kind === 'review') {
    return {
      kind: 'review',
      ...base,
      event: row.event as ReviewInboxEvent,
      reason: row.reason as ReviewInboxReason,
      version: { id: row.version_id ?? '', number: row.version_number ?? 0, name: row.version_name },
      yourFunction: fn(detail.yourFunction),
      byFunction: fn(detail.byFunction),
      excerpt: excerpt(typeof detail.excerpt === 'string' ? detail.excerpt : ''),
      workshopId: typeof detail.workshopId === 'string' ? detail.workshopId : null,
    };
  }
  return {
    kind: 'comment',
    ...base,
    reason: row.reason as InboxReason,
    mention: row.reason === 'mention' ? mention(detail.mention) : null,
    threadId: row.thread_id ?? '',
    commentId: row.comment_id ?? '',
    excerpt: excerpt(row.body ?? ''),
    anchor: presentAnchor(row),
    threadStatus: row.resolved_at === null ? 'open' : 'resolved',
  };
}

function parseDetail(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function fn(value: unknown): IcpFunction | null {
  return FUNCTIONS.find((f) => f === value) ?? null;
}

/** The recorded mention target; null for items written before it was recorded. */
function mention(value: unknown): InboxMention | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as { type?: unknown; function?: unknown };
  if (m.type === 'user') return { type: 'user' };
  const f = fn(m.function);
  return m.type === 'function' && f ? { type: 'function', function: f } : null;
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
