import { coversStateVector } from '@bullseye/shared';

/**
 * - `paused`: this browser holds changes the server refused or does not have; syncing stopped
 *   until the person retries, downloads a copy or discards them (see {@link UnsavedReason}).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'paused' | 'closed';

/**
 * - `saved`: the server said it has everything this browser has (its clocks cover the local
 *   state vector) and every update sent since is acknowledged;
 * - `saving`: edits are on their way, or the server has not yet confirmed them;
 * - `local`: edits made without a connection, kept in this browser until it reconnects;
 * - `unsaved`: this browser holds changes the server refused or lacks (sync is paused);
 * - `idle`: nothing confirmed and nothing typed here yet, so nothing to report.
 */
export type SaveState = 'saved' | 'saving' | 'local' | 'unsaved' | 'idle';

/**
 * Why changes in this browser cannot reach the server:
 * - `changeTooLarge`: one change is larger than a message may be (LIMITS.maxCollabMessageBytes);
 *   held back before sending, or closed by the server with 1009;
 * - `icpTooLarge`: the server refused it because the ICP would outgrow LIMITS.maxIcpStateBytes (4413);
 * - `refused`: the server refused a change as invalid (4400), e.g. one that depends on changes it
 *   never got; sending it again would be refused again;
 * - `notStored`: every update was acknowledged, yet the server's clocks stay below this browser's
 *   state vector after sending what it lacks again.
 */
export type UnsavedReason = 'changeTooLarge' | 'icpTooLarge' | 'refused' | 'notStored';

export interface SessionStatus {
  readonly connection: ConnectionState;
  readonly save: SaveState;
  /** The document has caught up with the server at least once on the current connection. */
  readonly synced: boolean;
  /** Why the server ended the session for good (e.g. an outdated client), if it did. */
  readonly closeReason: string | null;
  /** Set while this browser holds changes the server does not have and syncing is paused. */
  readonly unsaved: UnsavedReason | null;
}

/** Client id → clock, as `Y.decodeStateVector` returns it. */
export type StateVector = ReadonlyMap<number, number>;

/** What the tracker asks of the session to check the server's saved state. */
export interface SavedStateProbe {
  /** Sends `savedQuery` with the local state vector now; returns it, or null if not connected. */
  query(): StateVector | null;
  /**
   * The server lacks content although every update was acknowledged: send what it lacks (relative
   * to its answer) once more. False if that cannot be sent (e.g. too large).
   */
  resend(server: StateVector): boolean;
  /** Stop syncing: changes here cannot reach the server. */
  stop(): void;
}

/** How long after the last local edit the saved-state query waits (typing keeps it quiet). */
export const SAVED_QUERY_DELAY_MS = 250;

interface Query {
  stateVector: StateVector;
  /** {@link SaveTracker.changeSeq} when it was sent. */
  changeSeq: number;
  socket: unknown;
}

/**
 * Derives what the status bar says from what the socket did, in two steps:
 * 1. the server acknowledges the n-th document update a socket sent with `saved n`, in order; while
 *    some are unacknowledged (or a local edit waits for one) the status says "Saving…";
 * 2. once the counts say everything is saved (debounced while typing, and after every (re)connect
 *    sync), the session asks the server for its clocks (`savedQuery`); only when they cover the
 *    local state vector, and nothing changed here since, does it say "All changes saved". A gap that
 *    does not close after sending what is missing once pauses syncing with `unsaved: 'notStored'`.
 */
export class SaveTracker {
  private socket: unknown = null;
  private sent = 0;
  private acked = 0;
  private pendingLocal = false;
  private everSynced = false;
  private connection: ConnectionState = 'connecting';
  private synced = false;
  private closeReason: string | null = null;
  private unsaved: UnsavedReason | null = null;
  /** Bumped by every change made in this browser (edits, and the copy loaded from IndexedDB). */
  private changeSeq = 0;
  /** The server's answer covered the local state vector and nothing changed here since. */
  private verified = false;
  /** The socket on which the last covering answer came (a new socket checks again). */
  private checkedSocket: unknown = null;
  private inFlight: Query | null = null;
  /** Answers showing a gap in a row; the second pauses syncing. */
  private gapStrikes = 0;
  private lastEditAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private probe: SavedStateProbe | null = null;
  private snapshot: SessionStatus = this.compute();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Connects the tracker to the session that sends queries for it. */
  attach(probe: SavedStateProbe): void {
    this.probe = probe;
    this.changed();
  }

  opened(socket: WebSocket): void {
    this.socket = socket;
    this.sent = 0;
    this.acked = 0;
    this.inFlight = null;
  }

  sentDocUpdate(socket: WebSocket): void {
    if (socket !== this.socket) return;
    this.sent++;
    this.changed();
  }

  /** The server's `saved n` for the current socket. */
  acknowledged(count: number): void {
    this.acked = Math.max(this.acked, count);
    this.changed();
  }

