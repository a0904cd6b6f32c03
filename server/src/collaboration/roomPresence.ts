import type * as Y from 'yjs';
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import {
  encodeAwarenessEntries,
  readAwarenessEntries,
  readPresenceEntries,
  stampAwarenessEntries,
  type AwarenessIdentity,
  type PresenceEntry,
} from './awarenessFrames.js';
import type { Connection } from './connection.js';
import { encodeAwarenessMessage } from './messages.js';

/**
 * Presence relays of a busy room are merged: a change after a quiet spell is relayed at once, and
 * later ones within this window are gathered (the latest state per client) and relayed together
 * when it ends. Every stock client answers each awareness message it receives by echoing it back,
 * so in a room of 50 typing people one merged relay instead of five saves 4 × 49 messages out and
 * 4 × 49 echoes in, for at most this much extra cursor delay. Document updates are never delayed.
 */
export const PRESENCE_WINDOW_MS = 50;

/** The origin of presence another instance published (see ClusterFanout). */
export const REMOTE_ORIGIN = Symbol('another instance');

/** Who published an awareness client id here: a local connection, or another instance. */
export type PresenceOwner = Connection | typeof REMOTE_ORIGIN;

interface PendingPresence extends PresenceEntry {
  /** The local connection that published it; null for presence from another instance. */
  from: Connection | null;
}

/** Where a room's presence goes besides its own connections. */
export interface PresenceOutlet {
  /** The room's local connections (relays go to them). */
  readonly connections: ReadonlySet<Connection>;
  /** Whether anyone hears `published` (encoding it for nobody would cost the hottest path). */
  readonly wantsPublished: boolean;
  /** Presence published on this instance (merged relays and disconnects), as an awareness update. */
  published(update: Uint8Array): void;
}

/**
 * Presences holding changes to relay at the end of their window. One process-wide timer serves
 * them all: a timer per room would wake the server once per cursor move in small rooms, which
 * costs more than the relays it saves.
 */
const withPending = new Set<RoomPresence>();
let windowTimer: NodeJS.Timeout | undefined;

function relayPending(): void {
  windowTimer = undefined;
  const presences = [...withPending];
  withPending.clear();
  for (const presence of presences) presence.flush();
}

/**
 * Who is in a room and where their cursor is: the room's y-protocols Awareness, with the rules
 * that keep it honest. Each entry is stamped with the authenticated identity of the connection
 * that published it, only that connection may change it, it is withdrawn when that connection
 * closes, and relays are merged per window. Presence from other instances is applied and relayed
 * the same way, and never republished.
 */
export class RoomPresence {
  readonly awareness: Awareness;
  /** Which connection (or another instance) published each client id; only it may change it. */
  readonly owners = new Map<number, PresenceOwner>();
  private readonly idsOf = new Map<Connection, Set<number>>();
  /** Changes applied to `awareness` but not yet relayed, by client id. */
  private readonly pending = new Map<number, PendingPresence>();
  /** When presence was last relayed (`performance.now()`). */
  private relayedAt = -Infinity;
  private destroyed = false;

