import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { canonicalJson, MessageType, type ServerEvent } from '@bullseye/shared';
import type { ServerProcess } from './serverProcess.js';
import { waitFor } from './waitFor.js';

/** A stock y-websocket client, as a browser tab would run it, with its own Y.Doc. */
export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  /** Canonical JSON of this client's document, for convergence checks. */
  canonical(): string;
  /**
   * Bullseye events (message type 101) received so far, in order; only clients opened with
   * `params: { acks: '1' }` get any. Stock providers ignore these messages; this one records them.
   */
  events: ServerEvent[];
  /** The latest `saved` count the server sent (acks=1 only): this client's committed updates. */
  readonly saved: number;
  /** Disconnects for good (no reconnect) and frees the document. Safe to call twice. */
  destroy(): void;
}

export interface ConnectOptions {
  /** Extra query parameters, e.g. `{ schema: '999' }`. */
  params?: Record<string, string>;
  /** Wait for the initial sync (default true). */
  waitForSync?: boolean;
  /** The API token to connect with; the provisioned owner's by default. */
  token?: string;
  /** Upgrade request headers instead of the token, e.g. `{ cookie }` for a browser session. */
  headers?: Record<string, string>;
  /**
   * A document state the client has before it connects, like a tab reopening with what
   * y-indexeddb kept; it sends whatever the server lacks of it during the sync.
   */
  initialState?: Uint8Array;
}

/** The `ws` WebSocket with fixed upgrade headers, in the shape y-websocket constructs. */
function authorizedWebSocket(headers: Record<string, string>): typeof globalThis.WebSocket {
  class AuthorizedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return AuthorizedWebSocket as unknown as typeof globalThis.WebSocket;
}

/**
 * Opens the stock `WebsocketProvider` on `/collab/<icpId>`, with BroadcastChannel off so clients
 * in this process can only meet through the server.
 */
export async function connectClient(
  server: ServerProcess,
  icpId: string,
  options: ConnectOptions = {},
): Promise<CollabClient> {
  const doc = new Y.Doc();
  if (options.initialState) Y.applyUpdate(doc, options.initialState);
  const token = options.token ?? server.admin?.token;
  const headers = options.headers ?? (token ? { authorization: `Bearer ${token}` } : {});
  const provider = new WebsocketProvider(`${server.wsUrl}/collab`, icpId, doc, {
    WebSocketPolyfill: authorizedWebSocket(headers),
    disableBc: true,
    params: options.params ?? {},
    maxBackoffTime: 500,
  });
  const events: ServerEvent[] = [];
  // The provider dispatches by message type; teach it Bullseye's two, as the Bullseye client does.
  let saved = 0;
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    saved = decoding.readVarUint(decoder);
  };
  provider.messageHandlers[MessageType.event] = (_encoder, decoder) => {
    events.push(JSON.parse(decoding.readVarString(decoder)) as ServerEvent);
  };
  let destroyed = false;
  const client: CollabClient = {
    doc,
    provider,
    awareness: provider.awareness,
    canonical: () => canonicalJson(doc),
    events,
    get saved() {
      return saved;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
  };
  if (options.waitForSync ?? true) {
    try {
      await waitForSync(provider);
    } catch (error) {
      client.destroy();
      throw error;
    }
  }
  return client;
}

/** Resolves once the provider has completed its initial sync with the server. */
export function waitForSync(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('sync', onSync);
      reject(new Error(`provider for ${provider.roomname} did not sync within ${timeoutMs} ms`));
    }, timeoutMs);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/**
 * Records the close code with which the server stops a stock client (the provider stops for good
 * on 44xx codes and emits `closed`); the returned function reads it, undefined until then.
 */
export function watchClose(client: CollabClient): () => number | undefined {
  let code: number | undefined;
  client.provider.once('closed', (event: { code: number }) => (code = event.code));
  return () => code;
}

/** Waits until every client's canonical document equals the first one's, and returns it. */
export async function waitForConvergence(
  clients: readonly CollabClient[],
  timeoutMs?: number,
): Promise<string> {
  return waitFor(
    () => {
      const [first, ...rest] = clients.map((c) => c.canonical());
      for (const other of rest) {
        if (other !== first) throw new Error(`clients have not converged:\n${first}\n${other}`);
      }
      return first!;
    },
    { timeoutMs },
  );
}

/**
 * Creates and tracks clients so a test can let them all go in `afterEach`, whatever happened.
 */
export class ClientPool {
  private readonly clients = new Set<{ destroy(): void }>();

  async connect(server: ServerProcess, icpId: string, options?: ConnectOptions): Promise<CollabClient> {
    const client = await connectClient(server, icpId, options);
    this.clients.add(client);
    return client;
  }

  /** Tracks anything else with a `destroy()` (raw sockets, timers). */
  track<T extends { destroy(): void }>(resource: T): T {
    this.clients.add(resource);
    return resource;
  }

  destroyAll(): void {
    for (const client of this.clients) client.destroy();
    this.clients.clear();
  }
}
