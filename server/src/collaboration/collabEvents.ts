import type { ThreadRecord } from '../db/commentStore.js';
import type { IcpRow } from '../db/icpStore.js';

/** Which sockets' credential no longer works. */
export interface RevokedCredential {
  sessionId?: string;
  tokenId?: string;
  sessionsOf?: { userId: string; exceptSessionId?: string };
}

/**
 * What the collaboration server must hear when records change, so open sockets never outlive
 * the access they were opened with and editors see renames and archiving live. The admin CLI,
 * which has no sockets, uses `noCollabEvents`.
 */
export interface CollabEvents {
  /** A member was removed or their role, function or approver flag changed. */
  memberChanged(workspaceId: string, userId: string): void;
  /**
   * A session ended or an API token was revoked; or (`sessionsOf`) every session of a person
   * ended except the one that asked for it (a password change signs out the other sessions).
   */
  credentialRevoked(credential: RevokedCredential): void;
  /** An ICP record (title, archive state) changed. */
  publishIcp(row: IcpRow): Promise<void>;
  /** An ICP became read-only (archived) or writable again. */
  setReadOnly(icpId: string, readOnly: boolean): Promise<void>;
  /** A thread was started, replied to, edited, resolved or reopened (on ICP `icp`). */
  publishThread(icp: IcpRow, thread: ThreadRecord): Promise<void>;
  /** A thread was deleted with its first comment. */
  publishThreadDeleted(icpId: string, threadId: string): Promise<void>;
  /** These people's inboxes changed; each hears their own unread count on all their sockets. */
  inboxChanged(unreadCounts: ReadonlyMap<string, number>): void;
}

export const noCollabEvents: CollabEvents = {
  memberChanged: () => undefined,
  credentialRevoked: () => undefined,
  publishIcp: () => Promise.resolve(),
  setReadOnly: () => Promise.resolve(),
  publishThread: () => Promise.resolve(),
  publishThreadDeleted: () => Promise.resolve(),
  inboxChanged: () => undefined,
};
