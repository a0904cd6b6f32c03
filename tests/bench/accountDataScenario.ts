import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportReport } from '@bullseye/shared';
import { createTempDatabase, POSTGRES_ADMIN_URL } from '../support/postgres.js';
import { writeSampleCsv, parseOnly } from './accountCsv.js';
import type { BenchConfig, RelayScenarioSpec } from './benchConfig.js';
import { BullseyeTarget, startTarget, stopTarget } from './benchServer.js';
import { registerCleanup } from './cleanup.js';
import { uploadCsvFile, runImport, type Uploaded } from './datasetImport.js';
import {
  measureInsights,
  postgresRunner,
  runSqlReference,
  sqliteRunner,
  type InsightsMeasure,
  type SqlReference,
} from './insightsScenario.js';
import { CpuWindow, MiB, readPeakRssBytes, RssSampler, type CpuShares } from './processStats.js';
import { RelayLoad, type RelayWindow } from './relayScenario.js';
import { sleep } from './timeouts.js';

export type Backend = 'sqlite' | 'postgres';

export const BACKEND_NAMES: Record<Backend, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** The co-editing room measured during an import: one ICP, five people typing. */
export const CO_EDITING_SPEC: RelayScenarioSpec = { name: '1×5', icps: 1, clientsPerIcp: 5 };

/** How often the server's RSS is sampled during an upload and import. */
const RSS_SAMPLE_MS = 100;

export interface ImportMeasure {
  rows: number;
  fileBytes: number;
  uploadMs: number;
  /** Mapping confirmed → `done` (the commit, which builds the columnar copy, included). */
  importMs: number;
  rowsPerSecond: number;
  /** Largest VmRSS sampled every RSS_SAMPLE_MS during the upload (dataset created → last chunk answered). */
  uploadPeakRssMiB: number;
  /** Largest VmRSS sampled every RSS_SAMPLE_MS during the import (mapping confirmed → `done`). */
  importPeakRssMiB: number;
  /** VmHWM at `done`: the kernel's peak over the server's whole life (a fresh server per import). */
  hwmMiB: number;
  uploadCpu: Pick<CpuShares, 'serverCpuPercent' | 'benchCpuPercent' | 'otherCpuPercent'>;
  importCpu: Pick<CpuShares, 'serverCpuPercent' | 'benchCpuPercent' | 'otherCpuPercent'>;
  report: ImportReport;
}

/** One backend's import and insights; what failed is reported instead of ending the run. */
export interface BackendResult {
  backend: Backend;
  import?: ImportMeasure;
  insights?: InsightsMeasure;
  reference?: SqlReference;
  error?: string;
}

export interface CoEditingResult {
  spec: RelayScenarioSpec;
  /** The reference: the same room, same server, no import. */
  without?: RelayWindow;
  duringUpload?: RelayWindow;
  duringImport?: RelayWindow;
  import?: ImportMeasure;
  error?: string;
}

export interface AccountDataResult {
  rows: number;
  fileBytes: number;
  generateMs: number;
  /** csv-parse alone on the same file in the bench process: the import's reference. */
  parse: { rows: number; ms: number; rowsPerSecond: number; cpu: CpuShares };
  backends: BackendResult[];
  coEditing: CoEditingResult;
}

/** The longest a whole import of `rows` may take before the run gives up (≥ 2,000 rows/s). */
export function importTimeoutMs(rows: number): number {
  return Math.max(120_000, rows * 0.5);
}

/** Generous upper bound of the whole account-data part, for the run's watchdog. */
export function accountDataBudgetMs(config: BenchConfig): number {
  const rows = config.importRows;
  const perServer = 120_000 + rows * 0.1 + importTimeoutMs(rows);
  const insights = 2 * (60_000 + (config.insightsRuns + 2) * (30_000 + rows * 0.02));
  return 120_000 + rows * 0.3 + 3 * perServer + insights + (config.warmupSeconds + config.seconds) * 1_000;
}

