import { CpuWindow, MiB, readRssBytes, servicesCpuMsBetween } from './processStats.js';
import type { BenchConfig, RelayScenarioSpec } from './benchConfig.js';
import { startTarget, stopTarget, type BenchTarget, type ServerKind } from './benchServer.js';
import type { BenchClient } from './openClient.js';
import { percentile, percentiles } from './percentile.js';
import { RelayLatency } from './relayLatency.js';
import { awaitConvergence, openRoomClients, serverIndexOf } from './roomClients.js';
import { seededRandom } from '../support/seededRandom.js';
import { Ticker } from './ticker.js';
import { pollUntil, sleep } from './timeouts.js';
import { NARRATIVE_SECTIONS, Typist } from './typist.js';

/** CPU so far by pid of the processes a cluster relies on (its database's backends, Redis). */
export type ServicesCpu = () => ReadonlyMap<number, number>;

/** Two edits and two cursor moves a second per client: an edit every 500 ms, a cursor move between. */
const EDIT_PERIOD_MS = 500;
/** How long receipts of the last measured edits may take before they count as lost. */
const DRAIN_MS = 5_000;

/** What one measured window of a relay load shows. */
export interface RelayWindow {
  /** Edits made in the measured window. */
  edits: number;
  /** edits × (clients per ICP − 1): what the server had to deliver. */
  deliveriesExpected: number;
  deliveriesReceived: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Length of the window. */
  elapsedMs: number;
  serverCpuMs: number;
  cpuPerDeliveryUs: number;
  /** Server CPU as a share of one core over the window. */
  serverCpuPercent: number;
  /** The bench process's own CPU (all clients) as a share of one core: context for latency. */
  clientCpuPercent: number;
  /** CPU used by other processes of the machine meanwhile; more than a few % taints the run. */
  otherCpuPercent: number;
  /**
   * Several instances: of `otherCpuPercent`, what the PostgreSQL backends of the cluster's database
   * and Redis used (see `readServicesCpuMs`). Undefined when not measured.
   */
  servicesCpuPercent?: number;
  /** Median of one RSS sample per second of the window. */
  rssMiB: number;
  /** Client actions the ticker had to skip in the window because this process fell behind. */
  skippedActions: number;
  /**
   * Several instances: the deliveries between clients on different instances (a typist on A, a
   * receiver on B), also counted in the figures above. None expected with one server.
   */
  cross: { expected: number; received: number; p50Ms: number; p95Ms: number; p99Ms: number };
}

/** A relay scenario's measurement, on one server or spread over the instances of a cluster. */
export interface RelayMeasure extends RelayWindow {
  spec: RelayScenarioSpec;
  clients: number;
  /** RSS after provisioning and creating the ICPs (summed over instances). */
  idleRssMiB: number;
  rssPerIcpMiB: number;
}

export interface RelayResult extends RelayMeasure {
  server: ServerKind;
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
  try {
    return { ...(await measureRelay([server], spec, config)), server: kind };
  } finally {
    await stopTarget(server);
  }
}

/**
 * The relay scenario on running servers: creates the ICPs (on the first), opens the clients (spread
 * over the servers when there are several, see `openRoomClients`), warms up, measures one window.
 * CPU and RSS are the servers' sums.
 */
export async function measureRelay(
  servers: readonly BenchTarget[],
  spec: RelayScenarioSpec,
  config: BenchConfig,
  services?: ServicesCpu,
): Promise<RelayMeasure> {
  const load = new RelayLoad(servers, spec, services);
  try {
    const icpIds = await servers[0]!.createRooms(spec.icps, spec.name);
    const idleRss = await sampleRss(
      servers.map((s) => s.pid),
      5,
      100,
    );
    await load.open(icpIds);
    await sleep(config.warmupSeconds * 1_000);
    const window = await load.measure(() => sleep(config.seconds * 1_000), { last: true });
    return {
      ...window,
      spec,
      clients: load.clients.length,
      idleRssMiB: idleRss / MiB,
      rssPerIcpMiB: (window.rssMiB * MiB - idleRss) / MiB / spec.icps,
    };
  } finally {
    load.close();
  }
}

/**
 * The load of a relay scenario on a running server: `spec.clientsPerIcp` typists in each ICP, driven
 * by one ticker, measured in windows (`measure`), so other work can run on the same server between
 * or during windows (the account-data bench measures relay latency during an import this way). With
 * several servers (instances of one cluster), each ICP's clients are spread over them.
 */
export class RelayLoad {
  /** Every client opened, so `close` destroys them even if opening failed half-way. */
  readonly clients: BenchClient[] = [];
  private readonly ticker = new Ticker();
  private readonly latency = new RelayLatency();
  private readonly servers: readonly BenchTarget[];

  constructor(
    servers: BenchTarget | readonly BenchTarget[],
    private readonly spec: RelayScenarioSpec,
    private readonly services?: ServicesCpu,
  ) {
    this.servers = ([] as BenchTarget[]).concat(servers);
  }

