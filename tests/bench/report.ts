import type { BenchConfig } from './benchConfig.js';
import type { LoadResult, LoadTimes } from './loadScenario.js';
import type { RelayResult } from './relayScenario.js';
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

export function printReport(
  config: BenchConfig,
  relay: readonly RelayResult[],
  load: LoadResult | undefined,
): void {
  const out: string[] = [];
  if (relay.length > 0) {
    out.push(
      `Relay (${config.warmupSeconds} s warm-up excluded, ${config.seconds} s measured; every client types ` +
        '2 characters and moves its cursor twice a second)',
      '',
      formatTable(
        [
          { header: 'scenario' },
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
        ],
      ),
      '',
    );
  }
  out.push('Targets (for reference)', '', ...targetLines(relay, load), '');
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