/**
 * The account-data part of the bench: generates the CSV once (streamed to a temp file), parses it
 * with csv-parse alone (the reference), imports it through the API on SQLite and on PostgreSQL
 * (upload in 8 MiB chunks, suggested mapping, wait for `done`), times the insights over it (cold and
 * warm) next to SQL GROUP BYs on the same database, then measures relay latency in a small room
 * without and during a third import (SQLite). Temp files, servers and databases are removed at the
 * end, also on failure.
 */
export async function runAccountDataScenario(config: BenchConfig): Promise<AccountDataResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-bench-import-'));
  const removeDir = registerCleanup(`temp directory ${dir}`, () =>
    fs.rmSync(dir, { recursive: true, force: true }),
  );
  try {
    const file = path.join(dir, 'hubspot-companies.csv');
    const rows = config.importRows;
    console.error(`bench: import: writing ${rows} generated accounts as a HubSpot export…`);
    const generatedAt = performance.now();
    const fileBytes = await writeSampleCsv(file, rows);
    const generateMs = performance.now() - generatedAt;

    console.error(`bench: import: reference, csv-parse alone over ${(fileBytes / MiB).toFixed(0)} MiB…`);
    const parseCpu = new CpuWindow();
    const parsed = await parseOnly(file);
    const parse = { ...parsed, rowsPerSecond: (parsed.rows / parsed.ms) * 1_000, cpu: parseCpu.end() };

    const backends: BackendResult[] = [];
    for (const backend of ['sqlite', 'postgres'] as const) {
      console.error(`bench: import: ${BACKEND_NAMES[backend]}, import then insights…`);
      backends.push(await runBackend(backend, file, config));
    }
    console.error(`bench: import: co-editing (${CO_EDITING_SPEC.name}) without and during an import…`);
    const coEditing = await runCoEditing(file, config);
    return { rows, fileBytes, generateMs, parse, backends, coEditing };
  } finally {
    await removeDir();
  }
}

