import type { BenchConfig } from './benchConfig.js';
import type { LoadResult, LoadTimes } from './loadScenario.js';
import type { RelayResult } from './relayScenario.js';
import { SERVER_NAMES, type ServerKind } from './benchServer.js';
import type { StartupResult } from './startupScenario.js';
import { fixed, formatTable } from './table.js';

/** The targets from the issue; printed next to the results, never enforced (machines differ). */
export const TARGETS = {
  /** Relay p50 at the 1×50 scenario. */
  relayP50Ms: 8,
  cpuPerDeliveryUs: 45,
  /** Meaningful with many ICPs open (100×5); with one ICP it is mostly process warm-up. */
  rssPerIcpMiB: 0.5,
  loadMs: 25,
} as const;

/** The issue's targets relative to the stock y-websocket server (Bullseye / stock, at most). */
export const RATIO_TARGETS = {
  cpuPerDelivery: 0.8,
  relayP95: 1,
  coldLoad: 0.5,
  idleRss: 1.5,
} as const;

export function printReport(
  config: BenchConfig,
  relay: readonly RelayResult[],
  load: LoadResult | undefined,
  startup: readonly StartupResult[] = [],
): void {
  const out: string[] = [];
  out.push(
    'Bullseye vs the stock y-websocket server (same harness, same run; ratio = Bullseye / stock, lower is better)',
    '',
    comparisonTable(relay, load, startup),
    '',
    ...taintWarnings(relay),
  );
  if (relay.length > 0) {
    out.push(
      `Relay (${config.warmupSeconds} s warm-up excluded, ${config.seconds} s measured; every client types ` +
        '2 characters and moves its cursor twice a second)',
      '',
      formatTable(
        [
          { header: 'scenario' },
          { header: 'server' },
          { header: 'clients', align: 'right' },
          { header: 'edits delivered', align: 'right' },
          { header: 'relay p50 ms', align: 'right' },
          { header: 'p95 ms', align: 'right' },
          { header: 'p99 ms', align: 'right' },
          { header: 'server CPU µs / delivered update', align: 'right' },
          { header: 'server RSS MiB', align: 'right' },
          { header: 'RSS per ICP MiB', align: 'right' },
        ],
        relay.map((r) => [
          r.spec.name,
          SERVER_NAMES[r.server],
          String(r.clients),
          r.deliveriesReceived === r.deliveriesExpected
            ? String(r.deliveriesReceived)
            : `${r.deliveriesReceived} of ${r.deliveriesExpected}`,
          fixed(r.p50Ms, 2),
          fixed(r.p95Ms, 2),
          fixed(r.p99Ms, 2),
          fixed(r.cpuPerDeliveryUs, 1),
          fixed(r.rssMiB, 1),
          fixed(r.rssPerIcpMiB, 2),
        ]),
      ),
      '',
      'Context (CPU as % of one core; the bench clients share the machine with the server)',
      '',
      formatTable(
        [
          { header: 'scenario' },
          { header: 'server' },
          { header: 'edits made', align: 'right' },
          { header: 'relay max ms', align: 'right' },
          { header: 'server CPU %', align: 'right' },
          { header: 'bench clients CPU %', align: 'right' },
          { header: 'other processes CPU %', align: 'right' },
          { header: 'idle server RSS MiB', align: 'right' },
          { header: 'skipped client actions', align: 'right' },
        ],
        relay.map((r) => [
          r.spec.name,
          SERVER_NAMES[r.server],
          String(r.edits),
          fixed(r.maxMs, 1),
          fixed(r.serverCpuPercent, 0),
          fixed(r.clientCpuPercent, 0),
          fixed(r.otherCpuPercent, 0),
          fixed(r.idleRssMiB, 1),
          String(r.skippedActions),
        ]),
      ),
      '',
    );
  }
  if (load) {
    const span = (t: LoadTimes): string => `${fixed(t.minMs, 1)}–${fixed(t.maxMs, 1)}`;
    out.push(
      `Fresh-client load of an ICP with ${load.edits} edits by ${load.authors} authors ` +
        '(new WebsocketProvider → sync; median of runs)',
      '',
      formatTable(
        [
          { header: 'ICP' },
          { header: 'runs', align: 'right' },
          { header: 'median ms', align: 'right' },
          { header: 'min–max ms', align: 'right' },
          { header: 'state KiB', align: 'right' },
        ],
        [
          [
            `cold, from the database (${load.storedRows.snapshots} snapshot + ${load.storedRows.updates} log rows)`,
            String(load.cold.runs),
            fixed(load.cold.medianMs, 1),
            span(load.cold),
            fixed(load.stateKiB, 1),
          ],
          [
            'warm, ICP in memory',
            String(load.warm.runs),
            fixed(load.warm.medianMs, 1),
            span(load.warm),
            fixed(load.stateKiB, 1),
          ],
          [
            'stock y-websocket server (in memory: it has no database)',
            String(load.stock.runs),
            fixed(load.stock.medianMs, 1),
            span(load.stock),
            fixed(load.stateKiB, 1),
          ],
        ],
      ),
      '',
    );
  }
  if (startup.length > 0) {
    out.push(
      `Start and idle memory (spawn to "listening", restarts on existing data, median of ${startup[0]!.runs}; ` +
        'RSS 1 s after start, nothing connected)',
      '',
      formatTable(
        [
          { header: 'server' },
          { header: 'start ms', align: 'right' },
          { header: 'min–max ms', align: 'right' },
          { header: 'idle RSS MiB', align: 'right' },
        ],
        startup.map((s) => [
          SERVER_NAMES[s.server],
          fixed(s.startMs, 0),
          `${fixed(s.startMinMs, 0)}–${fixed(s.startMaxMs, 0)}`,
          fixed(s.idleRssMiB, 1),
        ]),
      ),
      '',
    );
  }
  out.push(
    'Absolute targets (for reference)',
    '',
    ...targetLines(
      relay.filter((r) => r.server === 'bullseye'),
      load,
    ),
    '',
  );
  console.log(out.join('\n'));
}

