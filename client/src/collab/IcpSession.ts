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
    this.provider.on('closed', ({ code }) => this.tracker.closedForGood(closeMessage(code)));
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
    this.awareness.setLocalStateField('user', user);
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
  return `${describeCloseCode(code)}. Reload the page to reconnect.`;
}
