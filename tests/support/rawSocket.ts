import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { COLLAB_PATH, MessageType, SyncMessageType, type ServerEvent } from '@bullseye/shared';
import type { ServerProcess } from './serverProcess.js';
import { waitFor } from './waitFor.js';

/** `ws://…/collab/<icpId>?…` for a raw client. */
export function collabUrl(server: ServerProcess, icpId: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${server.wsUrl}${COLLAB_PATH}${encodeURIComponent(icpId)}${query ? `?${query}` : ''}`;
}

/** A sync "update" message carrying `update`, as a stock provider sends for each local change. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** A sync step 1 message (asks the server for what `stateVector` lacks). */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncMessageType.step1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

/** An awareness message carrying an encoded awareness update. */
export function awarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessUpdate);
  return encoding.toUint8Array(e);
}

export interface CloseInfo {
  code: number;
  reason: string;
}

/** What a refused upgrade answered: the HTTP status and its parsed JSON body, if any. */
export interface UpgradeRefused {
  status: number;
  body: unknown;
}

/**
 * A bare `ws` client on the collaboration endpoint that records what the server sends: sync
 * messages, `saved` counts and events (with `acks=1`). Used to speak the protocol badly on purpose
 * and to read the Bullseye-only messages stock providers ignore.
 */
export class RawCollabSocket {
  /** Every binary message received, in order. */
  readonly received: Uint8Array[] = [];
  readonly events: ServerEvent[] = [];
  /** The latest `saved` count (0 before the first). */
  saved = 0;
  /** Resolves when the socket has closed, with the code the server sent. */
  readonly closed: Promise<CloseInfo>;
  private closeInfo: CloseInfo | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('error', () => {}); // surfaces as 'close'
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) this.record(new Uint8Array(data));
    });
    this.closed = new Promise((resolve) =>
      ws.once('close', (code: number, reason: Buffer) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
      }),
    );
  }

  /** Opens a socket and resolves once the server has accepted the upgrade. */
  static open(url: string, headers: Record<string, string> = {}): Promise<RawCollabSocket> {
    const ws = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RawCollabSocket(ws)));
      ws.once('unexpected-response', (req, res) => {
        req.destroy();
        reject(new Error(`upgrade refused with HTTP ${res.statusCode}`));
      });
      ws.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.closeInfo !== undefined;
  }

  /** The close the server sends, which must come within `timeoutMs`. */
  async closedWithin(timeoutMs = 2_000): Promise<CloseInfo> {
    await waitFor(
      () => {
        if (!this.isClosed) throw new Error(`the socket is still open after ${timeoutMs} ms`);
        return true;
      },
      { timeoutMs },
    );
    return this.closed;
  }

  send(data: Uint8Array | string): void {
    this.ws.send(data);
  }

  /** Waits until the server reports at least `count` of this socket's updates as durably saved. */
  async waitForSaved(count: number, timeoutMs?: number): Promise<void> {
    await waitFor(
      () => {
        if (this.saved >= count) return true;
        throw new Error(`saved count is ${this.saved}, waiting for ${count}`);
      },
      { timeoutMs },
    );
  }

  /**
   * The document this socket has been sent so far (sync step 2 and updates applied in order): what
   * a client on it would show. The caller destroys it.
   */
  seenDoc(): Y.Doc {
    const doc = new Y.Doc();
    for (const message of this.received) {
      const d = decoding.createDecoder(message);
      if (decoding.readVarUint(d) !== MessageType.sync) continue;
      const sub = decoding.readVarUint(d);
      if (sub === SyncMessageType.step2 || sub === SyncMessageType.update)
        Y.applyUpdate(doc, decoding.readVarUint8Array(d));
    }
    return doc;
  }

  /** Received messages of a given type (and sync sub-type). */
  messagesOfType(type: number, syncType?: number): Uint8Array[] {
    return this.received.filter((m) => m[0] === type && (syncType === undefined || m[1] === syncType));
  }

  /**
   * A barrier: asks the server for its state (sync step 1) and waits for the answer. Everything
   * the server sent this socket before handling the request has been received when it resolves.
   */
  async roundTrip(): Promise<void> {
    const answers = () => this.messagesOfType(MessageType.sync, SyncMessageType.step2).length;
    const before = answers();
    this.send(syncStep1Message(new Uint8Array([0])));
    await waitFor(() => answers() > before || this.isClosed);
    if (answers() === before) throw new Error(`socket closed (${this.closeInfo?.code}) before answering`);
  }

  destroy(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.terminate();
    }
  }

  private record(message: Uint8Array): void {
    this.received.push(message);
    const d = decoding.createDecoder(message);
    const type = decoding.readVarUint(d);
    if (type === MessageType.saved) this.saved = decoding.readVarUint(d);
    else if (type === MessageType.event)
      this.events.push(JSON.parse(decoding.readVarString(d)) as ServerEvent);
  }
}

/**
 * Attempts an upgrade that the server is expected to refuse, and resolves with the HTTP status it
 * answered (seen through ws's 'unexpected-response'). Rejects if the upgrade is accepted.
 */
export function expectUpgradeRefused(
  url: string,
  headers: Record<string, string> = {},
): Promise<UpgradeRefused> {
  const ws = new WebSocket(url, { headers });
  return new Promise((resolve, reject) => {
    ws.on('error', () => {}); // aborting the refused request below reports an error; expected
    ws.once('open', () => {
      ws.terminate();
      reject(new Error(`upgrade to ${url} was accepted, expected a refusal`));
    });
    ws.once('unexpected-response', (req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => {});
      res.on('close', () => {
        const text = Buffer.concat(chunks).toString();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON; keep the text
        }
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
  });
}
