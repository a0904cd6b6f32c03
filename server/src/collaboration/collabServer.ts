import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  CloseCode,
  colorForName,
  icpAbilities,
  LIMITS,
  reviewAbilities,
  SCHEMA_VERSION,
  type ActiveUserDto,
  type IcpReviewDto,
} from '@bullseye/shared';
import type { ThreadRecord } from '../db/commentStore.js';
import type { IcpRow } from '../db/icpStore.js';
import { presentThread } from '../presenters/comment.js';
import { presentIcp } from '../presenters/icp.js';
import { AutoVersions, type AutoVersionHook } from './autoVersions.js';
import type { CollabEvents, DraftChange, LiveDrafts, RevokedCredential } from './collabEvents.js';
import type { DbTransaction, UpdateLog } from '../db/updateLog.js';
import type { IcpStore } from '../db/icpStore.js';
import { UpdateCommitter } from './committer.js';
import { Connection } from './connection.js';
import { encodeEvent, encodeSyncUpdate } from './messages.js';
import { Room } from './room.js';
import { RefusedUpdate } from './updateGate.js';
import { HttpError } from '../errors.js';
import { changeState } from './storedDrafts.js';
import { parseTarget, UpgradeRefusal, type UpgradeCheck, type UpgradeContext } from './upgrade.js';

export interface CollabServerOptions {
  updateLog: UpdateLog;
  icps: IcpStore;
  /** Run in order at every upgrade; the first to throw UpgradeRefusal refuses it. */
  checks: UpgradeCheck[];
  unloadDelayMs: number;
  compactAfterUpdates: number;
  heartbeatMs?: number;
  /**
   * Called once per connection, when its first change to the document is committed (editing an
   * ICP makes its editor follow it). Failures are logged; they never affect the socket.
   */
  onEdit?: (icpId: string, userId: string) => Promise<void>;
  /** Automatic history while an ICP is edited (see AutoVersions); none when absent. */
  autoVersions?: AutoVersionHook;
}

/**
 * The collaboration endpoint: y-websocket protocol over `ws`, one Room per loaded ICP, every
 * update committed to the log before anyone else sees it.
 */
