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
}

export const noCollabEvents: CollabEvents = {
  memberChanged: () => undefined,
  credentialRevoked: () => undefined,
  publishIcp: () => Promise.resolve(),
  setReadOnly: () => Promise.resolve(),
};
