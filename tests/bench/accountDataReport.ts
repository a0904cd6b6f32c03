import {
  BACKEND_NAMES,
  type AccountDataResult,
  type BackendResult,
  type ImportMeasure,
} from './accountDataScenario.js';
import type { RelayWindow } from './relayScenario.js';
import { fixed, formatTable, ratio, thousands } from './table.js';

/** The targets of the account-data part; printed next to the results, never enforced. */
export const ACCOUNT_DATA_TARGETS = {
  /** Import speed on SQLite, mapping confirmed → done. */
  importRowsPerSecond: 50_000,
  /** Server RSS throughout the upload and import on SQLite. */
  importRssMiB: 300,
  /** Insights over the imported accounts on SQLite (the cold call, and warm ones). */
  insightsMs: 1_500,
  /** Relay p99 during an import, relative to the same room without one. */
  relayP99DuringImport: 2,
} as const;

/** Above this, other processes competed for the CPUs enough to distort times and latency. */
const OTHER_CPU_TAINT_PERCENT = 10;

const seconds = (ms: number): string => fixed(ms / 1_000, 1);

export function printAccountDataReport(result: AccountDataResult): void {
  const out: string[] = [];
  const { parse } = result;
  const rows = thousands(result.rows);
  const imports: [string, ImportMeasure | undefined, string | undefined][] = [
    ...result.backends.map(
      (b) =>
        [`Bullseye, ${BACKEND_NAMES[b.backend]}`, b.import, b.error] as [
          string,
          ImportMeasure | undefined,
          string | undefined,
        ],
    ),
    [
      `Bullseye, SQLite, ${result.coEditing.spec.name} co-editing meanwhile`,
      result.coEditing.import,
      result.coEditing.error,
    ],
  ];

  out.push(
    `Account data: import of ${rows} rows (${fixed(result.fileBytes / 1e6, 0)} MB HubSpot-style CSV, generated in ` +
      `${seconds(result.generateMs)} s), uploaded in 8 MiB chunks, suggested mapping; ` +
      'ratio = import time / csv-parse alone (the cost of typing and storing), lower is better',
    '',
    formatTable(
      [
        { header: 'run' },
        { header: 'rows', align: 'right' },
        { header: 'upload s', align: 'right' },
        { header: 'upload MB/s', align: 'right' },
        { header: 'import s', align: 'right' },
        { header: 'rows/s', align: 'right' },
        { header: 'ratio', align: 'right' },
        { header: 'server peak RSS MiB, upload / import (100 ms samples)', align: 'right' },
        { header: 'server VmHWM MiB', align: 'right' },
      ],
      [
        [
          'csv-parse alone, in the bench process (reference)',
          thousands(parse.rows),
          '–',
          '–',
          seconds(parse.ms),
          thousands(parse.rowsPerSecond),
          '1.00×',
          '–',
          '–',
        ],
        ...imports.map(([name, m, error]) =>
          m
            ? [
                name,
                thousands(m.rows),
                seconds(m.uploadMs),
                fixed(m.fileBytes / 1e6 / (m.uploadMs / 1_000), 0),
                seconds(m.importMs),
                thousands(m.rowsPerSecond),
                ratio(m.importMs, parse.ms),
                `${fixed(m.uploadPeakRssMiB, 0)} / ${fixed(m.importPeakRssMiB, 0)}`,
                fixed(m.hwmMiB, 0),
              ]
            : [name, error ? `failed: ${error}` : 'not measured'],
        ),
      ],
    ),
    '',
    'Import context (CPU as % of one core; with PostgreSQL its own processes are in "other"; rows / CPU s: ' +
      "rows per second of the server's CPU time, of the bench's for csv-parse, which a busy machine affects less)",
    '',
    formatTable(
      [
        { header: 'run' },
        { header: 'phase' },
        { header: 'server CPU %', align: 'right' },
        { header: 'bench CPU %', align: 'right' },
        { header: 'other processes CPU %', align: 'right' },
        { header: 'rows / CPU s', align: 'right' },
        { header: 'rows read / good / bad / duplicates', align: 'right' },
      ],
      [
        [
          'csv-parse alone (reference)',
          'parse',
          '–',
          fixed(parse.cpu.benchCpuPercent, 0),
          fixed(parse.cpu.otherCpuPercent, 0),
          thousands(parse.rows / (parse.cpu.benchCpuMs / 1_000)),
          thousands(parse.rows),
        ],
        ...imports.flatMap(([name, m]) =>
          m
            ? [
                [
                  name,
                  'upload',
                  fixed(m.uploadCpu.serverCpuPercent, 0),
                  fixed(m.uploadCpu.benchCpuPercent, 0),
                  fixed(m.uploadCpu.otherCpuPercent, 0),
                  '',
                  '',
                ],
                [
                  name,
                  'import',
                  fixed(m.importCpu.serverCpuPercent, 0),
                  fixed(m.importCpu.benchCpuPercent, 0),
                  fixed(m.importCpu.otherCpuPercent, 0),
                  thousands(m.rows / ((m.importMs / 1_000) * (m.importCpu.serverCpuPercent / 100))),
                  [m.report.rowsRead, m.report.goodRows, m.report.badRows, m.report.duplicates]
                    .map(thousands)
                    .join(' / '),
                ],
              ]
            : [],
        ),
      ],
    ),
    '',
  );

  out.push(
    `Insights over the ${rows} accounts (best customers: status customer and LTV in the top 25%, against all ` +
      'accounts); ratio = time / the SQL reference median on the same database; CPU ms / call: the ' +
      "server's (the SQLite reference: the bench process's; PostgreSQL's own work is in other CPU)",
    '',
    formatTable(
      [
        { header: 'database' },
        { header: 'what' },
        { header: 'first ms', align: 'right' },
        { header: 'median ms', align: 'right' },
        { header: 'min–max ms', align: 'right' },
        { header: 'ratio', align: 'right' },
        { header: 'CPU ms / call', align: 'right' },
        { header: 'other CPU %', align: 'right' },
      ],
      result.backends.flatMap((b) => insightsRows(b)),
    ),
    '',
    ...insightsChecks(result.backends),
  );

  const co = result.coEditing;
  const windows: [string, RelayWindow | undefined][] = [
    ['no import (reference)', co.without],
    ['during the upload', co.duringUpload],
    ['during the import (mapping confirmed → done)', co.duringImport],
  ];
  out.push(
    `Co-editing during an import: relay latency of one ICP with ${co.spec.clientsPerIcp} clients typing (SQLite); ` +
      'ratio = p99 / p99 without an import',
    '',
    formatTable(
      [
        { header: 'window' },
        { header: 's', align: 'right' },
        { header: 'edits delivered', align: 'right' },
        { header: 'p50 ms', align: 'right' },
        { header: 'p95 ms', align: 'right' },
        { header: 'p99 ms', align: 'right' },
        { header: 'max ms', align: 'right' },
        { header: 'ratio', align: 'right' },
        { header: 'server CPU %', align: 'right' },
        { header: 'bench CPU %', align: 'right' },
        { header: 'other CPU %', align: 'right' },
        { header: 'skipped actions', align: 'right' },
      ],
      windows.map(([name, w]) =>
        w
          ? [
              name,
              seconds(w.elapsedMs),
              w.deliveriesReceived === w.deliveriesExpected
                ? String(w.deliveriesReceived)
                : `${w.deliveriesReceived} of ${w.deliveriesExpected}`,
              fixed(w.p50Ms, 1),
              fixed(w.p95Ms, 1),
              fixed(w.p99Ms, 1),
              fixed(w.maxMs, 1),
              co.without ? ratio(w.p99Ms, co.without.p99Ms) : '–',
              fixed(w.serverCpuPercent, 0),
              fixed(w.clientCpuPercent, 0),
              fixed(w.otherCpuPercent, 0),
              String(w.skippedActions),
            ]
          : [name, co.error ? `failed: ${co.error}` : 'not measured'],
      ),
    ),
    '',
    ...taintWarnings(result),
    'Account-data targets (for reference)',
    '',
    ...targetLines(result),
    '',
  );
  console.log(out.join('\n'));
}