  constructor(
    doc: Y.Doc,
    private readonly outlet: PresenceOutlet,
  ) {
    // Presence needs the document object, not its content.
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null);
    // Removals the server makes itself (timeouts, disconnects) are announced to everyone.
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Everyone's presence as one awareness update, or null when nobody has any. */
  everyone(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  /** The presence of this instance's own connections (what another instance asks for). */
  local(): Uint8Array | null {
    const ids = [...this.owners]
      .filter(([id, owner]) => owner !== REMOTE_ORIGIN && this.awareness.states.has(id))
      .map(([id]) => id);
    return ids.length > 0 ? encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  /**
   * A connection's awareness message. Stock clients echo every peer's awareness back; entries
   * whose clock advances nothing are dropped without parsing JSON. Real changes are stamped with
   * the connection's identity, limited to client ids it owns, applied, and relayed.
   */
  publish(connection: Connection, update: Uint8Array, identity: AwarenessIdentity): void {
    const awareness = this.awareness;
    const mine = (id: number) => {
      const owner = this.owners.get(id);
      return owner === undefined || owner === connection;
    };
    let advances = false;
    for (const entry of readAwarenessEntries(update)) {
      if (!mine(entry.clientID)) continue;
      const current = awareness.meta.get(entry.clientID)?.clock ?? -1;
      if (
        entry.clock > current ||
        (entry.clock === current && entry.removed && awareness.states.has(entry.clientID))
      ) {
        advances = true;
      }
    }
    if (!advances) return;
    const stamped = stampAwarenessEntries(update, mine, identity);
    if (stamped.length === 0) return;
    const ids = this.idsOf.get(connection) ?? new Set<number>();
    this.idsOf.set(connection, ids);
    for (const entry of stamped) {
      if (entry.state === 'null') {
        // Cleared presence is gone for good: its id no longer pins this connection in the room.
        ids.delete(entry.clientID);
        if (this.owners.get(entry.clientID) === connection) this.owners.delete(entry.clientID);
      } else {
        ids.add(entry.clientID);
        this.owners.set(entry.clientID, connection);
      }
    }
    applyAwarenessUpdate(awareness, encodeAwarenessEntries(stamped), connection);
    this.relay(stamped, connection);
  }

  /** A connection closed: its presence is withdrawn (and announced). */
  withdraw(connection: Connection): void {
    const ids = this.idsOf.get(connection);
    this.idsOf.delete(connection);
    if (!ids || this.destroyed) return;
    for (const id of ids) if (this.owners.get(id) === connection) this.owners.delete(id);
    const mine = [...ids].filter((id) => this.awareness.states.has(id));
    if (mine.length > 0) removeAwarenessStates(this.awareness, mine, 'disconnect');
  }

  /** Applies presence another instance published and relays it to the local connections. */
  applyRemote(update: Uint8Array): void {
    if (this.destroyed) return;
    const fresh = readPresenceEntries(update).filter((entry) => {
      const owner = this.owners.get(entry.clientID);
      if (owner !== undefined && owner !== REMOTE_ORIGIN) return false; // a local client's own
      const current = this.awareness.meta.get(entry.clientID)?.clock ?? -1;
      return entry.clock > current || (entry.clock === current && entry.state === 'null');
    });
    if (fresh.length === 0) return;
    for (const entry of fresh) {
      if (entry.state === 'null') this.owners.delete(entry.clientID);
      else this.owners.set(entry.clientID, REMOTE_ORIGIN);
    }
    applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(fresh), REMOTE_ORIGIN);
    this.relay(fresh, null);
  }

  /** Sends pending presence to every connection, except each publisher's own entries. */
  flush(): void {
    if (this.pending.size === 0 || this.destroyed) return;
    this.relayedAt = performance.now();
    const entries = [...this.pending.values()];
    this.pending.clear();
    if (this.outlet.wantsPublished) {
      const local = entries.filter((entry) => entry.from !== null);
      if (local.length > 0) this.outlet.published(encodeAwarenessEntries(local));
    }
    const publishers = new Set(entries.map((entry) => entry.from));
    let toEveryone: Uint8Array | undefined;
    for (const connection of this.outlet.connections) {
      if (publishers.has(connection)) {
        const others = entries.filter((entry) => entry.from !== connection);
        if (others.length > 0) connection.send(encodeAwarenessMessage(encodeAwarenessEntries(others)));
      } else {
        toEveryone ??= encodeAwarenessMessage(encodeAwarenessEntries(entries));
        connection.send(toEveryone);
      }
    }
  }

  destroy(): void {
    this.destroyed = true;
    withPending.delete(this);
    this.pending.clear();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.owners.clear();
    this.idsOf.clear();
    this.awareness.destroy();
  }

  /**
   * Relays entries (already applied to `awareness`): at once if the room's presence was quiet,
   * otherwise merged into the relay at the end of the current window.
   */
  private relay(entries: readonly PresenceEntry[], from: Connection | null): void {
    for (const entry of entries) {
      const pending = this.pending.get(entry.clientID);
      if (pending === undefined || pending.clock <= entry.clock)
        this.pending.set(entry.clientID, { ...entry, from });
    }
    if (withPending.has(this)) return;
    if (performance.now() - this.relayedAt >= PRESENCE_WINDOW_MS) {
      this.flush();
      return;
    }
    withPending.add(this);
    if (windowTimer === undefined) {
      windowTimer = setTimeout(relayPending, PRESENCE_WINDOW_MS);
      windowTimer.unref();
    }
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // Connections' and other instances' changes are relayed by `relay`.
    if (
      origin === REMOTE_ORIGIN ||
      (typeof origin === 'object' && origin !== null && 'isConnection' in origin)
    )
      return;
    const clients = [...change.added, ...change.updated, ...change.removed];
    if (clients.length === 0) return;
    // What clients published before (e.g. a last cursor move before a disconnect) goes out first.
    this.flush();
    const update = encodeAwarenessUpdate(this.awareness, clients);
    const message = encodeAwarenessMessage(update);
    for (const connection of this.outlet.connections) connection.send(message);
    // A disconnect here is news for other instances; a timeout happens on each of them by itself.
    if (origin === 'disconnect' && this.outlet.wantsPublished) this.outlet.published(update);
  };
}
