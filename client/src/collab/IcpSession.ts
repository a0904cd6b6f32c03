import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
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
  type AwarenessState,
  type ServerEvent,
} from '@bullseye/shared';
import { countingWebSocket } from './countingWebSocket.js';
import { SaveTracker } from './saveTracker.js';

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
      WebSocketPolyfill: countingWebSocket(this.tracker),
      maxBackoffTime: 4000,
    });
    this.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
      this.tracker.acknowledged(decoding.readVarUint(decoder));
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
    if (this.destroyed) return;
    this.provider.connect();
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
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.doc.off('update', this.onUpdate);
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== this.provider && origin !== this.persistence) this.tracker.localEdit();
  };

  private readonly onOffline = () => {
    this.provider.disconnect();
    this.tracker.offline();
  };

  private readonly onOnline = () => {
    this.tracker.online();
    this.provider.connect();
  };

  private onClosed(code: number): void {
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
