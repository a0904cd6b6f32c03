import { randomBytes } from 'node:crypto';
import type { CollabClient } from './collabClient.js';
import { createTempDatabase, type TempDatabase } from './postgres.js';
import { ServerProcess } from './serverProcess.js';
import { TcpProxy } from './tcpProxy.js';

/** The Redis every machine runs (CI included); override with TEST_REDIS_URL. Never flushed. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Several real Bullseye instances on one fresh PostgreSQL database, linked through the machine's
 * Redis under a key prefix of their own, with a loopback proxy in front of Redis that the test
 * can cut (the shared Redis itself is never stopped or flushed).
 */
export class TestCluster {
  readonly instances: ServerProcess[] = [];
  readonly prefix = `bullseye-test-${randomBytes(6).toString('hex')}:`;

  private constructor(
    private readonly database: TempDatabase,
    /** Redis as the instances reach it: `cut()` it to make Redis unreachable, `restore()` after. */
    readonly redis: TcpProxy,
  ) {}

  static async start(count: number, env: Record<string, string> = {}): Promise<TestCluster> {
    const redisUrl = new URL(REDIS_URL);
    const proxy = await TcpProxy.start(redisUrl.hostname, Number(redisUrl.port || 6379));
    const cluster = new TestCluster(await createTempDatabase(), proxy);
    for (let i = 0; i < count; i++) {
      const instance = new ServerProcess({
        databaseUrl: cluster.database.url,
        provision: i === 0,
        env: {
          REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
          REDIS_PREFIX: cluster.prefix,
          ...env,
        },
      });
      // One at a time: the first runs the migrations and the first-run setup.
      await instance.start();
      instance.admin ??= cluster.instances[0]?.admin;
      cluster.instances.push(instance);
    }
    return cluster;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.instances.map((instance) => instance.dispose()));
    await this.redis.close();
    await this.database.drop();
  }
}

/** Points a stock client at another instance, as a load balancer would after its instance went away. */
export function moveClient(client: CollabClient, to: ServerProcess): void {
  client.provider.serverUrl = `${to.wsUrl}/collab`;
}
