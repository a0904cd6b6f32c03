import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig } from '../env.js';
import { LocalBalancer, type Backend } from '../cluster/localBalancer.js';

/**
 * `npm run start:cluster`: several Bullseye instances on this machine behind a small round-robin
 * balancer, for trying the multi-instance mode locally. Needs DATABASE_URL (PostgreSQL) and
 * REDIS_URL. The balancer listens on PORT (3000); instances on PORT+1 … PORT+CLUSTER_INSTANCES.
 * An instance that exits is started again; SIGHUP restarts them one at a time (a rolling
 * restart); SIGTERM / Ctrl-C stops them all gracefully.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl || !config.redisUrl) {
    throw new Error('start:cluster needs DATABASE_URL (postgres://…) and REDIS_URL (redis://…)');
  }
  const count = Number(process.env.CLUSTER_INSTANCES ?? 3);
  if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error('CLUSTER_INSTANCES must be 1–16');
  const entry = path.join(import.meta.dirname, 'index.js');
  const backends: (Backend & { child?: ChildProcess; stopping?: boolean })[] = Array.from(
    { length: count },
    (_, i) => ({ name: `instance ${i + 1}`, port: config.port + i + 1, ready: false }),
  );
  let stopping = false;

  const start = (backend: (typeof backends)[number]): void => {
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, PORT: String(backend.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    backend.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      readline
        .createInterface({ input: stream })
        .on('line', (line) => console.log(`[${backend.name}] ${line}`));
    }
    child.once('exit', (code, signal) => {
      backend.ready = false;
      backend.child = undefined;
      if (stopping || backend.stopping) return;
      console.log(`[${backend.name}] exited (${signal ?? code}); starting it again`);
      setTimeout(() => start(backend), 1_000).unref();
    });
  };

  const stop = (backend: (typeof backends)[number]): Promise<void> =>
    new Promise((resolve) => {
      const child = backend.child;
      if (!child) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  const balancer = new LocalBalancer(backends);
  // The first instance runs the migrations; the others start once it is ready.
  start(backends[0]!);
  await waitUntilReady(balancer, backends[0]!);
  for (const backend of backends.slice(1)) start(backend);
  const port = await balancer.listen(config.port, config.host);
  const shown = config.publicUrl ?? `http://localhost:${port}`;
  console.log(
    `Bullseye cluster of ${count} instances is running at ${shown} (balancer on ${config.host}:${port})`,
  );

  let rolling = false;
  process.on('SIGHUP', () => {
    if (rolling || stopping) return;
    rolling = true;
    void (async () => {
      console.log('rolling restart: one instance at a time');
      for (const backend of backends) {
        if (stopping) break;
        backend.stopping = true;
        await stop(backend);
        backend.stopping = false;
        if (stopping) break;
        start(backend);
        await waitUntilReady(balancer, backend);
      }
      console.log(stopping ? 'rolling restart interrupted' : 'rolling restart done');
    })()
      .catch((error: unknown) =>
        console.error(`rolling restart stopped: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => (rolling = false));
  });
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: stopping every instance`);
    void Promise.all(backends.map(stop))
      .then(() => balancer.close())
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function waitUntilReady(balancer: LocalBalancer, backend: Backend): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!backend.ready) {
    if (Date.now() > deadline) throw new Error(`${backend.name} did not become ready within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await balancer.checkAll();
  }
}

main().catch((error: unknown) => {
  console.error(
    `Bullseye cluster could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
