import { createIcp } from '../support/api.js';
import { ServerProcess } from '../support/serverProcess.js';
import { withTimeout } from './timeouts.js';

/** Every server this run started, so an interrupted or timed-out run still kills them all. */
const running = new Set<ServerProcess>();

/**
 * The real server in its own process (so its CPU time and memory are its own), on 127.0.0.1, port
 * 0, a fresh temp data directory and the default SQLite backend with its default durability.
 */
export async function startBenchServer(
  env: Record<string, string>,
  nodeArgs: readonly string[],
): Promise<ServerProcess> {
  const server = new ServerProcess({ env, nodeArgs: [...nodeArgs] });
  running.add(server);
  try {
    await withTimeout(server.start(), 30_000, 'server start');
  } catch (error) {
    await stopBenchServer(server);
    throw error;
  }
  return server;
}

/**
 * SIGTERM first, so the server shuts down as in production (and writes a `--cpu-prof` profile),
 * then SIGKILL if it has not exited in time; removes its data directory either way.
 */
export async function stopBenchServer(server: ServerProcess): Promise<void> {
  try {
    await withTimeout(server.stop(), 15_000, 'server shutdown');
  } catch (error) {
    console.error(String(error));
  }
  await server.dispose();
  running.delete(server);
}

/** Kills whatever is still running (interrupt, watchdog); no graceful shutdown. */
export async function killAllBenchServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.dispose()));
  running.clear();
}

/** Creates `count` ICPs through the API, a few requests at a time. */
export async function createIcps(server: ServerProcess, count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, (_, j) =>
      createIcp(server, `Bench ${label} #${i + j + 1}`),
    );
    for (const icp of await withTimeout(Promise.all(batch), 30_000, 'creating ICPs')) ids.push(icp.id);
  }
  return ids;
}