export class CollabServer implements CollabEvents, LiveDrafts {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxCollabMessageBytes });
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly compacting = new Set<string>();
  private readonly committer: UpdateCommitter;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly touchedAt = new Map<string, number>();
  private readonly sockets = new Map<WebSocket, Connection>();
  private readonly autoVersions: AutoVersions;
  private closing = false;

  constructor(private readonly options: CollabServerOptions) {
    this.autoVersions = new AutoVersions(options.autoVersions, (room) => this.settledState(room));
    this.committer = new UpdateCommitter(options.updateLog, (batch) => this.afterCommit(batch));
    this.heartbeat = setInterval(() => this.checkHeartbeats(), options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  /** Routes HTTP upgrades on `server` to this endpoint. */
  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      void this.handleUpgrade(req, socket, head);
    });
  }

  /** Number of ICPs currently held in memory. */
  get loadedRooms(): number {
    return this.rooms.size;
  }

  /** Pushes a changed ICP record and its review to its open clients, each with their own abilities. */
  async publishIcp(row: IcpRow, review: IcpReviewDto): Promise<void> {
    const room = await this.rooms.get(row.id)?.catch(() => undefined);
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
    const room = await this.rooms.get(icpId)?.catch(() => undefined);
    room?.broadcastEvent(() => ({ type: 'versions.changed', icpId }));
  }

  async draftState(icpId: string): Promise<Uint8Array> {
    const loaded = await this.rooms.get(icpId)?.catch(() => undefined);
    if (loaded && !loaded.destroyed) return Y.encodeStateAsUpdate(loaded.doc);
    return this.options.updateLog.loadState(icpId);
  }

  /**
   * Changes the live draft on the server's side (a restore): loads the ICP if needed, runs `change`
   * on a copy of the committed document, and commits the resulting update and what `record` writes
   * in one transaction; only then is the update applied and relayed to every open client.
   */
  async changeDraft<T>(
    icpId: string,
    workspaceId: string,
    change: (doc: Y.Doc) => void,
    record: (change: DraftChange, trx: DbTransaction) => Promise<T>,
  ): Promise<T> {
    if (this.closing) throw new Error('the collaboration server is shutting down');
    const room = await this.getRoom(icpId, workspaceId);
    const release = this.hold(room);
    try {
      const before = Y.encodeStateAsUpdate(room.doc);
      const { update, after } = changeState(before, change);
      const log = this.options.updateLog;
      if (!update) return await log.appendWith(null, (trx) => record({ before, after }, trx));
      try {
        room.gate.accept(update);
      } catch (error) {
        throw error instanceof RefusedUpdate ? refusedChange(error) : error;
      }
      room.pendingWrites++;
      let result: T;
      try {
        result = await log.appendWith({ icpId, data: update }, (trx) => record({ before, after }, trx));
      } catch (error) {
        room.gate.settled(update, false);
        throw error;
      } finally {
        room.pendingWrites--;
      }
      room.updatesSinceCompaction++;
      if (!room.destroyed) room.applyCommitted(update, encodeSyncUpdate(update), null);
      this.afterCommit([{ icpId }]);
      return result;
    } finally {
      release();
    }
  }

  /** The room's committed state once updates in flight have landed (undefined if it is gone). */
  private async settledState(room: Room): Promise<Uint8Array | undefined> {
    room.holds++;
    try {
      await this.committer.idle();
      return room.destroyed ? undefined : Y.encodeStateAsUpdate(room.doc);
    } finally {
      room.holds--;
      this.scheduleUnload(room);
    }
  }

  /** Pushes a started or changed thread to the ICP's open clients, as each of them may see it. */
  async publishThread(icp: IcpRow, thread: ThreadRecord): Promise<void> {
    const room = await this.rooms.get(icp.id)?.catch(() => undefined);
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
    const room = await this.rooms.get(icpId)?.catch(() => undefined);
    room?.broadcastEvent(() => ({ type: 'comments.threadDeleted', icpId, threadId }));
  }

  /** Tells each person, on every socket they have open (any ICP), their new unread count. */
  inboxChanged(unreadCounts: ReadonlyMap<string, number>): void {
    if (unreadCounts.size === 0) return;
    const messages = new Map<string, Uint8Array>();
    for (const connection of this.sockets.values()) {
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
   * Who has each of these ICPs open on this server now: each person once (several tabs are one
   * person), in the order their sockets opened, named and coloured as their presence is.
   */
  activeUsers(icpIds: readonly string[]): ReadonlyMap<string, ActiveUserDto[]> {
    const wanted = new Set(icpIds);
    const byIcp = new Map<string, ActiveUserDto[]>();
    for (const connection of this.sockets.values()) {
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

  private closeWhere(match: (connection: Connection) => boolean, code: number, reason: string): void {
    for (const connection of this.sockets.values()) {
      if (match(connection)) connection.close(code, reason);
    }
  }

  /** Makes an open ICP read-only or writable again (archive / unarchive). */
  async setReadOnly(icpId: string, readOnly: boolean): Promise<void> {
    const room = await this.rooms.get(icpId)?.catch(() => undefined);
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

  private async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    let release: (() => void) | undefined;
    try {
      if (this.closing) throw new UpgradeRefusal(503, 'shutting_down', 'Server is shutting down');
      const ctx = parseTarget(req);
      for (const check of this.options.checks) await check(ctx);
      if (!ctx.actor || !ctx.membership) throw new UpgradeRefusal(401, 'unauthenticated', 'Sign in first');
      const room = await this.getRoom(ctx.icpId, ctx.membership.workspaceId);
      // The room's read-only flag is the archived state read when it loaded and kept current by
      // setReadOnly; an archive committing during this upgrade must not be overwritten by the
      // state the checks read before it.
      release = this.hold(room);
      if (socket.destroyed) {
        release();
        return;
      }
      // `ws` may still refuse the handshake (e.g. an unsupported Sec-WebSocket-Version) without
      // calling back: the socket closing is then the only sign, and must release the room too.
      socket.once('close', release);
      const held = release;
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        socket.off('close', held);
        held();
        this.accept(ws, room, ctx);
      });
    } catch (error) {
      release?.();
      if (error instanceof UpgradeRefusal) refuse(socket, error);
      else {
        console.error('collaboration upgrade failed', error);
        refuse(socket, new UpgradeRefusal(503, 'unavailable', 'Could not open the document'));
      }
    }
  }

  /** Keeps `room` loaded until the returned function is called (once; later calls do nothing). */
  private hold(room: Room): () => void {
    room.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      room.holds--;
      this.scheduleUnload(room);
    };
  }

  private accept(ws: WebSocket, room: Room, ctx: UpgradeContext): void {
    if (ctx.schemaVersion !== null && ctx.schemaVersion !== SCHEMA_VERSION) {
      ws.close(CloseCode.schemaMismatch, 'schema version mismatch');
      this.scheduleUnload(room);
      return;
    }
    const actor = ctx.actor!;
    const connection = new Connection(ws, room, this.committer, {
      readOnly: ctx.readOnly,
      wantsAcks: ctx.wantsAcks,
      actor,
      role: ctx.membership!.role,
      reviewer: ctx.membership!,
      identity: { id: actor.user.id, name: actor.user.name, color: colorForName(actor.user.id) },
      onFirstEdit: () => this.reportEdit(room.icpId, actor.user.id),
    });
    room.connections.add(connection);
    this.sockets.set(ws, connection);
    clearTimeout(room.unloadTimer);
    ws.on('message', (data: Buffer, isBinary: boolean) => connection.handleFrame(data, isBinary));
    ws.on('pong', () => (connection.alive = true));
    ws.on('error', () => {}); // ws closes the socket itself (e.g. 1009 for oversized frames)
    ws.on('close', () => {
      room.connections.delete(connection);
      this.sockets.delete(ws);
      connection.cleanup();
      // The last editor leaving records what they left behind in the automatic history.
      if (connection.mayWrite && !this.closing && ![...room.connections].some((c) => c.mayWrite)) {
        void this.autoVersions.take(room);
      }
      this.scheduleUnload(room);
    });
    connection.start();
  }

  private reportEdit(icpId: string, userId: string): void {
    const onEdit = this.options.onEdit;
    if (!onEdit) return;
    const failed = (error: unknown) => console.error(`icp ${icpId}: edit hook failed for ${userId}`, error);
    try {
      onEdit(icpId, userId).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  private getRoom(icpId: string, workspaceId: string): Promise<Room> {
    let room = this.rooms.get(icpId);
    if (!room) {
      room = this.loadRoom(icpId, workspaceId);
      this.rooms.set(icpId, room);
      room.catch(() => this.rooms.delete(icpId));
    }
    return room;
  }

  private async loadRoom(icpId: string, workspaceId: string): Promise<Room> {
    // Read after the room was registered: an archive committing later reaches it via setReadOnly.
    const icp = await this.options.icps.find(icpId);
    const state = await this.options.updateLog.load(icpId);
    // The document is built from `state` on first use (see Room.doc).
    const room = new Room(
      icpId,
      workspaceId,
      new Y.Doc({ gc: true }),
      !icp || icp.archived_at !== null,
      state,
    );
    room.updatesSinceCompaction = state.updates.length;
    if (room.updatesSinceCompaction >= this.options.compactAfterUpdates) this.compactInBackground(room);
    return room;
  }

  private scheduleUnload(room: Room): void {
    if (room.connections.size > 0 || this.closing) return;
    clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => void this.unload(room), this.options.unloadDelayMs);
    room.unloadTimer.unref();
  }

  /** Drops an idle room from memory once everything it accepted is committed. */
  private async unload(room: Room): Promise<void> {
    if (room.destroyed || room.connections.size > 0 || room.holds > 0) return;
    if (room.pendingWrites > 0) {
      // Its last updates are still being committed; look again shortly.
      this.scheduleUnload(room);
      return;
    }
    this.autoVersions.takeBeforeUnload(room, () => Y.encodeStateAsUpdate(room.doc));
    this.rooms.delete(room.icpId);
    room.destroy();
    if (room.updatesSinceCompaction > 0) await this.compact(room.icpId);
  }

  private afterCommit(batch: readonly { icpId: string }[]): void {
    const now = Date.now();
    const touched = new Set<string>();
    for (const { icpId } of batch) {
      // Keep "last updated" roughly current without a second write per keystroke.
      if (now - (this.touchedAt.get(icpId) ?? 0) > 15_000) {
        this.touchedAt.set(icpId, now);
        touched.add(icpId);
      }
    }
    if (touched.size > 0)
      this.options.icps.touch(touched).catch((e: unknown) => console.error('touch failed', e));
    for (const icpId of new Set(batch.map((u) => u.icpId))) {
      void this.rooms.get(icpId)?.then((room) => {
        if (!room.destroyed) this.autoVersions.changed(room);
        if (room.updatesSinceCompaction >= this.options.compactAfterUpdates) this.compactInBackground(room);
      }, ignoreFailedLoad);
    }
  }

  private compactInBackground(room: Room): void {
    if (this.compacting.has(room.icpId)) return;
    room.updatesSinceCompaction = 0;
    void this.compact(room.icpId);
  }

  private async compact(icpId: string): Promise<void> {
    if (this.compacting.has(icpId)) return;
    this.compacting.add(icpId);
    try {
      await this.options.updateLog.compact(icpId);
    } catch (error) {
      console.error(`icp ${icpId}: compaction failed (the log is intact)`, error);
    } finally {
      this.compacting.delete(icpId);
    }
  }

  private checkHeartbeats(): void {
    for (const [ws, connection] of this.sockets) {
      if (!connection.alive) {
        ws.terminate();
        continue;
      }
      connection.alive = false;
      ws.ping();
    }
  }

  /** Closes every connection (1001), waits for pending commits, compacts what is loaded. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.close(CloseCode.goingAway, 'server shutting down');
    await this.committer.idle();
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => undefined)));
    for (const room of rooms) {
      if (!room) continue;
      // What changed since the last automatic version is recorded before the database closes.
      this.autoVersions.takeBeforeUnload(room, () => Y.encodeStateAsUpdate(room.doc));
      room.destroy();
      if (room.updatesSinceCompaction > 0) await this.compact(room.icpId);
    }
    this.autoVersions.stop();
    await this.autoVersions.idle();
    this.rooms.clear();
    this.wss.close();
  }
}

/**
 * A room whose load failed (the database was unreachable) has nothing to record or compact; its
 * failure was answered at the upgrade. Without a handler it would be an unhandled rejection,
 * which ends the process.
 */
function ignoreFailedLoad(): void {}

function refuse(socket: Duplex, refusal: UpgradeRefusal): void {
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  const reason = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    503: 'Service Unavailable',
  }[refusal.status];
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${refusal.status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** The HTTP answer for a server-side change of the draft that the update gate refused. */
function refusedChange(refusal: RefusedUpdate): HttpError {
  return refusal.closeCode === CloseCode.documentTooLarge
    ? new HttpError(413, 'icp_too_large', `The change would make the ICP too large (${refusal.message})`)
    : new HttpError(
        422,
        'unsupported_content',
        `The change cannot be made to the draft (${refusal.message})`,
      );
}
