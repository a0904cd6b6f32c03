import os from 'node:os';
import {
  accountDataBudgetMs,
  runAccountDataScenario,
  type AccountDataResult,
} from './accountDataScenario.js';
import { printAccountDataReport } from './accountDataReport.js';
import { readBenchConfig } from './benchConfig.js';
import { killAllBenchServers, SERVER_NAMES, type ServerKind } from './benchServer.js';
import { runPendingCleanups } from './cleanup.js';
import { printClusterReport } from './clusterReport.js';
import { clusterBudgetMs, runClusterScenario, type ClusterResult } from './clusterScenario.js';
import { runLoadScenario, type LoadResult } from './loadScenario.js';
import { runRelayScenario, type RelayResult } from './relayScenario.js';
import { printReport } from './report.js';
import { printScoringReport } from './scoringReport.js';
import { runScoringScenario, scoringBudgetMs, type ScoringResult } from './scoringScenario.js';
import { runStartupScenario, type StartupResult } from './startupScenario.js';

// Every WebsocketProvider adds a process 'exit' listener; hundreds of clients are intended here.
process.setMaxListeners(0);

/**
 * `--import-only` (`npm run bench:import`): the account-data part alone; `--scoring-only` (`npm run
 * bench:scoring`): the scoring part alone; `--cluster-only` (`npm run bench:cluster`): the cluster
 * part alone; whatever BENCH_SCENARIOS, BENCH_LOAD_EDITS and BENCH_STARTUP_RUNS say.
 */
const only = {
  scenarios: [],
  loadEdits: 0,
  startupRuns: 0,
  accountData: false,
  scoring: false,
  cluster: false,
};
const selected = readBenchConfig();
const config = process.argv.includes('--import-only')
  ? { ...selected, ...only, accountData: true }
  : process.argv.includes('--scoring-only')
    ? { ...selected, ...only, scoring: true }
    : process.argv.includes('--cluster-only')
      ? { ...selected, ...only, cluster: true }
      : selected;

/** Every measurement runs against Bullseye and, as the reference, the stock y-websocket server. */
const SERVERS: readonly ServerKind[] = ['bullseye', 'stock'];

/** Generous upper bound for the whole run; past it, everything is killed and the run fails. */
const budgetMs =
  SERVERS.length * config.scenarios.length * ((config.warmupSeconds + config.seconds) * 1_000 + 120_000) +
  (config.loadEdits > 0 ? 300_000 : 0) +
  SERVERS.length * (config.startupRuns + 1) * 30_000 +
  (config.accountData ? accountDataBudgetMs(config) : 0) +
  (config.scoring ? scoringBudgetMs(config) : 0) +
  (config.cluster ? clusterBudgetMs(config) : 0);
const watchdog = setTimeout(
  () => void abort(`the bench exceeded its ${budgetMs / 1_000} s budget`),
  budgetMs,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void abort(`${signal} received`));

async function abort(reason: string): Promise<void> {
  console.error(`bench aborted: ${reason}`);
  await killAllBenchServers();
  await runPendingCleanups();
  process.exit(1);
}

async function main(): Promise<void> {
  const parts = [
    ...config.scenarios.map((s) => s.name),
    ...(config.accountData ? [`import of ${config.importRows} rows`] : []),
    ...(config.scoring ? [`scoring of ${config.scoringAccounts} accounts`] : []),
    ...(config.cluster
      ? [
          `cluster (${config.clusterScenarios.map((s) => s.name).join(', ')} on one and two instances, ` +
            `${config.idleSockets} idle sockets)`,
        ]
      : []),
  ];
  console.error(
    `bench: ${os.cpus().length} CPUs, node ${process.version}; scenarios ${parts.join(', ') || 'none'}; ` +
      `${config.warmupSeconds} s warm-up + ${config.seconds} s each`,
  );
  const startup: StartupResult[] = [];
  if (config.startupRuns > 0) {
    for (const kind of SERVERS) {
      console.error(`bench: start time and idle RSS, ${SERVER_NAMES[kind]}…`);
      startup.push(await runStartupScenario(kind, config));
    }
  }
  const relay: RelayResult[] = [];
  for (const spec of config.scenarios) {
    for (const kind of SERVERS) {
      console.error(`bench: relay ${spec.name}, ${SERVER_NAMES[kind]}…`);
      relay.push(await runRelayScenario(spec, config, kind));
    }
  }
  let load: LoadResult | undefined;
  if (config.loadEdits > 0) {
    console.error(`bench: load of a ${config.loadEdits}-edit ICP, Bullseye then stock…`);
    load = await runLoadScenario(config);
  }
  let accountData: AccountDataResult | undefined;
  if (config.accountData) accountData = await runAccountDataScenario(config);
  let scoring: ScoringResult | undefined;
  if (config.scoring) scoring = await runScoringScenario(config);
  let cluster: ClusterResult | undefined;
  if (config.cluster) cluster = await runClusterScenario(config);
  if (relay.length > 0 || load || startup.length > 0) printReport(config, relay, load, startup);
  if (accountData) {
    printAccountDataReport(accountData);
    // A part that failed is reported in its table; the run still fails.
    if (accountData.backends.some((b) => b.error) || accountData.coEditing.error) process.exitCode = 1;
  }
  if (scoring) {
    printScoringReport(scoring);
    // Likewise; PostgreSQL not being reachable is said in its row, not a failure.
    if (scoring.error || scoring.httpError || scoring.batchError || scoring.datasets.some((d) => d.error))
      process.exitCode = 1;
  }
  if (cluster) {
    printClusterReport(config, cluster);
    // Likewise: several instances need PostgreSQL and Redis, which every machine runs.
    if (cluster.relay.some((r) => r.error) || cluster.idle?.error) process.exitCode = 1;
  }
}

main()
  .catch(async (error: unknown) => {
    console.error('bench failed:', error);
    await killAllBenchServers();
    await runPendingCleanups();
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