/** Import, then insights and the SQL reference, on a fresh server on `backend`. */
async function runBackend(backend: Backend, file: string, config: BenchConfig): Promise<BackendResult> {
  const result: BackendResult = { backend };
  let dropDatabase: (() => Promise<void>) | undefined;
  let target: BullseyeTarget | undefined;
  try {
    let databaseUrl: string | undefined;
    if (backend === 'postgres') {
      const database = await createTempDatabase().catch((error: unknown) => {
        throw new Error(`no PostgreSQL at ${redact(POSTGRES_ADMIN_URL)}: ${String(error)}`);
      });
      dropDatabase = registerCleanup(`database ${redact(database.url)}`, () => database.drop());
      databaseUrl = database.url;
    }
    const started = await startTarget('bullseye', {}, config.serverNodeArgs, true, databaseUrl);
    if (!(started instanceof BullseyeTarget)) throw new Error('expected a Bullseye server');
    target = started;
    const server = target.server;
    const uploadRss = new RssSampler(server.pid, RSS_SAMPLE_MS).start();
    const uploadCpu = new CpuWindow(server.pid);
    const uploaded = await sampling(uploadRss, () =>
      uploadCsvFile(server, server.admin!.workspaceId, 'Bench accounts', file),
    );
    const uploadShares = uploadCpu.end();
    const importRss = new RssSampler(server.pid, RSS_SAMPLE_MS).start();
    const importCpu = new CpuWindow(server.pid);
    const imported = await sampling(importRss, () =>
      runImport(server, uploaded.upload, importTimeoutMs(config.importRows)),
    );
    result.import = importMeasure(uploaded, imported, {
      uploadPeak: uploadRss.peakBytes,
      importPeak: importRss.peakBytes,
      hwm: readPeakRssBytes(server.pid),
      uploadCpu: uploadShares,
      importCpu: importCpu.end(),
    });

    const datasetId = uploaded.dataset.id;
    result.insights = await measureInsights(server, datasetId, config.insightsRuns);
    // The reference runs against the same database while the server idles.
    const db =
      backend === 'sqlite'
        ? sqliteRunner(path.join(server.dataDir, 'bullseye.sqlite'))
        : await postgresRunner(databaseUrl!);
    try {
      result.reference = await runSqlReference(db, datasetId, config.insightsRuns, server.pid);
    } finally {
      await db.close();
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    console.error(`bench: import on ${BACKEND_NAMES[backend]} failed:`, error);
  } finally {
    if (target) await stopTarget(target);
    await dropDatabase?.();
  }
  return result;
}

/**
 * One ICP with five typing clients on a fresh SQLite server: relay latency over BENCH_SECONDS
 * without an import (the reference), then during the upload, then during the import of the same
 * file, each a window of the same load.
 */
async function runCoEditing(file: string, config: BenchConfig): Promise<CoEditingResult> {
  const result: CoEditingResult = { spec: CO_EDITING_SPEC };
  let target: BullseyeTarget | undefined;
  let load: RelayLoad | undefined;
  try {
    const started = await startTarget('bullseye', {}, config.serverNodeArgs);
    if (!(started instanceof BullseyeTarget)) throw new Error('expected a Bullseye server');
    target = started;
    const server = target.server;
    load = new RelayLoad(target, CO_EDITING_SPEC);
    await load.open(await target.createRooms(CO_EDITING_SPEC.icps, 'import co-editing'));
    await sleep(config.warmupSeconds * 1_000);
    result.without = await load.measure(() => sleep(config.seconds * 1_000));

    const uploadRss = new RssSampler(server.pid, RSS_SAMPLE_MS).start();
    let uploaded: Uploaded | undefined;
    result.duringUpload = await load.measure(() =>
      sampling(uploadRss, async () => {
        uploaded = await uploadCsvFile(
          server,
          server.admin!.workspaceId,
          'Bench accounts (co-editing)',
          file,
        );
      }),
    );
    const importRss = new RssSampler(server.pid, RSS_SAMPLE_MS).start();
    let imported: Imported | undefined;
    result.duringImport = await load.measure(
      () =>
        sampling(importRss, async () => {
          imported = await runImport(server, uploaded!.upload, importTimeoutMs(config.importRows));
        }),
      { last: true },
    );
    const cpuOf = (w: RelayWindow) => ({
      serverCpuPercent: w.serverCpuPercent,
      benchCpuPercent: w.clientCpuPercent,
      otherCpuPercent: w.otherCpuPercent,
    });
    result.import = importMeasure(uploaded!, imported!, {
      uploadPeak: uploadRss.peakBytes,
      importPeak: importRss.peakBytes,
      hwm: readPeakRssBytes(server.pid),
      uploadCpu: cpuOf(result.duringUpload),
      importCpu: cpuOf(result.duringImport),
    });
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    console.error('bench: co-editing during an import failed:', error);
  } finally {
    load?.close();
    if (target) await stopTarget(target);
  }
  return result;
}

type Imported = Awaited<ReturnType<typeof runImport>>;

/** Runs `work` while `sampler` samples, and stops the sampler however it ends. */
async function sampling<T>(sampler: RssSampler, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    sampler.stop();
  }
}

function importMeasure(
  uploaded: Uploaded,
  imported: Imported,
  stats: {
    uploadPeak: number;
    importPeak: number;
    hwm: number;
    uploadCpu: ImportMeasure['uploadCpu'];
    importCpu: ImportMeasure['importCpu'];
  },
): ImportMeasure {
  const report = imported.done.report!;
  return {
    rows: report.rowsRead,
    fileBytes: uploaded.fileBytes,
    uploadMs: uploaded.uploadMs,
    importMs: imported.importMs,
    rowsPerSecond: (report.rowsRead / imported.importMs) * 1_000,
    uploadPeakRssMiB: stats.uploadPeak / MiB,
    importPeakRssMiB: stats.importPeak / MiB,
    hwmMiB: stats.hwm / MiB,
    uploadCpu: pick(stats.uploadCpu),
    importCpu: pick(stats.importCpu),
    report,
  };
}

const pick = (c: ImportMeasure['importCpu']): ImportMeasure['importCpu'] => ({
  serverCpuPercent: c.serverCpuPercent,
  benchCpuPercent: c.benchCpuPercent,
  otherCpuPercent: c.otherCpuPercent,
});

/** A database URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
