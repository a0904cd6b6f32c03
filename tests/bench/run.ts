import os from 'node:os';
import { readBenchConfig } from './benchConfig.js';
import { killAllBenchServers } from './benchServer.js';
import { runLoadScenario, type LoadResult } from './loadScenario.js';
import { runRelayScenario, type RelayResult } from './relayScenario.js';
import { printReport } from './report.js';

// Every WebsocketProvider adds a process 'exit' listener; hundreds of clients are intended here.
process.setMaxListeners(0);

const config = readBenchConfig();

/** Generous upper bound for the whole run; past it, everything is killed and the run fails. */
const budgetMs =
  config.scenarios.length * ((config.warmupSeconds + config.seconds) * 1_000 + 120_000) +
  (config.loadEdits > 0 ? 300_000 : 0);
const watchdog = setTimeout(
  () => void abort(`the bench exceeded its ${budgetMs / 1_000} s budget`),
  budgetMs,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void abort(`${signal} received`));

async function abort(reason: string): Promise<void> {
  console.error(`bench aborted: ${reason}`);
  await killAllBenchServers();
  process.exit(1);
}

async function main(): Promise<void> {
  console.error(
    `bench: ${os.cpus().length} CPUs, node ${process.version}; scenarios ${config.scenarios
      .map((s) => s.name)
      .join(', ')}; ${config.warmupSeconds} s warm-up + ${config.seconds} s each`,
  );
  const relay: RelayResult[] = [];
  for (const spec of config.scenarios) {
    console.error(`bench: relay ${spec.name}…`);
    relay.push(await runRelayScenario(spec, config));
  }
  let load: LoadResult | undefined;
  if (config.loadEdits > 0) {
    console.error(`bench: load of a ${config.loadEdits}-edit ICP…`);
    load = await runLoadScenario(config);
  }
  printReport(config, relay, load);
}

main()
  .catch(async (error: unknown) => {
    console.error('bench failed:', error);
    await killAllBenchServers();
    process.exitCode = 1;
  })
  .finally(() => {
    clearTimeout(watchdog);
    // Everything is closed by now; if some handle still kept the process alive, do not hang on it.
    setTimeout(() => {
      console.error('bench: open handles remained after cleanup; exiting anyway');
      process.exit(process.exitCode ?? 0);
    }, 5_000).unref();
  });
