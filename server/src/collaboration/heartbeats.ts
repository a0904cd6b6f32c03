import type { WebSocket } from 'ws';
import type { CollabPart } from './collabPart.js';
import type { Connection } from './connection.js';

/**
 * Pings every socket each `intervalMs`; one that has not answered the previous ping by the next
 * round is cut off (a laptop closed mid-edit, a dead NAT mapping), so its presence goes too.
 */
export class Heartbeats implements CollabPart {
  private readonly sockets = new Set<Connection>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.check(), intervalMs);
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

  private check(): void {
    for (const connection of this.sockets) {
      if (!connection.alive) {
        connection.ws.terminate();
        continue;
      }
      connection.alive = false;
      connection.ws.ping();
    }
  }
}
