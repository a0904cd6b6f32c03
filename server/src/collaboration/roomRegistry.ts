import * as Y from 'yjs';
import type { IcpStore } from '../db/icpStore.js';
import type { UpdateLog } from '../db/updateLog.js';
import type { Parts } from './collabPart.js';
import { Room } from './room.js';

export interface RoomRegistryOptions {
  updateLog: UpdateLog;
  icps: IcpStore;
  /** How long a room nobody is connected to stays loaded. */
  unloadDelayMs: number;
  parts: Parts;
}

/**
 * The ICPs this instance holds in memory: loads a room on first use, keeps it while it is
 * connected to or held, and unloads it (telling the parts) once it is idle and everything it
 * accepted is committed.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private closing = false;

  constructor(private readonly options: RoomRegistryOptions) {}

  /** Number of ICPs held in memory. */
  get size(): number {
    return this.rooms.size;
  }

  /** The room of `icpId` if it is loaded (or loading); never loads one. */
  async loaded(icpId: string): Promise<Room | undefined> {
    const room = await this.rooms.get(icpId)?.catch(() => undefined);
    return room && !room.destroyed ? room : undefined;
  }

  /** Every loaded room. */
  async all(): Promise<Room[]> {
    const rooms = await Promise.all([...this.rooms.values()].map((p) => p.catch(() => undefined)));
    return rooms.filter((room): room is Room => room !== undefined && !room.destroyed);
  }

  /** The room of `icpId`, loaded from the database if needed. */
  get(icpId: string, workspaceId: string): Promise<Room> {
    let room = this.rooms.get(icpId);
    if (!room) {
      room = this.load(icpId, workspaceId);
      this.rooms.set(icpId, room);
      room.catch(() => this.rooms.delete(icpId));
    }
    return room;
  }

  /** Keeps `room` loaded until the returned function is called (once; later calls do nothing). */
  hold(room: Room): () => void {
    room.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      room.holds--;
      this.scheduleUnload(room);
    };
  }

  /** Unloads `room` after the unload delay, if nobody is connected to it by then. */
  scheduleUnload(room: Room): void {
    if (room.connections.size > 0 || this.closing) return;
    clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => void this.unload(room), this.options.unloadDelayMs);
    room.unloadTimer.unref();
  }

  /** Shutting down: unloads every room now (the caller closed the sockets and awaited commits). */
  async closeAll(): Promise<void> {
    this.closing = true;
    for (const room of await this.all()) await this.drop(room);
    this.rooms.clear();
  }

  private async load(icpId: string, workspaceId: string): Promise<Room> {
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
      this.options.parts,
    );
    room.updatesSinceCompaction = state.updates.length;
    this.options.parts.roomLoaded(room);
    return room;
  }

  /** Drops an idle room from memory once everything it accepted is committed. */
  private async unload(room: Room): Promise<void> {
    if (room.destroyed || room.connections.size > 0 || room.holds > 0) return;
    if (room.pendingWrites > 0) {
      // Its last updates are still being committed; look again shortly.
      this.scheduleUnload(room);
      return;
    }
    await this.drop(room);
  }

  private async drop(room: Room): Promise<void> {
    this.options.parts.unloading(room);
    if (this.rooms.get(room.icpId) !== undefined) this.rooms.delete(room.icpId);
    room.destroy();
    await this.options.parts.unloaded(room);
  }
}
