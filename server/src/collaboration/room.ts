import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { ServerEvent } from '@bullseye/shared';
import { encodeAwarenessMessage, encodeEvent, encodeSyncUpdate } from './messages.js';
import { encodeAwarenessEntries, readPresenceEntries, type PresenceEntry } from './awarenessFrames.js';
import type { Connection } from './connection.js';
import { applyStored, type StoredState } from '../db/updateLog.js';
import { UpdateGate } from './updateGate.js';

/**
 * Presence relays of a busy room are merged: a change after a quiet spell is relayed at once, and
 * later ones within this window are gathered (the latest state per client) and relayed together
 * when it ends. Every stock client answers each awareness message it receives by echoing it back,
 * so in a room of 50 typing people one merged relay instead of five saves 4 × 49 messages out and
 * 4 × 49 echoes in, for at most this much extra cursor delay. Document updates are never delayed.
 */
export const PRESENCE_WINDOW_MS = 50;

interface PendingPresence extends PresenceEntry {
  /** The local connection that published it; null for presence relayed from another instance. */
  from: Connection | null;
}

/** What a room tells the collaboration server's parts (see CollabPart). */
export interface RoomHooks {
  committed(room: Room, update: Uint8Array): void;
  /** Whether anyone hears `presenceChanged` (encoding it for nobody costs the hottest path). */
  readonly wantsPresence: boolean;
  presenceChanged(room: Room, update: Uint8Array): void;
}

const noHooks: RoomHooks = { committed: () => {}, wantsPresence: false, presenceChanged: () => {} };

/** The origin of changes that another instance committed or published (fan-out, catch-up). */
export const REMOTE_ORIGIN = Symbol('another instance');

/** Who published an awareness client id here: a local connection, or another instance. */
export type PresenceOwner = Connection | typeof REMOTE_ORIGIN;

/** Whether the document holds changes waiting for changes it has not received. */
function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** Whether an awareness change was relayed already by whoever made it. */
function isRelayedOrigin(origin: unknown): boolean {
  return (
    origin === REMOTE_ORIGIN || (typeof origin === 'object' && origin !== null && 'isConnection' in origin)
  );
}

/**
 * Rooms holding presence to relay at the end of their window. One process-wide timer serves them
 * all: a timer per room would wake the server once per cursor move in small rooms, which costs
 * more than the relays it saves.
 */
const roomsWithPendingPresence = new Set<Room>();
let presenceTimer: NodeJS.Timeout | undefined;

function relayPendingPresence(): void {
  presenceTimer = undefined;
  const rooms = [...roomsWithPendingPresence];
  roomsWithPendingPresence.clear();
  for (const room of rooms) room.flushPresence();
}

/**
 * One loaded ICP: its Y.Doc (holding only committed updates), its awareness (presence) and the
 * connections editing it. The doc is the source for new clients' initial sync.
 */
export class Room {
  readonly awareness: Awareness;
  /** Tries every update on what the room accepted before it may be committed. */
  readonly gate: UpdateGate;
  readonly connections = new Set<Connection>();
  /** Which connection published each awareness client id; only it may change that presence. */
  readonly awarenessOwners = new Map<number, PresenceOwner>();
  /** Updates queued for commit and not yet applied here; the room stays loaded while > 0. */
  pendingWrites = 0;
  updatesSinceCompaction = 0;
  /** Connections being accepted; the room is not unloaded while > 0. */
  holds = 0;
  unloadTimer: NodeJS.Timeout | undefined;
  destroyed = false;
  /** Presence changes applied to `awareness` but not yet relayed, by client id. */
  private readonly pendingPresence = new Map<number, PendingPresence>();
  /** When presence was last relayed (`performance.now()`). */
  private presenceRelayedAt = -Infinity;

  /**
   * The last update-log row this room has read from the database (at load or by a catch-up): the
   * next catch-up reads what was committed after it, by sequence.
   */
  logPosition = 0;
  /**
   * With several instances: reads what other instances committed from the log and applies it
   * (set by the fan-out part). A client that moved here from another instance may send changes
   * that build on what this instance has not received yet; they are checked again after it.
   */
  catchUp: (() => Promise<void>) | null = null;

  /** The stored state not yet applied to the document (see `doc`); null once it is. */
  private stored: StoredState | null;

