import {
  CloseCode,
  colorForName,
  icpAbilities,
  presentWorkshop,
  workshopViewer,
  reviewAbilities,
  type ActiveUserDto,
  type CoachDismissalDto,
  type IcpReviewDto,
  type WorkshopState,
} from '@bullseye/shared';
import type { ThreadRecord } from '../db/commentStore.js';
import type { IcpRow } from '../db/icpStore.js';
import { presentThread } from '../presenters/comment.js';
import { presentIcp } from '../presenters/icp.js';
import type { CollabEvents, RevokedCredential } from './collabEvents.js';
import type { CollabPart } from './collabPart.js';
import type { Connection } from './connection.js';
import { encodeEvent } from './messages.js';
import type { RoomRegistry } from './roomRegistry.js';

/**
 * Server events delivered to the sockets of this instance: records that changed are pushed to the
 * ICP's open clients (each as they may see it), and sockets whose access ended are closed. With
 * several instances, ClusterEvents calls the same methods on every instance.
 */
export class LocalEvents implements CollabEvents, CollabPart {
  private readonly sockets = new Set<Connection>();

  constructor(
    private readonly rooms: RoomRegistry,
    /** Hears every workshop change delivered here (the part that counts edits for coverage). */
    private readonly workshopChanged: (state: WorkshopState) => void = () => {},
  ) {}

  connected(connection: Connection): void {
    this.sockets.add(connection);
  }

  disconnected(connection: Connection): void {
    this.sockets.delete(connection);
  }

  /** Every open connection of this instance. */
  get connections(): ReadonlySet<Connection> {
    return this.sockets;
  }

  /** Pushes a changed ICP record and its review to its open clients, each with their own abilities. */
  async publishIcp(row: IcpRow, review: IcpReviewDto): Promise<void> {
    const room = await this.rooms.loaded(row.id);
    const archived = row.archived_at !== null;
    room?.broadcastEvent((connection) => ({
      type: 'icp.updated',
      icp: presentIcp(
        row,
        icpAbilities(connection.role, archived),
        reviewAbilities(connection.reviewer, archived),
        review,
      ),
    }));
  }

  /** Tells the ICP's open clients that its list of versions changed (history panels refresh). */
  async versionsChanged(icpId: string): Promise<void> {
    const room = await this.rooms.loaded(icpId);
    room?.broadcastEvent(() => ({ type: 'versions.changed', icpId }));
  }

  /** Pushes a started or changed thread to the ICP's open clients, as each of them may see it. */
  async publishThread(icp: IcpRow, thread: ThreadRecord): Promise<void> {
    const room = await this.rooms.loaded(icp.id);
    const archived = icp.archived_at !== null;
    room?.broadcastEvent((connection) => ({
      type: 'comments.thread',
      thread: presentThread(thread, {
        userId: connection.actor.user.id,
        abilities: icpAbilities(connection.role, archived),
      }),
    }));
  }

  async publishThreadDeleted(icpId: string, threadId: string): Promise<void> {
    const room = await this.rooms.loaded(icpId);
    room?.broadcastEvent(() => ({ type: 'comments.threadDeleted', icpId, threadId }));
  }

  /**
   * Pushes a workshop session to the ICP's open clients, each as their person may see it: the
   * reveal rules (shared/src/workshop/presentWorkshop.ts) run per connection, so a hidden note or
   * vote is never encoded for anyone but its author.
   */
  async publishWorkshop(icp: IcpRow, state: WorkshopState): Promise<void> {
    this.workshopChanged(state);
    const room = await this.rooms.loaded(icp.id);
    if (!room) return;
    const archived = icp.archived_at !== null;
    const now = Date.now();
    room.broadcastEvent((connection) => {
      const abilities = icpAbilities(connection.role, archived);
      return {
        type: 'workshop.updated',
        workshop: presentWorkshop(state, workshopViewer(connection.actor.user.id, abilities), now),
      };
    });
  }

  /** Pushes the ICP's dismissed coach findings to its open clients (the same for everyone). */
  async publishCoachDismissals(icpId: string, dismissals: CoachDismissalDto[]): Promise<void> {
    const room = await this.rooms.loaded(icpId);
    room?.broadcastEvent(() => ({ type: 'coach.dismissals', icpId, dismissals }));
  }

  /** Tells each person, on every socket they have open (any ICP), their new unread count. */
  inboxChanged(unreadCounts: ReadonlyMap<string, number>): void {
    if (unreadCounts.size === 0) return;
    const messages = new Map<string, Uint8Array>();
    for (const connection of this.sockets) {
      const userId = connection.actor.user.id;
      const unreadCount = unreadCounts.get(userId);
      if (unreadCount === undefined || !connection.wantsAcks) continue;
      let message = messages.get(userId);
      if (!message) {
        message = encodeEvent({ type: 'inbox.changed', unreadCount });
        messages.set(userId, message);
      }
      connection.send(message);
    }
  }

  /**
   * Who has each of these ICPs open on this instance now: each person once (several tabs are one
   * person), in the order their sockets opened, named and coloured as their presence is.
   */
  activeUsers(icpIds: readonly string[]): ReadonlyMap<string, ActiveUserDto[]> {
    const wanted = new Set(icpIds);
    const byIcp = new Map<string, ActiveUserDto[]>();
    for (const connection of this.sockets) {
      const icpId = connection.room.icpId;
      if (!wanted.has(icpId)) continue;
      const users = byIcp.get(icpId) ?? [];
      const { id, name } = connection.actor.user;
      if (!users.some((u) => u.id === id)) users.push({ id, name, color: colorForName(id) });
      byIcp.set(icpId, users);
    }
    return byIcp;
  }

  /** Closes a member's sockets in that workspace; they reconnect with the access they have now. */
  memberChanged(workspaceId: string, userId: string): void {
    this.closeWhere(
      (c) => c.actor.user.id === userId && c.room.workspaceId === workspaceId,
      CloseCode.accessChanged,
      'access changed',
    );
  }

  /** Closes the sockets opened with a session that ended or a token that was revoked. */
  credentialRevoked(credential: RevokedCredential): void {
    const { sessionsOf } = credential;
    this.closeWhere(
      (c) =>
        (credential.sessionId !== undefined && c.actor.sessionId === credential.sessionId) ||
        (credential.tokenId !== undefined && c.actor.tokenId === credential.tokenId) ||
        (sessionsOf !== undefined &&
          c.actor.via === 'session' &&
          c.actor.user.id === sessionsOf.userId &&
          c.actor.sessionId !== sessionsOf.exceptSessionId),
      CloseCode.unauthorized,
      'credential revoked',
    );
  }

  /** Makes an open ICP read-only or writable again (archive / unarchive). */
  async setReadOnly(icpId: string, readOnly: boolean): Promise<void> {
    const room = await this.rooms.loaded(icpId);
    if (!room) return;
    room.readOnly = readOnly;
    if (readOnly) return;
    // A writer whose change was refused while the ICP was archived can never be acknowledged
    // again on that socket (acks are counts); it reconnects and re-sends what it holds.
    for (const connection of room.connections) {
      if (connection.mayWrite && connection.refusedAChange)
        connection.close(CloseCode.goingAway, 'writable again');
    }
  }

  /** Closes the sockets `match` picks, with `code`. */
  private closeWhere(match: (connection: Connection) => boolean, code: number, reason: string): void {
    for (const connection of this.sockets) {
      if (match(connection)) connection.close(code, reason);
    }
  }
}