function insightsRows(b: BackendResult): string[][] {
  const db = BACKEND_NAMES[b.backend];
  if (!b.insights && !b.reference) return [[db, b.error ? `failed: ${b.error}` : 'not measured']];
  const ref = b.reference?.times.medianMs ?? Number.NaN;
  const rows: string[][] = [];
  if (b.reference) {
    const { times: t, cpu } = b.reference;
    rows.push([
      db,
      `SQL GROUP BY per dimension from the bench process (reference, ${t.runs} runs)`,
      fixed(t.firstMs, 0),
      fixed(t.medianMs, 0),
      `${fixed(t.minMs, 0)}–${fixed(t.maxMs, 0)}`,
      '1.00×',
      b.backend === 'sqlite' ? fixed(cpu.benchCpuMs / t.runs, 0) : '–',
      fixed(cpu.otherCpuPercent, 0),
    ]);
  }
  if (b.insights) {
    const i = b.insights;
    rows.push(
      [
        db,
        'Bullseye, first call after the import (columns built at commit)',
        fixed(i.afterImportMs, 0),
        '',
        '',
        ratio(i.afterImportMs, ref),
      ],
      [
        db,
        'Bullseye, cold: first call after a restart (builds its columnar copy)',
        fixed(i.coldMs, 0),
        '',
        '',
        ratio(i.coldMs, ref),
        fixed(i.coldCpu.serverCpuMs, 0),
        fixed(i.coldCpu.otherCpuPercent, 0),
      ],
      [
        db,
        `Bullseye, warm (${i.warm.runs} calls)`,
        fixed(i.warm.firstMs, 0),
        fixed(i.warm.medianMs, 0),
        `${fixed(i.warm.minMs, 0)}–${fixed(i.warm.maxMs, 0)}`,
        ratio(i.warm.medianMs, ref),
        fixed(i.warmCpu.serverCpuMs / i.warm.runs, 0),
        fixed(i.warmCpu.otherCpuPercent, 0),
      ],
    );
  }
  return rows;
}

