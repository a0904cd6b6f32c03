import type { BenchConfig, RelayScenarioSpec } from './benchConfig.js';
import { startCluster, type BullseyeTarget } from './benchServer.js';
import { fixedRate, healthzRequest, type RateWindow } from './fixedRate.js';
import { ensureOpenFiles, IdleSockets, openingBudgetMs } from './idleSockets.js';
import { percentiles } from './percentile.js';
import { CpuWindow, MiB, RssSampler, type CpuShares } from './processStats.js';
import { measureRelay, RelayLoad, type RelayMeasure, type RelayWindow } from './relayScenario.js';
import { messageOf } from './scoringScenario.js';
import { sleep } from './timeouts.js';

/** The instance counts each relay shape runs on: one (the reference), then two. */
export const CLUSTER_SIZES = [1, 2] as const;

/** The room whose latency is probed while the idle sockets are open: one ICP, two people typing. */
export const PROBE_SPEC: RelayScenarioSpec = { name: '1×2', icps: 1, clientsPerIcp: 2 };
/** `GET /healthz` requests per second during an idle window. */
export const HEALTHZ_RPS = 50;
/** The server pings every socket this often (Heartbeats): an idle window holds at least one round. */
const HEARTBEAT_MS = 30_000;
/** Processes holding the idle sockets, so they share neither the bench's event loop nor its file limit. */
const IDLE_PROCESSES = 2;
/** Pause after opening the sockets, before measuring: the opening's garbage and queues settle. */
const SETTLE_MS = 3_000;

/** One relay shape on a cluster of `instances` (PostgreSQL + Redis). */
export interface ClusterRelayResult {
  spec: RelayScenarioSpec;
  instances: number;
  measure?: RelayMeasure;
  error?: string;
}

/** One idle window on the instance: the probe room's relay latency and GET /healthz meanwhile. */
export interface IdleWindow {
  sockets: number;
  relay: RelayWindow;
  healthz: RateWindow;
}

export interface IdleResult {
  sockets: number;
  icps: number;
  processes: number;
  /** `ulimit -n` in force for the server and the socket processes. */
  openFiles: number;
  windowSeconds: number;
  /** The reference: the same instance, the same ICPs created, no idle socket. */
  without?: IdleWindow;
  opening?: {
    opened: number;
    failed: number;
    firstError?: string;
    seconds: number;
    syncP50Ms: number;
    syncP99Ms: number;
    /** Largest RSS sampled every 100 ms while opening. */
    peakRssMiB: number;
    cpu: CpuShares;
  };
  with?: IdleWindow;
  /** Sockets still open after the measured window (the socket processes count them). */
  stillOpen?: number;
  /** The idle-socket processes' CPU during the window with sockets, as % of one core. */
  socketProcessesCpuPercent?: number;
  error?: string;
}

export interface ClusterResult {
  relay: ClusterRelayResult[];
  idle?: IdleResult;
}

/** Seconds of one idle window: BENCH_SECONDS, but at least one heartbeat round (and a second). */
export function idleWindowSeconds(config: BenchConfig): number {
  return Math.max(config.seconds, HEARTBEAT_MS / 1_000 + 1);
}

/** Generous upper bound of the whole cluster part, for the run's watchdog. */
export function clusterBudgetMs(config: BenchConfig): number {
  const relay =
    config.clusterScenarios.length *
    CLUSTER_SIZES.reduce((sum, n) => sum + (config.warmupSeconds + config.seconds) * 1_000 + n * 60_000, 0);
  const idle =
    config.idleSockets > 0
      ? 120_000 + openingBudgetMs(config.idleSockets) + 2 * (idleWindowSeconds(config) + 10) * 1_000
      : 0;
  return relay + idle;
}

/**
 * The cluster part: each relay shape on one instance and split across two (one PostgreSQL database
 * and Redis each time, fresh), then BENCH_IDLE_SOCKETS idle sockets on one instance. What fails is
 * reported in its row instead of ending the run.
 */
export async function runClusterScenario(config: BenchConfig): Promise<ClusterResult> {
  const relay: ClusterRelayResult[] = [];
  for (const spec of config.clusterScenarios) {
    for (const instances of CLUSTER_SIZES) {
      console.error(`bench: cluster: relay ${spec.name} on ${instances} instance(s), PostgreSQL + Redis…`);
      relay.push(await runClusterRelay(spec, instances, config));
    }
  }
  if (config.idleSockets === 0) return { relay };
  console.error(`bench: cluster: ${config.idleSockets} idle sockets on one instance…`);
  return { relay, idle: await runIdleSockets(config) };
}

