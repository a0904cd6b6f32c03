import type { WorkspaceAbilities } from './abilities.js';

/** Who is asking: their id and what they may do on the ICP (see abilities.ts). */
export interface CommentViewer {
  userId: string;
  abilities: WorkspaceAbilities;
}

/**
 * The comment rules, in one place; the server enforces them and sends the result with every
 * comment so the UI asks instead of re-deriving them.
 * - anyone who may comment (editors, commenters, admins) replies, resolves and reopens;
 * - people edit only their own comments, while they may still comment;
 * - people delete their own comments; admins delete anyone's (deleting a first comment deletes
 *   its thread);
 * - the thread's author and editors mark a thread blocking or not.
 */
export function commentAbilities(viewer: CommentViewer, authorId: string | null) {
  const own = authorId !== null && authorId === viewer.userId;
  const { comment, manageMembers } = viewer.abilities;
  return { update: comment && own, delete: (comment && own) || manageMembers };
}

/** What the viewer may do with a whole thread, given the id of its first comment's author. */
export function threadAbilities(viewer: CommentViewer, rootAuthorId: string | null) {
  const { comment, edit } = viewer.abilities;
  const own = rootAuthorId !== null && rootAuthorId === viewer.userId;
  return { reply: comment, resolve: comment, setBlocking: comment && (own || edit) };
}
