import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  CloseCode,
  colorForName,
  LIMITS,
  SCHEMA_VERSION,
  type ActiveUserDto,
  type CoachDismissalDto,
  type IcpReviewDto,
  type WorkshopState,
} from '@bullseye/shared';
import type { ThreadRecord } from '../db/commentStore.js';
import type { IcpRow, IcpStore } from '../db/icpStore.js';
import type { DbTransaction, UpdateLog } from '../db/updateLog.js';
import { AutoVersions, type AutoVersionHook } from './autoVersions.js';
import type { ClusterNode } from './cluster/clusterNode.js';
import type { CollabEvents, DraftChange, LiveDrafts, RevokedCredential } from './collabEvents.js';
import { Parts, type CollabPart } from './collabPart.js';
import { UpdateCommitter } from './committer.js';
import { Compaction } from './compaction.js';
import { Connection } from './connection.js';
import { EditActivity } from './editActivity.js';
import { Heartbeats } from './heartbeats.js';
import { LocalEvents } from './localEvents.js';
import { WorkshopActivity } from './workshopActivity.js';
import { SectionContributions } from './sectionContributions.js';
import { SectionEdits } from './sectionEdits.js';
import type { ContributionStore } from '../db/contributionStore.js';
import type { WorkshopStore } from '../db/workshopStore.js';
import type { Room } from './room.js';
import { RoomRegistry } from './roomRegistry.js';
import { ServerDrafts } from './serverDrafts.js';
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
  /** Workshop sessions: edits during a session are counted for its function coverage. */
  workshops?: WorkshopStore;
  /** Edits per section and function of every ICP, for the coach's ivory-tower rules. */
  contributions?: ContributionStore;
  /** Automatic history while an ICP is edited (see AutoVersions); none when absent. */
  autoVersions?: AutoVersionHook;
  /**
   * Several instances (PostgreSQL + Redis): this instance's link to the others. It adds the
   * cross-instance fan-out part and delivers server events on every instance.
   */
  cluster?: ClusterNode;
}

/**
 * The collaboration endpoint: y-websocket protocol over `ws`. The core accepts sockets into rooms
 * (RoomRegistry) and commits every update before anyone else sees it (UpdateCommitter); each other
 * job is a part (see CollabPart): log compaction, heartbeats, automatic versions, "last updated",
 * local server events, and, with several instances, the fan-out between them.
 */