/** The server's answer and the SQL reference must agree on who the best customers are. */
function insightsChecks(backends: readonly BackendResult[]): string[] {
  const lines = backends.flatMap((b) => {
    if (!b.insights || !b.reference) return [];
    const same =
      b.insights.bestCount === b.reference.bestCount && b.insights.ltvThreshold === b.reference.ltvThreshold;
    return [
      `- ${BACKEND_NAMES[b.backend]}: ${same ? 'agree' : 'DISAGREE'}: insights ${thousands(b.insights.bestCount)} best ` +
        `customers of ${thousands(b.insights.total)} (LTV ≥ ${b.insights.ltvThreshold}), SQL ${thousands(b.reference.bestCount)} ` +
        `(LTV ≥ ${b.reference.ltvThreshold}); server RSS after the cold call ${fixed(b.insights.rssAfterColdMiB, 0)} MiB, ` +
        `peak since the restart ${fixed(b.insights.peakRssSinceRestartMiB, 0)} MiB`,
    ];
  });
  return lines.length > 0 ? ['Checks', '', ...lines, ''] : [];
}

function taintWarnings(result: AccountDataResult): string[] {
  const busy: string[] = [];
  const note = (what: string, other: number) => {
    if (other > OTHER_CPU_TAINT_PERCENT) busy.push(`${what} ${fixed(other, 0)}%`);
  };
  note('parse', result.parse.cpu.otherCpuPercent);
  for (const b of result.backends) {
    // PostgreSQL's own processes count as "other"; only SQLite runs say something about the machine.
    if (b.backend === 'sqlite' && b.import)
      note(`${BACKEND_NAMES[b.backend]} import`, b.import.importCpu.otherCpuPercent);
  }
  const sqliteInsights = result.backends.find((b) => b.backend === 'sqlite')?.insights;
  if (sqliteInsights) {
    note('SQLite cold insights', sqliteInsights.coldCpu.otherCpuPercent);
    note('SQLite warm insights', sqliteInsights.warmCpu.otherCpuPercent);
  }
  const co = result.coEditing;
  if (co.without) note('co-editing without import', co.without.otherCpuPercent);
  if (co.duringImport) note('co-editing during import', co.duringImport.otherCpuPercent);
  const skipped = [co.without, co.duringUpload, co.duringImport].reduce(
    (n, w) => n + (w?.skippedActions ?? 0),
    0,
  );
  if (busy.length === 0 && skipped === 0) return [];
  return [
    `WARNING: not a clean run: other processes used CPU (${busy.join(', ') || 'none above ' + OTHER_CPU_TAINT_PERCENT + '%'})` +
      `${skipped > 0 ? `, ${skipped} client actions skipped` : ''}. Times, rates and latency are not comparable ` +
      'with other runs; run again on a quiet machine.',
    '',
  ];
}

function targetLines(result: AccountDataResult): string[] {
  const t = ACCOUNT_DATA_TARGETS;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const sqlite = result.backends.find((b) => b.backend === 'sqlite');
  const m = sqlite?.import;
  const i = sqlite?.insights;
  const co = result.coEditing;
  const p99Ratio = co.without && co.duringImport ? co.duringImport.p99Ms / co.without.p99Ms : Number.NaN;
  return [
    m
      ? `- import ≥ ${thousands(t.importRowsPerSecond)} rows/s on SQLite: ${thousands(m.rowsPerSecond)} rows/s ${verdict(m.rowsPerSecond >= t.importRowsPerSecond)}`
      : '- import rows/s on SQLite: not measured',
    m
      ? `- server RSS < ${t.importRssMiB} MiB throughout the SQLite upload and import: sampled peak ` +
        `${fixed(Math.max(m.uploadPeakRssMiB, m.importPeakRssMiB), 0)} MiB, VmHWM ${fixed(m.hwmMiB, 0)} MiB ` +
        verdict(Math.max(m.uploadPeakRssMiB, m.importPeakRssMiB, m.hwmMiB) < t.importRssMiB)
      : '- server RSS during the SQLite import: not measured',
    i
      ? `- insights < ${thousands(t.insightsMs)} ms on SQLite: cold ${fixed(i.coldMs, 0)} ms ${verdict(i.coldMs < t.insightsMs)}, ` +
        `warm median ${fixed(i.warm.medianMs, 0)} ms ${verdict(i.warm.medianMs < t.insightsMs)}`
      : '- insights on SQLite: not measured',
    Number.isFinite(p99Ratio)
      ? `- relay p99 during an import ≤ ${t.relayP99DuringImport}× without: ${fixed(co.duringImport!.p99Ms, 1)} ms vs ` +
        `${fixed(co.without!.p99Ms, 1)} ms = ${fixed(p99Ratio, 2)}× ${verdict(p99Ratio <= t.relayP99DuringImport)}`
      : '- relay p99 during an import: not measured',
  ];
}
