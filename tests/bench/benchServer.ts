import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { createIcp } from '../support/api.js';
import { REDIS_URL } from '../support/cluster.js';
import { POSTGRES_ADMIN_URL } from '../support/postgres.js';
import { ServerProcess } from '../support/serverProcess.js';
import { registerCleanup } from './cleanup.js';
import { readServicesCpuMs } from './processStats.js';
import { withTimeout } from './timeouts.js';

/** Which collaboration server a measurement runs against: Bullseye, or the stock reference. */
export type ServerKind = 'bullseye' | 'stock';

export const SERVER_NAMES: Record<ServerKind, string> = {
  bullseye: 'Bullseye',
  stock: 'stock y-websocket',
};

/** A running collaboration server in its own process, as the bench clients see it. */
export interface BenchTarget {
  readonly kind: ServerKind;
  readonly pid: number;
  /** The URL a `WebsocketProvider` appends the room name to. */
  readonly collabUrl: string;
  /** `Authorization: Bearer` for Bullseye; the stock server checks nothing. */
  readonly token: string | undefined;
  /** Rooms to open: ICPs created through Bullseye's API, fresh names on the stock server. */
  createRooms(count: number, label: string): Promise<string[]>;
}

/** Bullseye, started by the integration tests' `ServerProcess` (the build, as production runs it). */
export class BullseyeTarget implements BenchTarget {
  readonly kind = 'bullseye';
  constructor(readonly server: ServerProcess) {}

  get pid(): number {
    return this.server.pid;
  }
  get collabUrl(): string {
    return `${this.server.wsUrl}/collab`;
  }
  get token(): string | undefined {
    return this.server.admin?.token;
  }

  /** Creates `count` ICPs through the API, a few requests at a time. */
  async createRooms(count: number, label: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 10) {
      const batch = Array.from({ length: Math.min(10, count - i) }, (_, j) =>
        createIcp(this.server, `Bench ${label} #${i + j + 1}`),
      );
      for (const icp of await withTimeout(Promise.all(batch), 30_000, 'creating ICPs')) ids.push(icp.id);
    }
    return ids;
  }
}

const stockMain = path.join(import.meta.dirname, 'stockServerMain.mjs');

/** The stock y-websocket server (`stockServerMain.mjs`), plain `node`, no persistence. */
export class StockTarget implements BenchTarget {
  readonly kind = 'stock';
  readonly token = undefined;
  pid = 0;
  port = 0;
  private child: ChildProcess | undefined;
  private output = '';

  get collabUrl(): string {
    return `ws://127.0.0.1:${this.port}/collab`;
  }

  async start(nodeArgs: readonly string[] = []): Promise<this> {
    const child = spawn(process.execPath, [...nodeArgs, stockMain], {
      cwd: path.dirname(stockMain),
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.pid = child.pid ?? 0;
    this.port = await new Promise<number>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /listening on \S*:(\d+)/.exec(this.output);
        if (match) resolve(Number(match[1]));
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) =>
        reject(
          new Error(`stock server exited before listening (code ${code}, signal ${signal}):\n${this.output}`),
        ),
      );
    });
    return this;
  }

  async createRooms(count: number, label: string): Promise<string[]> {
    return Array.from({ length: count }, (_, i) => `${label}-${i + 1}-${randomUUID()}`);
  }

  async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}

/** Every server this run started, so an interrupted or timed-out run still kills them all. */
const running = new Set<BenchTarget>();

/**
 * A server in its own process (so its CPU time and memory are its own) on 127.0.0.1, port 0.
 * Bullseye gets a fresh temp data directory, the default SQLite backend with its default
 * durability (or the PostgreSQL database at `databaseUrl`), and a provisioned owner with an API
 * token; the stock server keeps documents in memory.
 */