function targetLines(relay: readonly RelayResult[], load: LoadResult | undefined): string[] {
  const verdict = (value: number, target: number, unit: string): string =>
    Number.isFinite(value)
      ? `${fixed(value, 2)} ${unit} ${value < target ? 'met' : 'MISSED'}`
      : 'not measured';
  const at1x50 = relay.find((r) => r.spec.icps === 1 && r.spec.clientsPerIcp === 50);
  const mostIcps = relay.reduce<RelayResult | undefined>(
    (a, r) => (!a || r.spec.icps > a.spec.icps ? r : a),
    undefined,
  );
  const worstCpu = relay.reduce<RelayResult | undefined>(
    (a, r) => (!a || r.cpuPerDeliveryUs > a.cpuPerDeliveryUs ? r : a),
    undefined,
  );
  return [
    `- relay p50 < ${TARGETS.relayP50Ms} ms at 1×50: ${verdict(at1x50?.p50Ms ?? NaN, TARGETS.relayP50Ms, 'ms')}`,
    `- server CPU < ${TARGETS.cpuPerDeliveryUs} µs per delivered update (worst scenario${
      worstCpu ? `, ${worstCpu.spec.name}` : ''
    }): ${verdict(worstCpu?.cpuPerDeliveryUs ?? NaN, TARGETS.cpuPerDeliveryUs, 'µs')}`,
    `- RSS < ${TARGETS.rssPerIcpMiB} MiB per active ICP (at ${mostIcps?.spec.name ?? '–'}): ${verdict(
      mostIcps?.rssPerIcpMiB ?? NaN,
      TARGETS.rssPerIcpMiB,
      'MiB',
    )}`,
    `- 20,000-edit load < ${TARGETS.loadMs} ms: cold ${verdict(load?.cold.medianMs ?? NaN, TARGETS.loadMs, 'ms')}, ` +
      `warm ${verdict(load?.warm.medianMs ?? NaN, TARGETS.loadMs, 'ms')}`,
  ];
}

