import net from 'node:net';

export interface Backend {
  name: string;
  port: number;
  /** Set by the health checks: only ready backends get new connections. */
  ready: boolean;
}

/**
 * A small TCP load balancer for running several instances on one machine (`npm run
 * start:cluster`): each new connection (an HTTP keep-alive connection or a collaboration
 * socket) goes to the next ready instance, round robin, with no stickiness, which is exactly
 * what Bullseye must cope with behind any real balancer. Readiness is each instance's `/readyz`,
 * polled every `checkEveryMs`; a draining or dead instance gets nothing new. Not for production:
 * use nginx, HAProxy or your platform's balancer there (README "Several instances").
 */
export class LocalBalancer {
  private readonly server: net.Server;
  private next = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly backends: Backend[],
    checkEveryMs = 1_000,
  ) {
    this.server = net.createServer((client) => this.forward(client));
    this.timer = setInterval(() => void this.checkAll(), checkEveryMs);
    this.timer.unref();
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Polls every backend's /readyz now. */
  async checkAll(): Promise<void> {
    await Promise.all(
      this.backends.map(async (backend) => {
        try {
          const response = await fetch(`http://127.0.0.1:${backend.port}/readyz`, {
            signal: AbortSignal.timeout(2_000),
          });
          backend.ready = response.ok;
        } catch {
          backend.ready = false;
        }
      }),
    );
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private pick(): Backend | undefined {
    const ready = this.backends.filter((b) => b.ready);
    if (ready.length === 0) return undefined;
    return ready[this.next++ % ready.length];
  }

  private forward(client: net.Socket): void {
    const backend = this.pick();
    if (!backend) {
      client.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(backend.port, '127.0.0.1');
    const fail = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', fail);
    upstream.on('error', () => {
      // Refused: the instance went away since the last check. The client retries (browsers do).
      backend.ready = false;
      fail();
    });
    client.on('close', fail);
    upstream.on('close', fail);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
