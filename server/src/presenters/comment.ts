import {
  commentAbilities,
  FUNCTIONS,
  threadAbilities,
  type CommentAnchorDto,
  type CommentDto,
  type CommentViewer,
  type FollowDto,
  type IcpFunction,
  type MentionDto,
  type PersonRefDto,
  type ThreadDto,
  type ThreadListDto,
} from '@bullseye/shared';
import { parseStoredMentions, type CommentRow, type ThreadRecord } from '../db/commentStore.js';

/** The columns of a thread's first comment that hold its anchor. */
export type AnchorColumns = Pick<
  CommentRow,
  'anchor_type' | 'anchor_section' | 'anchor_item_id' | 'anchor_start' | 'anchor_end' | 'anchor_quote'
>;

/** A thread as `viewer` sees it: every comment with their current names and what they may do. */
export function presentThread(thread: ThreadRecord, viewer: CommentViewer): ThreadDto {
  const { root, replies, people } = thread;
  return {
    id: root.id,
    icpId: root.icp_id,
    anchor: presentAnchor(root),
    blocking: root.blocking === 1,
    status: root.resolved_at === null ? 'open' : 'resolved',
    resolvedAt: root.resolved_at,
    resolvedBy: person(root.resolved_by, people),
    createdAt: root.created_at,
    updatedAt: root.updated_at,
    comments: [root, ...replies].map((row) => presentComment(row, people, viewer)),
    abilities: threadAbilities(viewer, root.author_id),
  };
}

export function presentThreadList(
  threads: readonly ThreadRecord[],
  viewer: CommentViewer,
  following: boolean,
  blockingOpen: number,
): ThreadListDto {
  return { threads: threads.map((t) => presentThread(t, viewer)), following, blockingOpen };
}

export function presentFollow(following: boolean): FollowDto {
  return { following };
}

function presentComment(
  row: CommentRow,
  people: ReadonlyMap<string, string>,
  viewer: CommentViewer,
): CommentDto {
  return {
    id: row.id,
    author: person(row.author_id, people),
    body: row.body,
    mentions: presentMentions(row.mentions, people),
    createdAt: row.created_at,
    editedAt: row.edited_at,
    abilities: commentAbilities(viewer, row.author_id),
  };
}

/** Mentions with the person's current name; people whose account is gone are left out. */
function presentMentions(json: string, people: ReadonlyMap<string, string>): MentionDto[] {
  const mentions: MentionDto[] = [];
  for (const mention of parseStoredMentions(json)) {
    if (mention.type === 'user') {
      const name = people.get(mention.userId);
      if (name !== undefined) mentions.push({ type: 'user', userId: mention.userId, name });
    } else if ((FUNCTIONS as readonly string[]).includes(mention.function)) {
      mentions.push({ type: 'function', function: mention.function as IcpFunction });
    }
  }
  return mentions;
}

function person(id: string | null, people: ReadonlyMap<string, string>): PersonRefDto | null {
  if (id === null) return null;
  const name = people.get(id);
  return name === undefined ? null : { id, name };
}

/** The anchor a thread was started on, from its first comment's columns. */
export function presentAnchor(row: AnchorColumns): CommentAnchorDto {
  const section = row.anchor_section ?? '';
  const quote = row.anchor_quote ?? '';
  switch (row.anchor_type) {
    case 'criterion':
      return { type: 'criterion', section, itemId: row.anchor_item_id, quote };
    case 'text':
      return { type: 'text', section, start: row.anchor_start ?? '', end: row.anchor_end ?? '', quote };
    default:
      return { type: 'icp' };
  }
}
