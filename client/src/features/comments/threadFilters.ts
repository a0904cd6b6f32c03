import type { ThreadDto } from '@bullseye/shared';
import type { CommentFilter } from './commentsContext.js';

/** Whether this person wrote any comment of the thread (started it or replied). */
export function isMine(thread: ThreadDto, meId: string): boolean {
  return thread.comments.some((c) => c.author?.id === meId);
}

/** Whether the sidebar shows a thread under a filter. */
export function matchesFilter(thread: ThreadDto, filter: CommentFilter, meId: string): boolean {
  return filter === 'mine' ? isMine(thread, meId) : thread.status === filter;
}

/** The filter to show a thread in: the current one if it does, else the one of its status. */
export function filterShowing(filter: CommentFilter, thread: ThreadDto, meId: string): CommentFilter {
  return matchesFilter(thread, filter, meId) ? filter : thread.status;
}
