import net from 'node:net';

/**
 * A loopback TCP proxy the test owns, in front of a real server (PostgreSQL): `cut()` drops every
 * connection through it and refuses new ones, as a database restart or failover does, without
 * touching the database itself; `restore()` accepts connections again on the same port.
 */
export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private stalled = false;
  /** Bytes clients sent since `stall()`: queries that went out and will get no answer. */
  sentWhileStalled = 0;
  private server: net.Server | undefined;
  port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort);
    await proxy.listen(0);
    return proxy;
  }

  /** Connections currently open through the proxy (both sides). */
  get openSockets(): number {
    return this.sockets.size;
  }

  /** Drops every open connection and refuses new ones (ECONNREFUSED) until `restore()`. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  /**
   * Keeps connections open but stops delivering the database's answers: queries sent now are in
   * flight (the database may even run them) when a later `cut()` drops the connections.
   */
  stall(): void {
    this.stalled = true;
    this.sentWhileStalled = 0;
    for (const { client, upstream } of this.pairs) upstream.unpipe(client);
  }

  /** Accepts connections again, on the same port, and delivers answers again. */
  async restore(): Promise<void> {
    this.stalled = false;
    if (!this.server) await this.listen(this.port);
  }

  async close(): Promise<void> {
    await this.cut();
  }

  private listen(port: number): Promise<void> {
    const server = net.createServer((client) => this.forward(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        if (typeof address === 'object' && address) this.port = address.port;
        resolve();
      });
    });
  }

  private forward(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    const pair = { client, upstream };
    this.pairs.add(pair);
    client.on('data', (chunk: Buffer) => {
      if (this.stalled) this.sentWhileStalled += chunk.length;
    });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => {
        this.sockets.delete(socket);
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    if (!this.stalled) upstream.pipe(client);
  }
}