export class CollabServer implements CollabEvents, LiveDrafts {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxCollabMessageBytes });
  private readonly committer: UpdateCommitter;
  private readonly rooms: RoomRegistry;
  private readonly local: LocalEvents;
  private readonly events: CollabEvents;
  private readonly drafts: ServerDrafts;
  private readonly autoVersions: AutoVersions;
  private readonly parts: Parts;
  private closing = false;

  constructor(private readonly options: CollabServerOptions) {
    this.committer = new UpdateCommitter(options.updateLog);
    const partList: CollabPart[] = [];
    this.parts = new Parts(partList);
    this.rooms = new RoomRegistry({
      updateLog: options.updateLog,
      icps: options.icps,
      unloadDelayMs: options.unloadDelayMs,
      parts: this.parts,
    });
    const activity = options.workshops
      ? new WorkshopActivity(options.workshops, options.icps, () => this.events)
      : undefined;
    this.local = new LocalEvents(this.rooms, (state) => activity?.sessionChanged(state));
    this.drafts = new ServerDrafts(this.rooms, options.updateLog);
    this.autoVersions = new AutoVersions(options.autoVersions, (room) => this.settledState(room));
    partList.push(
      this.local,
      new Compaction(options.updateLog, options.compactAfterUpdates),
      new EditActivity(options.icps),
      new Heartbeats(options.heartbeatMs ?? 30_000),
      this.autoVersions,
    );
    const contributions = options.contributions && new SectionContributions(options.contributions);
    const editListeners = [activity?.sectionsEdited, contributions?.sectionsEdited].filter(
      (l) => l !== undefined,
    );
    if (editListeners.length > 0) partList.push(new SectionEdits(editListeners));
    if (activity) partList.push(activity);
    if (contributions) partList.push(contributions);
    const cluster = options.cluster?.attach({
      rooms: this.rooms,
      local: this.local,
      updateLog: options.updateLog,
      icps: options.icps,
    });
    if (cluster) partList.push(...cluster.parts);
    this.events = cluster?.events ?? this.local;
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

  // Server events (CollabEvents): delivered on every instance when there are several.
  publishIcp(row: IcpRow, review: IcpReviewDto): Promise<void> {
    return this.events.publishIcp(row, review);
  }
  versionsChanged(icpId: string): Promise<void> {
    return this.events.versionsChanged(icpId);
  }
  publishThread(icp: IcpRow, thread: ThreadRecord): Promise<void> {
    return this.events.publishThread(icp, thread);
  }
  publishThreadDeleted(icpId: string, threadId: string): Promise<void> {
    return this.events.publishThreadDeleted(icpId, threadId);
  }
  publishWorkshop(icp: IcpRow, state: WorkshopState): Promise<void> {
    return this.events.publishWorkshop(icp, state);
  }
  publishCoachDismissals(icpId: string, dismissals: CoachDismissalDto[]): Promise<void> {
    return this.events.publishCoachDismissals(icpId, dismissals);
  }
  inboxChanged(unreadCounts: ReadonlyMap<string, number>): void {
    this.events.inboxChanged(unreadCounts);
  }
  activeUsers(icpIds: readonly string[]): ReadonlyMap<string, ActiveUserDto[]> {
    return this.events.activeUsers(icpIds);
  }
  memberChanged(workspaceId: string, userId: string): void {
    this.events.memberChanged(workspaceId, userId);
  }
  credentialRevoked(credential: RevokedCredential): void {
    this.events.credentialRevoked(credential);
  }
  setReadOnly(icpId: string, readOnly: boolean): Promise<void> {
    return this.events.setReadOnly(icpId, readOnly);
  }

  // Live drafts (LiveDrafts).
  draftState(icpId: string): Promise<Uint8Array> {
    return this.drafts.draftState(icpId);
  }
  changeDraft<T>(
    icpId: string,
    workspaceId: string,
    change: (doc: Y.Doc) => void,
    record: (change: DraftChange, trx: DbTransaction) => Promise<T>,
  ): Promise<T> {
    return this.drafts.changeDraft(icpId, workspaceId, change, record);
  }

  /** The room's committed state once updates in flight have landed (undefined if it is gone). */
  private async settledState(room: Room): Promise<Uint8Array | undefined> {
    const release = this.rooms.hold(room);
    try {
      await this.committer.idle();
      return room.destroyed ? undefined : Y.encodeStateAsUpdate(room.doc);
    } finally {
      release();
    }
  }

  private async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    let release: (() => void) | undefined;
    try {
      if (this.closing) throw new UpgradeRefusal(503, 'shutting_down', 'Server is shutting down');
      const ctx = parseTarget(req);
      for (const check of this.options.checks) await check(ctx);
      if (!ctx.actor || !ctx.membership) throw new UpgradeRefusal(401, 'unauthenticated', 'Sign in first');
      const room = await this.rooms.get(ctx.icpId, ctx.membership.workspaceId);
      // The room's read-only flag is the archived state read when it loaded and kept current by
      // setReadOnly; an archive committing during this upgrade must not be overwritten by the
      // state the checks read before it.
      release = this.rooms.hold(room);
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

  private accept(ws: WebSocket, room: Room, ctx: UpgradeContext): void {
    if (ctx.schemaVersion !== null && ctx.schemaVersion !== SCHEMA_VERSION) {
      ws.close(CloseCode.schemaMismatch, 'schema version mismatch');
      this.rooms.scheduleUnload(room);
      return;
    }
    const actor = ctx.actor!;
    const { authorization, cookie } = ctx.req.headers;
    const connection = new Connection(ws, room, this.committer, {
      readOnly: ctx.readOnly,
      wantsAcks: ctx.wantsAcks,
      actor,
      credential: { authorization, cookie },
      role: ctx.membership!.role,
      reviewer: ctx.membership!,
      identity: { id: actor.user.id, name: actor.user.name, color: colorForName(actor.user.id) },
      onFirstEdit: () => this.reportEdit(room.icpId, actor.user.id),
    });
    room.connections.add(connection);
    clearTimeout(room.unloadTimer);
    ws.on('message', (data: Buffer, isBinary: boolean) => connection.handleFrame(data, isBinary));
    ws.on('error', () => {}); // ws closes the socket itself (e.g. 1009 for oversized frames)
    ws.on('close', () => {
      room.connections.delete(connection);
      connection.cleanup();
      this.parts.disconnected(connection);
      this.rooms.scheduleUnload(room);
    });
    this.parts.connected(connection);
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

  /** Closes every connection (1001), waits for pending commits, unloads (and compacts) what is loaded. */
  async close(): Promise<void> {
    this.closing = true;
    this.drafts.stop();
    this.autoVersions.stop();
    for (const ws of this.wss.clients) ws.close(CloseCode.goingAway, 'server shutting down');
    await this.committer.idle();
    await this.rooms.closeAll();
    await this.parts.close();
    this.wss.close();
  }
}

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