/** One row per measure: Bullseye, stock, the ratio, and the issue's ratio target where it has one. */
function comparisonTable(
  relay: readonly RelayResult[],
  load: LoadResult | undefined,
  startup: readonly StartupResult[],
): string {
  const rows: string[][] = [];
  const row = (measure: string, bullseye: number, stock: number, digits: number, target?: number): void => {
    const ratio = bullseye / stock;
    const verdict = target === undefined || !Number.isFinite(ratio) ? '' : ratio <= target ? 'met' : 'MISSED';
    rows.push([
      measure,
      fixed(bullseye, digits),
      fixed(stock, digits),
      Number.isFinite(ratio) ? `${fixed(ratio, 2)}×` : '–',
      target === undefined ? '' : `≤ ${fixed(target, 1)}×`,
      verdict,
    ]);
  };
  const of = (kind: ServerKind, name: string) => relay.find((r) => r.server === kind && r.spec.name === name);
  for (const name of [...new Set(relay.map((r) => r.spec.name))]) {
    const b = of('bullseye', name);
    const s = of('stock', name);
    if (!b || !s) continue;
    row(
      `${name}: server CPU µs / delivered update`,
      b.cpuPerDeliveryUs,
      s.cpuPerDeliveryUs,
      1,
      RATIO_TARGETS.cpuPerDelivery,
    );
    row(`${name}: relay p50 ms`, b.p50Ms, s.p50Ms, 2);
    row(`${name}: relay p95 ms`, b.p95Ms, s.p95Ms, 2, RATIO_TARGETS.relayP95);
    row(`${name}: server RSS MiB under load`, b.rssMiB, s.rssMiB, 1);
  }
  if (load) {
    const edits = load.edits.toLocaleString('en-US');
    row(
      `${edits}-edit ICP: cold load from the database (stock: from memory) ms`,
      load.cold.medianMs,
      load.stock.medianMs,
      1,
      RATIO_TARGETS.coldLoad,
    );
    row(`${edits}-edit ICP: warm load, in memory ms`, load.warm.medianMs, load.stock.medianMs, 1);
  }
  const b = startup.find((s) => s.server === 'bullseye');
  const s = startup.find((r) => r.server === 'stock');
  if (b && s) {
    row('server start ms', b.startMs, s.startMs, 0);
    row('idle server RSS MiB', b.idleRssMiB, s.idleRssMiB, 1, RATIO_TARGETS.idleRss);
  }
  return formatTable(
    [
      { header: 'measure' },
      { header: 'Bullseye', align: 'right' },
      { header: 'stock', align: 'right' },
      { header: 'ratio', align: 'right' },
      { header: 'target' },
      { header: 'verdict' },
    ],
    rows,
  );
}

/** Above this, other processes competed for the CPUs enough to distort latency (and ratios of it). */
const OTHER_CPU_TAINT_PERCENT = 10;

/** Says so when a relay measurement ran on a busy machine or with a starved bench process. */
function taintWarnings(relay: readonly RelayResult[]): string[] {
  const tainted = relay.filter((r) => r.skippedActions > 0 || r.otherCpuPercent > OTHER_CPU_TAINT_PERCENT);
  if (tainted.length === 0) return [];
  return [
    'WARNING: not a clean run. ' +
      tainted
        .map(
          (r) =>
            `${r.spec.name} ${SERVER_NAMES[r.server]}: other processes ${fixed(r.otherCpuPercent, 0)}% CPU, ` +
            `${r.skippedActions} client actions skipped`,
        )
        .join('; ') +
      '. Skipped actions mean the offered load differed between the servers; latency and its ratios ' +
      'are not comparable. Run again on a quiet machine.',
    '',
  ];
}
