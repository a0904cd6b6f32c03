import type { SocketObserver } from './countingWebSocket.js';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

/**
 * - `saved`: the server has durably stored every local edit;
 * - `saving`: edits are on their way, or the server has not yet confirmed them;
 * - `local`: edits made without a connection, kept in this browser until it reconnects;
 * - `idle`: not connected yet and nothing typed here, so nothing to report.
 */
export type SaveState = 'saved' | 'saving' | 'local' | 'idle';

export interface SessionStatus {
  readonly connection: ConnectionState;
  readonly save: SaveState;
  /** The document has caught up with the server at least once on the current connection. */
  readonly synced: boolean;
  /** Why the server ended the session for good (e.g. an outdated client), if it did. */
  readonly closeReason: string | null;
}

/**
 * Derives what the status bar says from what the socket did. The server acknowledges the n-th
 * document update a socket sent with `saved n`, in order; so "All changes saved" is shown only when
 * every update sent on the current socket is acknowledged and no local edit is waiting for one.
 */
export class SaveTracker implements SocketObserver {
  private socket: unknown = null;
  private sent = 0;
  private acked = 0;
  private pendingLocal = false;
  private everSynced = false;
  private connection: ConnectionState = 'connecting';
  private synced = false;
  private closeReason: string | null = null;
  private snapshot: SessionStatus = this.compute();
  private readonly listeners = new Set<() => void>();

  opened(socket: WebSocket): void {
    this.socket = socket;
    this.sent = 0;
    this.acked = 0;
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

  /** This browser changed the document (typing, chips, ranges...). */
  localEdit(): void {
    this.pendingLocal = true;
    this.changed();
  }

  connectionStatus(status: 'connecting' | 'connected' | 'disconnected'): void {
    if (this.connection === 'offline' || this.connection === 'closed') {
      if (status !== 'connected') return;
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

  get status(): SessionStatus {
    return this.snapshot;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    if (this.pendingLocal && this.isCaughtUp()) this.pendingLocal = false;
    const next = this.compute();
    const prev = this.snapshot;
    if (
      next.connection === prev.connection &&
      next.save === prev.save &&
      next.synced === prev.synced &&
      next.closeReason === prev.closeReason
    ) {
      return;
    }
    this.snapshot = next;
    this.listeners.forEach((l) => l());
  }

  private isCaughtUp(): boolean {
    return this.connection === 'connected' && this.synced && this.sent > 0 && this.acked >= this.sent;
  }

  private compute(): SessionStatus {
    let save: SaveState;
    if (this.connection === 'connected' && this.synced) {
      save = this.pendingLocal || this.acked < this.sent ? 'saving' : 'saved';
    } else if (this.pendingLocal) {
      save = 'local';
    } else {
      save = this.everSynced ? 'saved' : 'idle';
    }
    return {
      connection: this.connection,
      save,
      synced: this.synced,
      closeReason: this.closeReason,
    };
  }
}
