import type * as Y from 'yjs';
import type { ActiveUserDto, CoachDismissalDto, IcpReviewDto, WorkshopState } from '@bullseye/shared';
import type { ThreadRecord } from '../db/commentStore.js';
import type { DbTransaction } from '../db/updateLog.js';
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
  /**
   * An ICP record (title, archive state, review cadence) or its review changed; each client hears
   * the whole ICP with its own abilities.
   */
  publishIcp(row: IcpRow, review: IcpReviewDto): Promise<void>;
  /** A version of the ICP was recorded (named, automatic or by a restore). */
  versionsChanged(icpId: string): Promise<void>;
  /** An ICP became read-only (archived) or writable again. */
  setReadOnly(icpId: string, readOnly: boolean): Promise<void>;
  /** A thread was started, replied to, edited, resolved or reopened (on ICP `icp`). */
  publishThread(icp: IcpRow, thread: ThreadRecord): Promise<void>;
  /** A thread was deleted with its first comment. */
  publishThreadDeleted(icpId: string, threadId: string): Promise<void>;
  /**
   * A workshop session on ICP `icp` changed; each client hears it as their person may see it
   * (others' hidden notes and votes left out).
   */
  publishWorkshop(icp: IcpRow, state: WorkshopState): Promise<void>;
  /** The ICP's dismissed coach findings changed; everyone hears the whole list. */
  publishCoachDismissals(icpId: string, dismissals: CoachDismissalDto[]): Promise<void>;
  /** These people's inboxes changed; each hears their own unread count on all their sockets. */
  inboxChanged(unreadCounts: ReadonlyMap<string, number>): void;
  /** Who has each of these ICPs open on this server now (each person once); none when absent. */
  activeUsers(icpIds: readonly string[]): ReadonlyMap<string, ActiveUserDto[]>;
}

export const noCollabEvents: CollabEvents = {
  memberChanged: () => undefined,
  credentialRevoked: () => undefined,
  publishIcp: () => Promise.resolve(),
  versionsChanged: () => Promise.resolve(),
  setReadOnly: () => Promise.resolve(),
  publishThread: () => Promise.resolve(),
  publishThreadDeleted: () => Promise.resolve(),
  publishWorkshop: () => Promise.resolve(),
  publishCoachDismissals: () => Promise.resolve(),
  inboxChanged: () => undefined,
  activeUsers: () => new Map(),
};

/** The state before and after a server-side change of the live draft (full Yjs states). */
export interface DraftChange {
  before: Uint8Array;
  after: Uint8Array;
}

/**
 * The live draft of an ICP, as commands read and change it. The collaboration server serves it
 * from the loaded document when there is one; without sockets (the admin CLI) it is the log.
 */
export interface LiveDrafts {
  /** The draft's committed state: the loaded document's, else built from the update log. */
  draftState(icpId: string): Promise<Uint8Array>;
  /**
   * Changes the draft as one new Yjs change (`change` runs inside one transaction on a copy of
   * the committed document). The change is committed to the update log in the same database
   * transaction as what `record` writes (given the states before and after), so the draft never
   * changes without its records; only then is it shown to open clients.
   */
  changeDraft<T>(
    icpId: string,
    workspaceId: string,
    change: (doc: Y.Doc) => void,
    record: (change: DraftChange, trx: DbTransaction) => Promise<T>,
  ): Promise<T>;
}
