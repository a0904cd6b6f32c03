import type { CollabPart } from '../collabPart.js';
import type { Connection } from '../connection.js';
import { encodeEvent } from '../messages.js';
import type { Room } from '../room.js';
import type { ClusterAttachment, ClusterNode } from './clusterNode.js';
import { decodeRoomMessage, encodeRoomMessage, type RoomMessage } from './clusterMessages.js';

/** While Redis is unreachable, every loaded room reads what others committed this often. */
export const FALLBACK_POLL_MS = 2_000;
/** While Redis works, a room still catches up this often: a bound on any message Redis dropped. */
export const SAFETY_CATCH_UP_MS = 30_000;
/** While Redis is unreachable, open sockets' access is checked again this often. */
const FALLBACK_ACCESS_CHECK_MS = 10_000;

/**
 * Cross-instance fan-out of documents and presence. Each loaded room subscribes to its ICP's
 * channel; an update this instance committed is published after the commit (never before), and
 * the others apply and relay it. Yjs makes duplicates and reordering harmless. Whatever Redis
 * loses is read back from the update log by sequence (`UpdateLog.readSince`): when a room loads
 * (after subscribing), when a message leaves the document waiting for a change it has not seen,
 * every FALLBACK_POLL_MS while Redis is unreachable, at once when it returns, and every
 * SAFETY_CATCH_UP_MS regardless.
 */
export class ClusterFanout implements CollabPart {
  private readonly catchingUp = new Map<Room, Promise<boolean>>();
  private readonly again = new Set<Room>();
  private readonly timer: NodeJS.Timeout;
  private ticks = 0;
  private stopReconnect: () => void;
  private closed = false;

  constructor(
    private readonly node: ClusterNode,
    private readonly attachment: ClusterAttachment,
    private readonly recheckAccess: (connections: Iterable<Connection>) => Promise<void>,
  ) {
    this.timer = setInterval(() => this.tick(), FALLBACK_POLL_MS);
    this.timer.unref();
    this.stopReconnect = node.onReconnect(() => void this.recover());
  }

  roomLoaded(room: Room): void {
    room.catchUp = async () => {
      if (!(await this.catchUp(room))) throw new Error('catching up from the log failed');
    };
    const channel = this.channelOf(room.icpId);
    void this.node
      .subscribe(channel, (message) => this.receive(room, message))
      .then(() => {
        if (room.destroyed) return;
        // Whatever was committed between reading the log and the subscription taking effect.
        void this.catchUp(room);
        this.node.publish(channel, encodeRoomMessage({ kind: 'presenceQuery', from: this.node.instanceId }));
      });
  }

  committed(room: Room, update: Uint8Array): void {
    this.node.publish(
      this.channelOf(room.icpId),
      encodeRoomMessage({ kind: 'update', from: this.node.instanceId, payload: update }),
    );
  }

  presenceChanged(room: Room, update: Uint8Array): void {
    this.node.publish(
      this.channelOf(room.icpId),
      encodeRoomMessage({ kind: 'presence', from: this.node.instanceId, payload: update }),
    );
  }

  unloaded(room: Room): void {
    // A newer room of the same ICP may have subscribed meanwhile: then the channel stays.
    void this.attachment.rooms.loaded(room.icpId).then((current) => {
      if (!current) this.node.unsubscribe(this.channelOf(room.icpId));
    });
  }

  close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.stopReconnect();
    return Promise.resolve();
  }

  /**
   * Reads what was committed after the room's log position and applies it (one at a time per
   * room). Answers whether it succeeded; never rejects.
   */
  async catchUp(room: Room): Promise<boolean> {
    const running = this.catchingUp.get(room);
    if (running) {
      this.again.add(room);
      return running;
    }
    const run = (async () => {
      try {
        do {
          this.again.delete(room);
          const since = await this.attachment.updateLog.readSince(room.icpId, room.logPosition);
          if (room.destroyed) return true;
          const updates = since.snapshot ? [since.snapshot, ...since.updates] : since.updates;
          if (room.applyRemote(updates))
            console.error(`icp ${room.icpId}: the log holds changes that depend on changes it lacks`);
          room.logPosition = since.position ?? room.logPosition;
        } while (this.again.has(room) && !room.destroyed);
        return true;
      } catch (error) {
        console.error(`icp ${room.icpId}: catching up from the log failed (retried)`, error);
        return false;
      } finally {
        this.catchingUp.delete(room);
        if (room.destroyed) this.again.delete(room);
      }
    })();
    this.catchingUp.set(room, run);
    return run;
  }

  private receive(room: Room, bytes: Buffer): void {
    const message = decodeRoomMessage(bytes);
    if (!message || message.from === this.node.instanceId || room.destroyed) return;
    try {
      this.apply(room, message);
    } catch (error) {
      // Never let one message end the process (this runs in Redis's socket callback).
      console.error(`icp ${room.icpId}: a message from another instance could not be applied`, error);
    }
  }

  private apply(room: Room, message: RoomMessage): void {
    switch (message.kind) {
      case 'update':
        // A gap (a change this instance never received): the log has it.
        if (room.applyRemote([message.payload])) void this.catchUp(room);
        break;
      case 'presence':
        room.presence.applyRemote(message.payload);
        break;
      case 'presenceQuery': {
        // Only this instance's own connections' presence: the others answer for theirs.
        const local = room.presence.local();
        if (local) this.presenceChanged(room, local);
        break;
      }
    }
  }

  private tick(): void {
    if (this.closed) return;
    this.ticks++;
    const connected = this.node.connected;
    const safety = this.ticks % Math.round(SAFETY_CATCH_UP_MS / FALLBACK_POLL_MS) === 0;
    if (connected && !safety) return;
    void this.catchUpAll();
    if (!connected && this.ticks % Math.round(FALLBACK_ACCESS_CHECK_MS / FALLBACK_POLL_MS) === 0)
      void this.recheck();
  }

  /**
   * Messages were lost (Redis was unreachable, here or for the instance that published): read
   * back the documents, each ICP's archived state and every socket's access, and tell clients
   * that events may be lost (they reload threads, versions, the ICP and the inbox count).
   */
  private async recover(): Promise<void> {
    if (this.closed) return;
    await Promise.all([this.catchUpAll(), this.recheck(), this.refreshReadOnly()]);
    const missed = encodeEvent({ type: 'events.missed' });
    for (const connection of this.attachment.local.connections) {
      if (connection.wantsAcks) connection.send(missed);
    }
  }

  private async refreshReadOnly(): Promise<void> {
    for (const room of await this.attachment.rooms.all()) {
      try {
        const icp = await this.attachment.icps.find(room.icpId);
        const archived = !icp || icp.archived_at !== null;
        if (archived !== room.readOnly) await this.attachment.local.setReadOnly(room.icpId, archived);
      } catch (error) {
        console.error(`icp ${room.icpId}: reading its archived state failed`, error);
      }
    }
  }

  private async catchUpAll(): Promise<void> {
    const rooms = await this.attachment.rooms.all();
    await Promise.all(rooms.map((room) => this.catchUp(room)));
  }

  private async recheck(): Promise<void> {
    try {
      await this.recheckAccess(this.attachment.local.connections);
    } catch (error) {
      console.error('checking open sockets’ access failed (retried)', error);
    }
  }

  private channelOf(icpId: string): string {
    return this.node.channel(`icp:${icpId}`);
  }
}
