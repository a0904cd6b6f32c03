import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { ServerEvent } from '@bullseye/shared';
import { encodeAwarenessMessage, encodeEvent } from './messages.js';
import type { Connection } from './connection.js';

/**
 * One loaded ICP: its Y.Doc (holding only committed updates), its awareness (presence) and the
 * connections editing it. The doc is the source for new clients' initial sync.
 */
export class Room {
  readonly awareness: Awareness;
  readonly connections = new Set<Connection>();
  /** Which connection published each awareness client id; only it may change that presence. */
  readonly awarenessOwners = new Map<number, Connection>();
  /** Updates queued for commit and not yet applied here; the room stays loaded while > 0. */
  pendingWrites = 0;
  updatesSinceCompaction = 0;
  /** Connections being accepted; the room is not unloaded while > 0. */
  holds = 0;
  unloadTimer: NodeJS.Timeout | undefined;
  destroyed = false;

  constructor(
    readonly icpId: string,
    readonly workspaceId: string,
    readonly doc: Y.Doc,
    /** Archived ICPs are read-only for everyone. */
    public readOnly: boolean,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null);
    // Removals the server makes itself (timeouts, disconnects) are announced to everyone.
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (typeof origin === 'object' && origin !== null && 'isConnection' in origin) return; // relayed raw already
    const clients = [...change.added, ...change.updated, ...change.removed];
    if (clients.length === 0) return;
    this.broadcast(encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, clients)));
  };

  /** Sends a message to every connection of the room except `except`. */
  broadcast(message: Uint8Array, except?: Connection): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(message);
    }
  }

  /** Pushes a server event, made for each connection, to every client that asked for them. */
  broadcastEvent(eventFor: (connection: Connection) => ServerEvent): void {
    for (const connection of this.connections) {
      if (connection.wantsAcks) connection.send(encodeEvent(eventFor(connection)));
    }
  }

  /** Applies a committed update and relays it to everyone but its sender. */
  applyCommitted(update: Uint8Array, relay: Uint8Array, origin: Connection): void {
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      // Validated before commit, so this is a Yjs-level surprise; the stored log skips it on load.
      console.error(`icp ${this.icpId}: committed update could not be applied`, error);
      return;
    }
    this.broadcast(relay, origin);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.unloadTimer);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awarenessOwners.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
