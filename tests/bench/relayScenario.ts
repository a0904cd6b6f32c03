import { MiB, readCpuMs, readMachineBusyMs, readRssBytes } from './processStats.js';
import type { BenchConfig, RelayScenarioSpec } from './benchConfig.js';
import { startTarget, stopTarget, type ServerKind } from './benchServer.js';
import type { BenchClient } from './openClient.js';
import { percentile, percentiles } from './percentile.js';
import { RelayLatency } from './relayLatency.js';
import { awaitConvergence, openRoomClients } from './roomClients.js';
import { seededRandom } from '../support/seededRandom.js';
import { Ticker } from './ticker.js';
import { pollUntil, sleep } from './timeouts.js';
import { NARRATIVE_SECTIONS, Typist } from './typist.js';

/** Two edits and two cursor moves a second per client: an edit every 500 ms, a cursor move between. */
const EDIT_PERIOD_MS = 500;
/** How long receipts of the last measured edits may take before they count as lost. */
const DRAIN_MS = 5_000;

export interface RelayResult {
  spec: RelayScenarioSpec;
  server: ServerKind;
  clients: number;
  /** Edits made in the measured window. */
  edits: number;
  /** edits × (clients per ICP − 1): what the server had to deliver. */
  deliveriesExpected: number;
  deliveriesReceived: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  serverCpuMs: number;
  cpuPerDeliveryUs: number;
  /** Server CPU as a share of one core over the window. */
  serverCpuPercent: number;
  /** The bench process's own CPU (all clients) as a share of one core: context for latency. */
  clientCpuPercent: number;
  /** CPU used by other processes of the machine meanwhile; more than a few % taints the run. */
  otherCpuPercent: number;
  idleRssMiB: number;
  rssMiB: number;
  rssPerIcpMiB: number;
  /** Client actions the ticker had to skip because this process fell behind. */
  skippedActions: number;
}

/**
 * `spec.icps` ICPs with `spec.clientsPerIcp` stock clients each, every client typing and moving its
 * cursor; after a warm-up, measures relay latency, server CPU and server memory over a fixed window.
 * The same load, seeded the same way, runs against Bullseye and against the stock server.
 */
export async function runRelayScenario(
  spec: RelayScenarioSpec,
  config: BenchConfig,
  kind: ServerKind,
): Promise<RelayResult> {
  const server = await startTarget(kind, {}, config.serverNodeArgs);
  const clients: BenchClient[] = [];
  const ticker = new Ticker();
  let rssTimer: NodeJS.Timeout | undefined;
  try {
    const icpIds = await server.createRooms(spec.icps, spec.name);
    const idleRss = await sampleRss(server.pid, 5, 100);

    const rooms = await openRoomClients(server, icpIds, spec.clientsPerIcp, clients);
    const random = seededRandom(spec.icps * 1_000 + spec.clientsPerIcp);
    const typists = rooms.flatMap((room, r) =>
      room.map(
        (client, i) =>
          new Typist(client, NARRATIVE_SECTIONS[i % NARRATIVE_SECTIONS.length]!, `Person ${r}.${i}`, random),
      ),
    );
    for (const typist of typists) typist.begin();
    await awaitConvergence(rooms, 30_000, `${spec.name} setup`);

    const latency = new RelayLatency();
    for (const client of clients) latency.watch(client.doc);
    for (const typist of typists) {
      // Random phases spread the clients' actions evenly instead of all at once.
      const phase = random() * EDIT_PERIOD_MS;
      ticker.every(EDIT_PERIOD_MS, phase, () => latency.edit(typist.client.doc, () => typist.type()));
      ticker.every(EDIT_PERIOD_MS, phase + EDIT_PERIOD_MS / 2, () => typist.moveCursor());
    }
    ticker.start();
    await sleep(config.warmupSeconds * 1_000);

    const rssSamples: number[] = [];
    const cpuBefore = readCpuMs(server.pid);
    const machineBefore = readMachineBusyMs();
    const clientCpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    latency.measuring = true;
    rssTimer = setInterval(() => rssSamples.push(readRssBytes(server.pid)), 1_000);
    await sleep(config.seconds * 1_000);
    latency.measuring = false;
    const cpuAfter = readCpuMs(server.pid);
    const machineBusyMs = readMachineBusyMs() - machineBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const elapsedMs = performance.now() - startedAt;
    rssSamples.push(readRssBytes(server.pid));
    clearInterval(rssTimer);
    ticker.stop();

    const deliveriesExpected = latency.measuredEdits * (spec.clientsPerIcp - 1);
    await pollUntil(() => latency.samples.length >= deliveriesExpected, DRAIN_MS, 20);
    const [p50, p95, p99, max] = percentiles(latency.samples, [50, 95, 99, 100]);
    const serverCpuMs = cpuAfter - cpuBefore;
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1_000;
    // The median of one-second samples: steady-state memory, not one GC peak or trough.
    const rss = percentile(rssSamples, 50);
    return {
      spec,
      server: kind,
      clients: clients.length,
      edits: latency.measuredEdits,
      deliveriesExpected,
      deliveriesReceived: latency.samples.length,
      p50Ms: p50!,
      p95Ms: p95!,
      p99Ms: p99!,
      maxMs: max!,
      serverCpuMs,
      cpuPerDeliveryUs: (serverCpuMs * 1_000) / deliveriesExpected,
      serverCpuPercent: (serverCpuMs / elapsedMs) * 100,
      clientCpuPercent: (clientCpuMs / elapsedMs) * 100,
      otherCpuPercent: (Math.max(0, machineBusyMs - serverCpuMs - clientCpuMs) / elapsedMs) * 100,
      idleRssMiB: idleRss / MiB,
      rssMiB: rss / MiB,
      rssPerIcpMiB: (rss - idleRss) / MiB / spec.icps,
      skippedActions: ticker.skipped,
    };
  } finally {
    clearInterval(rssTimer);
    ticker.stop();
    for (const client of clients) client.destroy();
    await stopTarget(server);
  }
}

/** Median of a few RSS readings `intervalMs` apart. */
async function sampleRss(pid: number, count: number, intervalMs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) await sleep(intervalMs);
    samples.push(readRssBytes(pid));
  }
  return percentile(samples, 50);
}