  constructor(
    readonly icpId: string,
    readonly workspaceId: string,
    private readonly ydoc: Y.Doc,
    /** Archived ICPs are read-only for everyone; set at load and by archive / unarchive only. */
    public readOnly: boolean,
    /** What the database holds for the ICP, applied to `ydoc` on first use of `doc`. */
    stored: StoredState | null = null,
    private readonly hooks: RoomHooks = noHooks,
  ) {
    this.stored = stored;
    this.logPosition = stored?.position ?? 0;
    // Presence needs the document object, not its content.
    this.awareness = new Awareness(ydoc);
    this.gate = new UpdateGate(() => this.doc);
    ydoc.on('afterTransaction', this.onTransaction);
    this.awareness.setLocalState(null);
    // Removals the server makes itself (timeouts, disconnects) are announced to everyone.
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * The ICP's document, holding only committed updates. A room loads with its stored state not
   * yet applied, so that the first client's sync can be answered from the stored bytes (see
   * `syncAnswer`); any use of the document applies it first.
   */
  get doc(): Y.Doc {
    const stored = this.stored;
    if (stored) {
      this.stored = null;
      applyStored(this.ydoc, stored, (error) =>
        console.error(`icp ${this.icpId}: skipped an unreadable stored update`, error),
      );
    }
    return this.ydoc;
  }

  /** The state still to apply when it is one stored snapshot (what sync can serve as it is). */
  private get storedSnapshotOnly(): Uint8Array | null {
    const stored = this.stored;
    return stored && stored.updates.length === 0 ? stored.snapshot : null;
  }

  /** The document's state vector, for sync step 1, without building an unbuilt document. */
  stateVector(): Uint8Array {
    const snapshot = this.storedSnapshotOnly;
    return snapshot ? Y.encodeStateVectorFromUpdate(snapshot) : Y.encodeStateVector(this.doc);
  }

