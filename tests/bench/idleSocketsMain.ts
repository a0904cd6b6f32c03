import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@bullseye/shared';
import type { FromIdleProcess, ToIdleProcess } from './idleSockets.js';

/**
 * A process of idle collaboration sockets (forked by `idleSockets.ts`, so that thousands of sockets
 * neither share the bench's event loop nor its file-descriptor count). Each socket speaks the stock
 * y-websocket sync protocol with y-protocols' own functions and its own Y.Doc, as a
 * `WebsocketProvider` does: its sync step 1 on opening, the answer to the server's step 1, and the
 * server's step 2 applied (synced); then nothing: no presence, no edits. `ws` answers the server's
 * heartbeat pings by itself.
 */
const sockets: WebSocket[] = [];

function send(message: FromIdleProcess): void {
  process.send?.(message);
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Opens one socket; resolves with the milliseconds from `new WebSocket` to the server's step 2. */
function openSynced(url: string, token: string, timeoutMs: number): Promise<number> {
  const startedAt = performance.now();
  const doc = new Y.Doc();
  const ws = new WebSocket(url, {
    headers: { authorization: `Bearer ${token}` },
    handshakeTimeout: timeoutMs,
  });
  sockets.push(ws);
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      ws.terminate();
      reject(error);
    };
    ws.on('open', () => ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, doc))));
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MessageType.sync) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      const kind = syncProtocol.readSyncMessage(decoder, encoder, doc, null);
      if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
      if (kind === syncProtocol.messageYjsSyncStep2) {
        clearTimeout(timer);
        resolve(performance.now() - startedAt);
      }
    });
    ws.on('unexpected-response', (_req, res) =>
      fail(new Error(`upgrade refused with HTTP ${res.statusCode}`)),
    );
    ws.on('error', (error) => fail(error));
    ws.on('close', (code) => fail(new Error(`closed (${code}) before syncing`)));
  });
}

/** Opens every URL, `concurrency` at a time, each batch awaited; failures are counted, not fatal. */
async function openAll(message: Extract<ToIdleProcess, { type: 'open' }>): Promise<void> {
  const syncMs: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  for (let i = 0; i < message.urls.length; i += message.concurrency) {
    const batch = message.urls
      .slice(i, i + message.concurrency)
      .map((url) => openSynced(url, message.token, message.timeoutMs));
    for (const outcome of await Promise.allSettled(batch)) {
      if (outcome.status === 'fulfilled') syncMs.push(outcome.value);
      else {
        failed++;
        firstError ??= outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      }
    }
  }
  send({ type: 'opened', syncMs, failed, ...(firstError ? { firstError } : {}) });
}

function closeAll(): void {
  for (const ws of sockets) ws.terminate();
  process.exit(0);
}

process.on('message', (message: ToIdleProcess) => {
  if (message.type === 'open') void openAll(message);
  else if (message.type === 'count')
    send({ type: 'count', open: sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length });
  else closeAll();
});
// The bench went away (finished, aborted, killed): so do the sockets.
process.on('disconnect', closeAll);
send({ type: 'ready' });
