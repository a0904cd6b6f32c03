import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import {
  CloseCode,
  CollabParam,
  COLLAB_PATH,
  describeCloseCode,
  MessageType,
  SCHEMA_VERSION,
  SyncMessageType,
  type AwarenessState,
  type ServerEvent,
} from '@bullseye/shared';
import { countingWebSocket } from './countingWebSocket.js';
import { keepTextInEmptyBlocks } from './keepTextInEmptyBlocks.js';
import { SaveTracker, type StateVector, type UnsavedReason } from './saveTracker.js';

export type PresenceUser = AwarenessState['user'];

/**
 * What the server said about this person's access, for the page to act on:
 * - `signedOut`: the session behind the socket ended (4401); sign in again;
 * - `changed`: their role changed or they were removed (4403); the socket waits for {@link
 *   IcpSession.reconnect} so the page can first ask the HTTP API what access remains;
 * - `refused`: a connection attempt failed before opening (the server refuses upgrades it will not
 *   serve with a plain HTTP status the browser cannot read); worth asking the HTTP API why.
 */
export type AccessSignal = 'signedOut' | 'changed' | 'refused';

/**
 * Everything one open ICP needs in the browser, owned in one place: the Y.Doc, its IndexedDB copy
 * (so edits survive reloads and offline spells), the y-websocket connection to the server, the
 * presence of this person, and the save/connection status derived from the server's acks.
 */