export async function startTarget(
  kind: ServerKind,
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
  provision = true,
  databaseUrl?: string,
): Promise<BenchTarget> {
  const target =
    kind === 'bullseye'
      ? new BullseyeTarget(new ServerProcess({ env, nodeArgs: [...nodeArgs], provision, databaseUrl }))
      : new StockTarget();
  running.add(target);
  try {
    if (target instanceof BullseyeTarget) await withTimeout(target.server.start(), 30_000, 'Bullseye start');
    else await withTimeout(target.start(nodeArgs), 30_000, 'stock server start');
  } catch (error) {
    await stopTarget(target);
    throw error;
  }
  return target;
}

/**
 * SIGTERM first, so Bullseye shuts down as in production (and writes a `--cpu-prof` profile), then
 * SIGKILL if it has not exited in time; removes Bullseye's data directory either way.
 */
export async function stopTarget(target: BenchTarget): Promise<void> {
  try {
    if (target instanceof BullseyeTarget) await withTimeout(target.server.stop(), 15_000, 'server shutdown');
    else if (target instanceof StockTarget)
      await withTimeout(target.signal('SIGTERM'), 15_000, 'stock server shutdown');
  } catch (error) {
    console.error(String(error));
  }
  await kill(target);
  running.delete(target);
}

async function kill(target: BenchTarget): Promise<void> {
  if (target instanceof BullseyeTarget) await target.server.dispose();
  else if (target instanceof StockTarget) await target.signal('SIGKILL');
}

/** Kills whatever is still running (interrupt, watchdog); no graceful shutdown. */
export async function killAllBenchServers(): Promise<void> {
  await Promise.all([...running].map(kill));
  running.clear();
}

/** Several Bullseye instances sharing one throwaway PostgreSQL database, linked through Redis. */
export interface BenchCluster {
  readonly instances: readonly BullseyeTarget[];
  /** The Redis key and channel prefix of this cluster alone (the machine's Redis is shared). */
  readonly prefix: string;
  /** CPU so far of the database's PostgreSQL backends and of Redis, by pid (`readServicesCpuMs`). */
  servicesCpu(): Map<number, number>;
  /** Stops every instance and drops the database. */
  stop(): Promise<void>;
}

/**
 * `count` Bullseye instances in multi-instance mode: a fresh database `bullseye_bench_<hex>` on
 * TEST_POSTGRES_URL's server (DATABASE_URL) and the machine's Redis (TEST_REDIS_URL, default
 * redis://127.0.0.1:6379) under a prefix `bullseye-bench-<hex>:` of their own (REDIS_URL,
 * REDIS_PREFIX). Nothing is flushed or written outside that prefix. The instances start one at
 * a time: the first migrates the database and is provisioned, the others share its owner and token.
 */
export async function startCluster(count: number, nodeArgs: readonly string[] = []): Promise<BenchCluster> {
  const database = await createBenchDatabase();
  const instances: BullseyeTarget[] = [];
  const cluster: BenchCluster = {
    instances,
    prefix: `bullseye-bench-${randomBytes(6).toString('hex')}:`,
    servicesCpu: () => readServicesCpuMs(database.name),
    async stop() {
      await Promise.all(instances.map(stopTarget));
      await database.drop();
    },
  };
  try {
    const env = { REDIS_URL, REDIS_PREFIX: cluster.prefix };
    for (let i = 0; i < count; i++) {
      const target = await startTarget('bullseye', env, nodeArgs, i === 0, database.url);
      if (!(target instanceof BullseyeTarget)) throw new Error('expected a Bullseye server');
      target.server.admin ??= instances[0]?.server.admin;
      instances.push(target);
    }
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

/** A database of the bench's own on the PostgreSQL server; `drop` (also run if the bench is aborted) removes it. */
async function createBenchDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `bullseye_bench_${randomBytes(6).toString('hex')}`;
  await administer(`CREATE DATABASE ${name}`);
  const drop = registerCleanup(`database ${name}`, () =>
    administer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  );
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop };
}

/** Runs one statement on TEST_POSTGRES_URL's database (creating or dropping the bench's own). */
async function administer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await withTimeout(client.connect(), 10_000, 'connecting to PostgreSQL');
    await withTimeout(client.query(statement), 30_000, statement);
  } finally {
    await client.end().catch(() => {});
  }
}
