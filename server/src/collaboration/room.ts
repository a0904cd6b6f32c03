import * as Y from 'yjs';
import type { ServerEvent } from '@bullseye/shared';
import { encodeEvent, encodeSyncUpdate } from './messages.js';
import { REMOTE_ORIGIN, RoomPresence } from './roomPresence.js';
import type { Connection } from './connection.js';
import { applyStored, type StoredState } from '../db/updateLog.js';
import { UpdateGate } from './updateGate.js';

/** What a room tells the collaboration server's parts (see CollabPart). */
export interface RoomHooks {
  committed(room: Room, update: Uint8Array, origin: Connection | null): void;
  /** Whether anyone hears `presenceChanged` (encoding it for nobody costs the hottest path). */
  readonly wantsPresence: boolean;
  presenceChanged(room: Room, update: Uint8Array): void;
}

const noHooks: RoomHooks = { committed: () => {}, wantsPresence: false, presenceChanged: () => {} };

/** Whether the document holds changes waiting for changes it has not received. */
function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/**
 * One loaded ICP: its Y.Doc (holding only committed updates), its awareness (presence) and the
 * connections editing it. The doc is the source for new clients' initial sync.
 */
export class Room {
  /** Who is here and where their cursor is (y-protocols awareness, kept honest). */
  readonly presence: RoomPresence;
  /** Tries every update on what the room accepted before it may be committed. */
  readonly gate: UpdateGate;
  readonly connections = new Set<Connection>();
  /** Updates queued for commit and not yet applied here; the room stays loaded while > 0. */
  pendingWrites = 0;
  updatesSinceCompaction = 0;
  /** Connections being accepted; the room is not unloaded while > 0. */
  holds = 0;
  unloadTimer: NodeJS.Timeout | undefined;
  destroyed = false;

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
    this.gate = new UpdateGate(() => this.doc);
    ydoc.on('afterTransaction', this.onTransaction);
    this.presence = new RoomPresence(ydoc, {
      connections: this.connections,
      get wantsPublished() {
        return hooks.wantsPresence;
      },
      published: (update) => hooks.presenceChanged(this, update),
    });
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
    this.hooks.committed(this, update, origin);
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
    const waitingBefore = hasPending(doc);
    // One update into a document with nothing waiting is relayed as it came (the common case, so
    // no state vector is encoded for it); otherwise what the document gained is computed.
    const single = updates.length === 1 && !waitingBefore;
    const before = single ? null : Y.encodeStateVector(doc);
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
    // Several updates, a snapshot, or a gap filled: what the document gained, so clients get the
    // changes that were waiting too. (A single update that leaves a gap is relayed as it came:
    // clients hold its waiting part as the server does.)
    this.broadcast(encodeSyncUpdate(before ? Y.encodeStateAsUpdate(doc, before) : updates[0]!));
    return gap;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.unloadTimer);
    this.presence.destroy();
    this.ydoc.off('afterTransaction', this.onTransaction);
    this.gate.destroy();
    this.stored = null;
    this.ydoc.destroy();
  }
}