async function runClusterRelay(
  spec: RelayScenarioSpec,
  instances: number,
  config: BenchConfig,
): Promise<ClusterRelayResult> {
  try {
    const cluster = await startCluster(instances, config.serverNodeArgs);
    try {
      const measure = await measureRelay(cluster.instances, spec, config, cluster.servicesCpu);
      return { spec, instances, measure };
    } finally {
      await cluster.stop();
    }
  } catch (error) {
    console.error(`bench: cluster relay ${spec.name} on ${instances} instance(s) failed:`, error);
    return { spec, instances, error: messageOf(error) };
  }
}

/**
 * One instance (PostgreSQL + Redis): the ICPs are created, the probe room types, and a window is
 * measured with no idle socket (the reference); then the idle sockets are opened, spread over the
 * ICPs, and the same window is measured again. Each window is long enough to hold one heartbeat
 * round, when the server pings every socket.
 */
async function runIdleSockets(config: BenchConfig): Promise<IdleResult> {
  // The server holds every socket; each socket process half of them; a margin for the rest.
  const limit = ensureOpenFiles(config.idleSockets + 1_024);
  const result: IdleResult = {
    sockets: config.idleSockets,
    icps: config.idleIcps,
    processes: IDLE_PROCESSES,
    openFiles: limit.soft,
    windowSeconds: idleWindowSeconds(config),
  };
  if (limit.soft < config.idleSockets + 1_024) {
    result.error =
      `ulimit -n is ${limit.soft} (hard ${limit.hard}): the server needs one file per socket; ` +
      `raise it to ${config.idleSockets + 1_024} or more`;
    return result;
  }
  let sockets: IdleSockets | undefined;
  let probe: RelayLoad | undefined;
  try {
    const cluster = await startCluster(1, config.serverNodeArgs);
    const server = cluster.instances[0]!;
    try {
      const icpIds = await server.createRooms(config.idleIcps, 'idle');
      probe = new RelayLoad(server, PROBE_SPEC, cluster.servicesCpu);
      await probe.open(await server.createRooms(PROBE_SPEC.icps, PROBE_SPEC.name));
      await sleep(config.warmupSeconds * 1_000);
      result.without = await idleWindow(probe, server, 0, result.windowSeconds);

      console.error(
        `bench: cluster: opening ${config.idleSockets} sockets over ${config.idleIcps} ICPs from ` +
          `${IDLE_PROCESSES} processes…`,
      );
      const rss = new RssSampler(server.pid).start();
      const cpu = new CpuWindow(server.pid);
      const startedAt = performance.now();
      let opened;
      try {
        ({ sockets, opened } = await IdleSockets.open(server, icpIds, config.idleSockets, IDLE_PROCESSES));
      } finally {
        rss.stop();
      }
      const [syncP50, syncP99] = percentiles(opened.syncMs, [50, 99]);
      result.opening = {
        opened: opened.opened,
        failed: opened.failed,
        ...(opened.firstError ? { firstError: opened.firstError } : {}),
        seconds: (performance.now() - startedAt) / 1_000,
        syncP50Ms: syncP50!,
        syncP99Ms: syncP99!,
        peakRssMiB: rss.peakBytes / MiB,
        cpu: cpu.end(),
      };
      await sleep(SETTLE_MS);
      const before = sockets.cpuMs();
      const windowStart = performance.now();
      result.with = await idleWindow(probe, server, opened.opened, result.windowSeconds, true);
      result.socketProcessesCpuPercent =
        ((sockets.cpuMs() - before) / (performance.now() - windowStart)) * 100;
      result.stillOpen = await sockets.countOpen();
    } finally {
      probe?.close();
      await sockets?.close();
      await cluster.stop();
    }
  } catch (error) {
    console.error('bench: cluster idle sockets failed:', error);
    result.error = messageOf(error);
  }
  return result;
}

/** A window of `seconds`: the probe room types and GET /healthz runs at HEALTHZ_RPS, open loop. */
async function idleWindow(
  probe: RelayLoad,
  server: BullseyeTarget,
  sockets: number,
  seconds: number,
  last = false,
): Promise<IdleWindow> {
  let healthz: RateWindow | undefined;
  const relay = await probe.measure(
    async () => {
      healthz = await fixedRate(healthzRequest(server.server.url), {
        rps: HEALTHZ_RPS,
        seconds,
        warmupSeconds: 0,
        serverPid: server.pid,
      });
    },
    { last },
  );
  // The window's RSS is the relay window's: the median of one sample per second.
  return { sockets, relay, healthz: healthz! };
}