  /** The server's `savedState` answer to the query in flight: its clocks for the queried ids. */
  savedState(server: StateVector): void {
    const query = this.inFlight;
    if (!query || query.socket !== this.socket) return;
    this.inFlight = null;
    if (coversStateVector(server, query.stateVector)) {
      this.gapStrikes = 0;
      this.checkedSocket = query.socket;
      if (query.changeSeq === this.changeSeq) this.verified = true;
    } else {
      this.verified = false;
      this.gapStrikes++;
      if (this.gapStrikes > 1 || !this.probe?.resend(server)) {
        this.pause('notStored');
        return;
      }
    }
    this.changed();
  }

  /** This browser changed the document (typing, chips, ranges...). */
  localEdit(): void {
    this.pendingLocal = true;
    this.lastEditAt = this.now();
    this.documentChanged();
  }

  /** The copy kept in this browser added content (loaded from IndexedDB): not confirmed yet. */
  localCopyChanged(): void {
    this.documentChanged();
  }

  connectionStatus(status: 'connecting' | 'connected' | 'disconnected'): void {
    if (this.connection === 'offline' || this.connection === 'closed' || this.connection === 'paused') {
      if (status !== 'connected' || this.connection === 'paused') return;
    }
    if (status === 'connected') this.connection = 'connected';
    else this.connection = this.everSynced || status === 'disconnected' ? 'reconnecting' : 'connecting';
    if (status !== 'connected') this.synced = false;
    this.changed();
  }

  syncedChanged(synced: boolean): void {
    this.synced = synced;
    if (synced) this.everSynced = true;
    this.changed();
  }

  offline(): void {
    if (this.connection === 'paused') return;
    this.connection = 'offline';
    this.synced = false;
    this.changed();
  }

  online(): void {
    if (this.connection === 'offline') this.connection = 'reconnecting';
    this.changed();
  }

  closedForGood(reason: string): void {
    this.connection = 'closed';
    this.synced = false;
    this.closeReason = reason;
    this.changed();
  }

  /** Changes here cannot reach the server: stop syncing and say why. */
  pause(reason: UnsavedReason): void {
    if (this.unsaved) return;
    this.unsaved = reason;
    this.connection = 'paused';
    this.synced = false;
    this.verified = false;
    this.inFlight = null;
    this.cancelTimer();
    this.probe?.stop();
    this.changed();
  }

  /** Whether syncing is paused because of {@link SessionStatus.unsaved}. */
  get paused(): boolean {
    return this.unsaved !== null;
  }

  /** The person asked to try again: the session reconnects and everything is checked afresh. */
  retry(): void {
    if (!this.unsaved) return;
    this.unsaved = null;
    this.gapStrikes = 0;
    this.connection = 'connecting';
    this.changed();
  }

  destroy(): void {
    this.cancelTimer();
    this.probe = null;
    this.listeners.clear();
  }

  get status(): SessionStatus {
    return this.snapshot;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private documentChanged(): void {
    this.changeSeq++;
    this.verified = false;
    // Typing keeps pushing the query back; it goes once the person pauses.
    this.cancelTimer();
    this.changed();
  }

  private changed(): void {
    if (this.pendingLocal && this.countsCaughtUp()) this.pendingLocal = false;
    this.scheduleQuery();
    const next = this.compute();
    const prev = this.snapshot;
    if (
      next.connection === prev.connection &&
      next.save === prev.save &&
      next.synced === prev.synced &&
      next.closeReason === prev.closeReason &&
      next.unsaved === prev.unsaved
    ) {
      return;
    }
    this.snapshot = next;
    this.listeners.forEach((l) => l());
  }

  /** Every update sent on this socket is acknowledged (the cheap, count-based half). */
  private countsCaughtUp(): boolean {
    return this.connection === 'connected' && this.synced && this.sent > 0 && this.acked >= this.sent;
  }

  private needsQuery(): boolean {
    return (
      this.probe !== null &&
      this.unsaved === null &&
      this.inFlight === null &&
      !this.pendingLocal &&
      this.countsCaughtUp() &&
      !(this.verified && this.checkedSocket === this.socket)
    );
  }

  private scheduleQuery(): void {
    if (this.timer !== null || !this.needsQuery()) return;
    const wait = Math.max(0, this.lastEditAt + SAVED_QUERY_DELAY_MS - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.needsQuery()) return;
      const stateVector = this.probe?.query() ?? null;
      if (stateVector) {
        this.inFlight = { stateVector, changeSeq: this.changeSeq, socket: this.socket };
      }
    }, wait);
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }

  private compute(): SessionStatus {
    let save: SaveState;
    if (this.unsaved) {
      save = 'unsaved';
    } else if (this.connection === 'connected' && this.synced) {
      save = this.pendingLocal || this.acked < this.sent || !this.verified ? 'saving' : 'saved';
    } else if (this.pendingLocal) {
      save = 'local';
    } else {
      save = this.verified ? 'saved' : 'idle';
    }
    return {
      connection: this.connection,
      save,
      synced: this.synced,
      closeReason: this.closeReason,
      unsaved: this.unsaved,
    };
  }
}
