import type { Connection } from './connection.js';
import type { Room } from './room.js';

/**
 * One job of the collaboration server (persistence upkeep, heartbeats, automatic versions,
 * cross-instance fan-out...), in the spirit of Hocuspocus's extensions: the server core accepts
 * sockets and keeps rooms; each part hears the moments it cares about and does its one thing.
 * Every hook is optional and synchronous unless it says otherwise; a hook must not throw (parts
 * log their own failures), so one part can never break another or a socket.
 */
export interface CollabPart {
  /** A room was loaded from the database (its document may still be unbuilt). */
  roomLoaded?(room: Room): void;
  /**
   * An update committed by this instance (a connection's, or a server-side change of the draft)
   * was applied to the room and relayed to its local connections.
   */
  committed?(room: Room, update: Uint8Array, origin: Connection | null): void;
  /**
   * Presence published on this instance (connections' changes, merged per relay window, and
   * removals when they disconnect), as one awareness update.
   */
  presenceChanged?(room: Room, update: Uint8Array): void;
  /** A connection was accepted into its room (its sync has started). */
  connected?(connection: Connection): void;
  /** A connection closed and left its room. */
  disconnected?(connection: Connection): void;
  /**
   * The room is about to be destroyed: nobody is connected and nothing is in flight. Whatever a
   * part needs of the document must be taken now.
   */
  unloading?(room: Room): void;
  /** The room was dropped from memory. */
  unloaded?(room: Room): Promise<void> | void;
  /** The server is shutting down, after every socket closed and every commit landed. */
  close?(): Promise<void>;
}

/** Calls a hook on every part, in order. */
export class Parts {
  constructor(private readonly parts: readonly CollabPart[]) {}

  roomLoaded(room: Room): void {
    for (const part of this.parts) part.roomLoaded?.(room);
  }

  committed(room: Room, update: Uint8Array, origin: Connection | null): void {
    for (const part of this.parts) part.committed?.(room, update, origin);
  }

  get wantsPresence(): boolean {
    return this.parts.some((part) => part.presenceChanged !== undefined);
  }

  presenceChanged(room: Room, update: Uint8Array): void {
    for (const part of this.parts) part.presenceChanged?.(room, update);
  }

  connected(connection: Connection): void {
    for (const part of this.parts) part.connected?.(connection);
  }

  disconnected(connection: Connection): void {
    for (const part of this.parts) part.disconnected?.(connection);
  }

  unloading(room: Room): void {
    for (const part of this.parts) part.unloading?.(room);
  }

  async unloaded(room: Room): Promise<void> {
    for (const part of this.parts) await part.unloaded?.(room);
  }

  async close(): Promise<void> {
    for (const part of this.parts) await part.close?.();
  }
}
