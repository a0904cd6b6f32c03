import type { WebSocket } from 'ws';
import type { CollabPart } from './collabPart.js';
import type { Connection } from './connection.js';

/** Sockets pinged per turn of the event loop (each ping is a write of its own, ~30 µs). */
const PINGS_PER_TURN = 250;

/**
 * Pings every socket each `intervalMs`; one that has not answered the previous ping by the next
 * round is cut off (a laptop closed mid-edit, a dead NAT mapping), so its presence goes too. A
 * round yields to the event loop every PINGS_PER_TURN sockets: with 10,000 sockets one
 * uninterrupted round would hold every request and relay for ~300 ms.
 */
export class Heartbeats implements CollabPart {
  private readonly sockets = new Set<Connection>();
  private readonly timer: NodeJS.Timeout;
  private checking = false;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  connected(connection: Connection): void {
    const ws: WebSocket = connection.ws;
    ws.on('pong', () => (connection.alive = true));
    this.sockets.add(connection);
  }

  disconnected(connection: Connection): void {
    this.sockets.delete(connection);
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    return Promise.resolve();
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      let done = 0;
      for (const connection of [...this.sockets]) {
        if (!this.sockets.has(connection)) continue; // closed while this round yielded
        if (!connection.alive) connection.ws.terminate();
        else {
          connection.alive = false;
          connection.ws.ping();
        }
        if (++done % PINGS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.checking = false;
    }
  }
}
