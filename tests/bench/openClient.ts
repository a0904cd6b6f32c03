import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import type { BenchTarget } from './benchServer.js';

/** A stock y-websocket client, as one browser tab runs it, with its own Y.Doc. */
export interface BenchClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** `performance.now()` just before the provider was constructed (the load-time start). */
  readonly openedAt: number;
  /** Resolves with `performance.now()` at the provider's first `sync` event with synced = true. */
  readonly synced: Promise<number>;
  /** Disconnects for good and frees the document (and with it the awareness timer). Idempotent. */
  destroy(): void;
}

/**
 * The only place the bench opens a collaboration connection, so credentials live here alone: the
 * API token of the owner the test harness provisioned, as `Authorization: Bearer` (Bullseye; the
 * stock server gets the same client without it). BroadcastChannel is off: clients in this process
 * must meet through the server, or the relay would be measured in-process.
 */
export function openClient(server: BenchTarget, room: string): BenchClient {
  const token = server.token;
  if (!token && server.kind === 'bullseye')
    throw new Error('the bench server was started without a provisioned owner (no API token)');
  const doc = new Y.Doc();
  const openedAt = performance.now();
  const provider = new WebsocketProvider(server.collabUrl, room, doc, {
    WebSocketPolyfill: token
      ? authorizedWebSocket(token)
      : (WebSocket as unknown as typeof globalThis.WebSocket),
    disableBc: true,
    maxBackoffTime: 500,
  });
  const synced = new Promise<number>((resolve) => {
    const onSync = (isSynced: boolean): void => {
      if (!isSynced) return;
      // Taken in the handler, not after `await`, so promise scheduling is not part of the time.
      const at = performance.now();
      provider.off('sync', onSync);
      resolve(at);
    };
    provider.on('sync', onSync);
  });
  let destroyed = false;
  return {
    doc,
    provider,
    openedAt,
    synced,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
  };
}

/** `ws` with an Authorization header, in the constructor shape y-websocket calls. */
function authorizedWebSocket(token: string): typeof globalThis.WebSocket {
  class AuthorizedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { authorization: `Bearer ${token}` } });
    }
  }
  return AuthorizedWebSocket as unknown as typeof globalThis.WebSocket;
}