export class IcpSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  readonly tracker = new SaveTracker();
  /** Resolves once the copy kept in this browser (if any) is loaded into the document. */
  readonly localCopyLoaded: Promise<void>;
  private readonly eventListeners = new Set<(event: ServerEvent) => void>();
  private readonly accessListeners = new Set<(signal: AccessSignal) => void>();
  private destroyed = false;

  constructor(
    readonly icpId: string,
    user: PresenceUser,
  ) {
    this.persistence = new IndexeddbPersistence(`bullseye-icp-${icpId}`, this.doc);
    this.localCopyLoaded = this.persistence.whenSynced.then(
      () => undefined,
      () => undefined,
    );
    this.provider = new WebsocketProvider(collabUrl(), icpId, this.doc, {
      connect: false,
      params: { [CollabParam.acks]: '1', [CollabParam.schema]: String(SCHEMA_VERSION) },
      WebSocketPolyfill: countingWebSocket({
        opened: (socket) => this.tracker.opened(socket),
        sentDocUpdate: (socket) => this.tracker.sentDocUpdate(socket),
        // Not from inside the provider's send: pause once it has finished its turn.
        oversized: () => queueMicrotask(() => this.tracker.pause('changeTooLarge')),
      }),
      maxBackoffTime: 4000,
      // Tabs meet through the server (and share IndexedDB), never directly: an update one tab got
      // from another could build on changes the server has not stored yet, and be refused.
      disableBc: true,
      // A change the server refused for its size would be sent again on every reconnect (the loop
      // of issue 9): stop, and let the person decide (see SessionStatus.unsaved).
      shouldReconnect: (event) =>
        !(event.code >= 4400 && event.code < 4500) && event.code !== CloseCode.messageTooBig,
    });
    this.tracker.attach({
      query: () => this.sendSavedQuery(),
      resend: (server) => this.resendMissing(server),
      stop: () => this.provider.disconnect(),
    });
    this.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
      this.tracker.acknowledged(decoding.readVarUint(decoder));
    };
    this.provider.messageHandlers[MessageType.savedState] = (_encoder, decoder) => {
      this.tracker.savedState(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    };
    this.provider.messageHandlers[MessageType.event] = (_encoder, decoder) => {
      this.dispatch(decoding.readVarString(decoder));
    };
    this.provider.on('status', ({ status }) => this.tracker.connectionStatus(status));
    this.provider.on('sync', (synced: boolean) => this.tracker.syncedChanged(synced));
    this.provider.on('connection-close', (event) => {
      // Emitted before the provider resets its state: `wsconnected` still says whether it opened.
      if (event && !this.provider.wsconnected && navigator.onLine) this.signal('refused');
    });
    this.provider.on('closed', ({ code }) => this.onClosed(code));
    this.doc.on('update', this.onUpdate);
    // Lives as long as the document (destroying the doc drops its listeners).
    keepTextInEmptyBlocks(this.doc);
    this.awareness.setLocalState({ user, section: null } satisfies AwarenessState);

    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    if (navigator.onLine) this.provider.connect();
    else this.tracker.offline();
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  /** Tells the others which section this person is working in (null: none). */
  setSection(section: string | null): void {
    if (this.awareness.getLocalState()?.section === section) return;
    this.awareness.setLocalStateField('section', section);
  }

  setUser(user: PresenceUser): void {
    const current = (this.awareness.getLocalState() as Partial<AwarenessState> | null)?.user;
    if (current?.name === user.name && current.color === user.color) return;
    this.awareness.setLocalStateField('user', user);
  }

  /** Resumes the connection after an `accessChanged` close, once the page knows access remains. */
  reconnect(): void {
    if (this.destroyed || this.tracker.paused) return;
    this.provider.connect();
  }

  /** After syncing paused with changes the server does not have: try sending them again. */
  retry(): void {
    if (this.destroyed) return;
    this.tracker.retry();
    this.provider.connect();
  }

  /**
   * Forgets the copy of this ICP kept in this browser (IndexedDB), changes the server does not have
   * included. The session is unusable afterwards: reload the page to open what the server has.
   */
  async discardLocalCopy(): Promise<void> {
    if (!this.disconnect()) return;
    await this.persistence.clearData();
    this.doc.destroy();
  }

  /** The server's word on this person's access; returns the unsubscribe function. */
  onAccess(listener: (signal: AccessSignal) => void): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  /** Server events for this ICP (renamed, archived...); returns the unsubscribe function. */
  onEvent(listener: (event: ServerEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  destroy(): void {
    if (!this.disconnect()) return;
    void this.persistence.destroy();
    this.doc.destroy();
  }

  /**
   * Ends the session's connection, listeners and status, once: answers false if it already
   * ended. What happens to the local copy is the caller's (kept, or discarded).
   */
  private disconnect(): boolean {
    if (this.destroyed) return false;
    this.destroyed = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.doc.off('update', this.onUpdate);
    this.tracker.destroy();
    this.provider.destroy();
    return true;
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.persistence) this.tracker.localCopyChanged();
    else if (origin !== this.provider) this.tracker.localEdit();
  };

  /** `savedQuery` with the local state vector, on the open socket; returns what was asked. */
  private sendSavedQuery(): StateVector | null {
    const ws = this.provider.ws;
    if (!ws || !this.provider.wsconnected || ws.readyState !== WebSocket.OPEN) return null;
    const stateVector = Y.encodeStateVector(this.doc);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.savedQuery);
    encoding.writeVarUint8Array(e, stateVector);
    ws.send(encoding.toUint8Array(e));
    return Y.decodeStateVector(stateVector);
  }

  /** Sends what the server's answer shows it lacks, as one update (held back if too large). */
  private resendMissing(server: StateVector): boolean {
    const ws = this.provider.ws;
    if (!ws || !this.provider.wsconnected || ws.readyState !== WebSocket.OPEN) return false;
    const missing = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(server as Map<number, number>));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncMessageType.update);
    encoding.writeVarUint8Array(e, missing);
    ws.send(encoding.toUint8Array(e));
    return true;
  }

  private readonly onOffline = () => {
    this.provider.disconnect();
    this.tracker.offline();
  };

  private readonly onOnline = () => {
    this.tracker.online();
    if (!this.tracker.paused) this.provider.connect();
  };

  private onClosed(code: number): void {
    // The server refused content this browser holds: reconnecting or reloading would send it again.
    const unsaved = UNSAVED_CLOSES.get(code);
    if (unsaved) {
      this.tracker.pause(unsaved);
      return;
    }
    if (code === CloseCode.accessChanged) {
      // Not closed for good: the page checks what access remains, then calls reconnect().
      this.tracker.connectionStatus('disconnected');
      this.signal('changed');
      return;
    }
    this.tracker.closedForGood(closeMessage(code));
    if (code === CloseCode.unauthorized) this.signal('signedOut');
  }

  private signal(signal: AccessSignal): void {
    this.accessListeners.forEach((l) => l(signal));
  }

  private dispatch(json: string): void {
    let event: ServerEvent;
    try {
      event = JSON.parse(json) as ServerEvent;
    } catch {
      return;
    }
    this.eventListeners.forEach((l) => l(event));
  }
}

/** Close codes that mean the server refused a change of this browser's, and why. */
const UNSAVED_CLOSES = new Map<number, UnsavedReason>([
  [CloseCode.messageTooBig, 'changeTooLarge'],
  [CloseCode.documentTooLarge, 'icpTooLarge'],
  [CloseCode.malformedMessage, 'refused'],
]);

function collabUrl(): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${COLLAB_PATH.replace(/\/$/, '')}`;
}

function closeMessage(code: number): string {
  if (code === CloseCode.schemaMismatch) {
    return 'Bullseye has been updated. Reload the page to keep editing.';
  }
  if (code === CloseCode.unauthorized) {
    return 'Your session has ended. Sign in again to keep working; your changes are kept in this browser.';
  }
  return `${describeCloseCode(code)}. Reload the page to reconnect.`;
}