  /** Opens the clients on `icpIds`, waits until they converge, then starts typing (not yet measured). */
  async open(icpIds: readonly string[]): Promise<void> {
    const spec = this.spec;
    const rooms = await openRoomClients(this.servers, icpIds, spec.clientsPerIcp, this.clients);
    const count = this.servers.length;
    if (count > 1) {
      for (const [r, room] of rooms.entries()) {
        const on = room.map((_, i) => serverIndexOf(r, i, count));
        for (const [i, client] of room.entries())
          this.latency.place(client.doc, on[i]!, on.filter((s) => s !== on[i]).length);
      }
    }
    const random = seededRandom(spec.icps * 1_000 + spec.clientsPerIcp);
    const typists = rooms.flatMap((room, r) =>
      room.map(
        (client, i) =>
          new Typist(client, NARRATIVE_SECTIONS[i % NARRATIVE_SECTIONS.length]!, `Person ${r}.${i}`, random),
      ),
    );
    for (const typist of typists) typist.begin();
    await awaitConvergence(rooms, 30_000, `${spec.name} setup`);

    for (const client of this.clients) this.latency.watch(client.doc);
    for (const typist of typists) {
      // Random phases spread the clients' actions evenly instead of all at once.
      const phase = random() * EDIT_PERIOD_MS;
      this.ticker.every(EDIT_PERIOD_MS, phase, () =>
        this.latency.edit(typist.client.doc, () => typist.type()),
      );
      this.ticker.every(EDIT_PERIOD_MS, phase + EDIT_PERIOD_MS / 2, () => typist.moveCursor());
    }
    this.ticker.start();
  }

  /**
   * Measures the edits made while `during` runs: relay latency (waiting at most DRAIN_MS for the last
   * receipts), server CPU and RSS, the bench's and other processes' CPU. `last` stops typing before
   * that wait, so the drain runs without new load (the relay scenario's single window).
   */
  async measure(during: () => Promise<unknown>, { last = false } = {}): Promise<RelayWindow> {
    const { latency, ticker } = this;
    const pids = this.servers.map((s) => s.pid);
    latency.reset();
    const skippedBefore = ticker.skipped;
    const rssSamples: number[] = [];
    const cpu = new CpuWindow(pids);
    const servicesBefore = this.services?.();
    latency.measuring = true;
    const rssTimer = setInterval(() => rssSamples.push(readRssSum(pids)), 1_000);
    try {
      await during();
    } finally {
      latency.measuring = false;
      clearInterval(rssTimer);
    }
    const shares = cpu.end();
    const servicesCpuMs = servicesBefore && servicesCpuMsBetween(servicesBefore, this.services!());
    rssSamples.push(readRssSum(pids));
    if (last) ticker.stop();
    const skippedActions = ticker.skipped - skippedBefore;

    const deliveriesExpected = latency.measuredEdits * (this.spec.clientsPerIcp - 1);
    await pollUntil(() => latency.samples.length >= deliveriesExpected, DRAIN_MS, 20);
    const [p50, p95, p99, max] = percentiles(latency.samples, [50, 95, 99, 100]);
    const [crossP50, crossP95, crossP99] = percentiles(latency.crossSamples, [50, 95, 99]);
    return {
      edits: latency.measuredEdits,
      deliveriesExpected,
      deliveriesReceived: latency.samples.length,
      p50Ms: p50!,
      p95Ms: p95!,
      p99Ms: p99!,
      maxMs: max!,
      elapsedMs: shares.elapsedMs,
      serverCpuMs: shares.serverCpuMs,
      cpuPerDeliveryUs: (shares.serverCpuMs * 1_000) / deliveriesExpected,
      serverCpuPercent: shares.serverCpuPercent,
      clientCpuPercent: shares.benchCpuPercent,
      otherCpuPercent: shares.otherCpuPercent,
      ...(servicesCpuMs === undefined
        ? {}
        : { servicesCpuPercent: (servicesCpuMs / shares.elapsedMs) * 100 }),
      // The median of one-second samples: steady-state memory, not one GC peak or trough.
      rssMiB: percentile(rssSamples, 50) / MiB,
      skippedActions,
      cross: {
        expected: latency.crossExpected,
        received: latency.crossSamples.length,
        p50Ms: crossP50!,
        p95Ms: crossP95!,
        p99Ms: crossP99!,
      },
    };
  }

  /** Stops typing and destroys every client. Idempotent. */
  close(): void {
    this.ticker.stop();
    for (const client of this.clients) client.destroy();
  }
}

/** Median of a few readings of the processes' summed RSS, `intervalMs` apart. */
export async function sampleRss(pids: readonly number[], count: number, intervalMs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) await sleep(intervalMs);
    samples.push(readRssSum(pids));
  }
  return percentile(samples, 50);
}

function readRssSum(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + readRssBytes(pid), 0);
}