  /**
   * What a client whose state vector is `stateVector` lacks (sync step 2). A fresh client of a
   * room still holding just its stored snapshot gets the snapshot's bytes at once, and the
   * document is built right after (a cold load then costs one database read, not a Yjs build).
   */
  syncAnswer(stateVector: Uint8Array): Uint8Array {
    const snapshot = this.storedSnapshotOnly;
    if (snapshot && Y.decodeStateVector(stateVector).size === 0) {
      setImmediate(() => {
        if (!this.destroyed) void this.doc;
      });
      return snapshot;
    }
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /** Whether the latest transaction on the doc changed its content (set synchronously). */
  private lastTransactionChanged = false;

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    this.lastTransactionChanged = transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0;
  };

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (isRelayedOrigin(origin)) return;
    const clients = [...change.added, ...change.updated, ...change.removed];
    if (clients.length === 0) return;
    // What clients published before (e.g. a last cursor move before a disconnect) goes out first.
    this.flushPresence();
    const update = encodeAwarenessUpdate(this.awareness, clients);
    this.broadcast(encodeAwarenessMessage(update));
    // A disconnect here is news for other instances; a timeout happens on each of them by itself.
    if (origin === 'disconnect') this.hooks.presenceChanged(this, update);
  };

  /**
   * Relays presence entries `from` published (already applied to `awareness`): at once if the
   * room's presence was quiet, otherwise merged into the relay at the end of the current window.
   */
  relayPresence(entries: readonly PresenceEntry[], from: Connection | null): void {
    for (const entry of entries) {
      const pending = this.pendingPresence.get(entry.clientID);
      if (pending === undefined || pending.clock <= entry.clock)
        this.pendingPresence.set(entry.clientID, { ...entry, from });
    }
    if (roomsWithPendingPresence.has(this)) return;
    if (performance.now() - this.presenceRelayedAt >= PRESENCE_WINDOW_MS) {
      this.flushPresence();
      return;
    }
    roomsWithPendingPresence.add(this);
    if (presenceTimer === undefined) {
      presenceTimer = setTimeout(relayPendingPresence, PRESENCE_WINDOW_MS);
      presenceTimer.unref();
    }
  }

  /** Sends pending presence to every connection, except each publisher's own entries. */
  flushPresence(): void {
    if (this.pendingPresence.size === 0 || this.destroyed) return;
    this.presenceRelayedAt = performance.now();
    const entries = [...this.pendingPresence.values()];
    this.pendingPresence.clear();
    const publishers = new Set(entries.map((entry) => entry.from));
    if (this.hooks.wantsPresence) {
      const local = entries.filter((entry) => entry.from !== null);
      if (local.length > 0) this.hooks.presenceChanged(this, encodeAwarenessEntries(local));
    }
    let toEveryone: Uint8Array | undefined;
    for (const connection of this.connections) {
      if (publishers.has(connection)) {
        const others = entries.filter((entry) => entry.from !== connection);
        if (others.length > 0) connection.send(encodeAwarenessMessage(encodeAwarenessEntries(others)));
      } else {
        toEveryone ??= encodeAwarenessMessage(encodeAwarenessEntries(entries));
        connection.send(toEveryone);
      }
    }
  }

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

  /**
   * Applies a committed update and relays it to everyone but its sender (everyone when the server
   * itself made it: `origin` null). Answers whether it changed the document (a client re-sending
   * what the server has, e.g. on reconnect, does not).
   */
  applyCommitted(update: Uint8Array, relay: Uint8Array, origin: Connection | null): boolean {
    this.gate.settled(update, true);
    this.lastTransactionChanged = false;
    const doc = this.doc;
    // With several instances the document may hold changes waiting for one it has not received;
    // if this update is it, they integrate too, and everyone (its sender too) needs them.
    const waitingBefore = hasPending(doc) ? Y.encodeStateVector(doc) : null;
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (error) {
      // Tried on the gate's scratch copy before commit, so this is a Yjs-level surprise.
      console.error(`icp ${this.icpId}: committed update could not be applied`, error);
      return false;
    }
    if (waitingBefore) this.broadcast(encodeSyncUpdate(Y.encodeStateAsUpdate(doc, waitingBefore)));
    else this.broadcast(relay, origin ?? undefined);
    this.hooks.committed(this, update);
    return this.lastTransactionChanged;
  }

  /**
   * Applies updates another instance committed (fan-out or a catch-up from the log) and relays
   * to the local connections what they add. Yjs ignores what the document has already, so
   * duplicates and reordering are harmless. Answers whether the document now waits for changes
   * it has not seen (a gap: the caller catches up from the log).
   */
  applyRemote(updates: readonly Uint8Array[]): boolean {
    if (this.destroyed || updates.length === 0) return false;
    const doc = this.doc;
    const before = Y.encodeStateVector(doc);
    const waitingBefore = hasPending(doc);
    let changed = false;
    for (const update of updates) {
      this.lastTransactionChanged = false;
      try {
        Y.applyUpdate(doc, update, REMOTE_ORIGIN);
      } catch (error) {
        console.error(`icp ${this.icpId}: an update from another instance could not be applied`, error);
        continue;
      }
      changed ||= this.lastTransactionChanged;
    }
    const gap = hasPending(doc);
    if (!changed && !gap && !waitingBefore) return false; // all known already
    // The gate's scratch copy (committed + queued) must see it too before the next check.
    this.gate.committedElsewhere(updates);
    if (!changed) return gap;
    // The update as it came when it is exactly what was added; otherwise (several, a snapshot, a
    // gap filled or left) what the document gained, so clients get changes that were waiting too.
    const exact = updates.length === 1 && !gap && !waitingBefore;
    this.broadcast(encodeSyncUpdate(exact ? updates[0]! : Y.encodeStateAsUpdate(doc, before)));
    return gap;
  }

  /** Applies presence another instance published and relays it to the local connections. */
  applyRemotePresence(update: Uint8Array): void {
    if (this.destroyed) return;
    let entries: PresenceEntry[];
    try {
      entries = readPresenceEntries(update);
    } catch (error) {
      console.error(`icp ${this.icpId}: unreadable presence from another instance`, error);
      return;
    }
    const fresh = entries.filter((entry) => {
      const owner = this.awarenessOwners.get(entry.clientID);
      if (owner !== undefined && owner !== REMOTE_ORIGIN) return false; // a local client's own
      const current = this.awareness.meta.get(entry.clientID)?.clock ?? -1;
      return entry.clock > current || (entry.clock === current && entry.state === 'null');
    });
    if (fresh.length === 0) return;
    for (const entry of fresh) {
      if (entry.state === 'null') this.awarenessOwners.delete(entry.clientID);
      else this.awarenessOwners.set(entry.clientID, REMOTE_ORIGIN);
    }
    applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(fresh), REMOTE_ORIGIN);
    this.relayPresence(fresh, null);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.unloadTimer);
    roomsWithPendingPresence.delete(this);
    this.pendingPresence.clear();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.ydoc.off('afterTransaction', this.onTransaction);
    this.awarenessOwners.clear();
    this.awareness.destroy();
    this.gate.destroy();
    this.stored = null;
    this.ydoc.destroy();
  }
}
