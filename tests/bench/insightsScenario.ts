import Database from 'better-sqlite3';
import pg from 'pg';
import { STANDARD_EMPLOYEE_BANDS, type BestCustomerCondition, type InsightsDto } from '@bullseye/shared';
import { expectStatus } from '../support/actors.js';
import { request } from '../support/api.js';
import type { ServerProcess } from '../support/serverProcess.js';
import { percentile } from './percentile.js';
import { CpuWindow, MiB, readPeakRssBytes, readRssBytes, type CpuShares } from './processStats.js';
import { withTimeout } from './timeouts.js';

/** The best customers every insights measurement asks about: customers with an LTV in the top 25%. */
export const BEST_CUSTOMERS: BestCustomerCondition[] = [
  { op: 'in', field: 'status', values: ['customer'] },
  { op: 'top', field: 'ltv', percent: 25 },
];
const LTV_TOP_PERCENT = 25;

/** Longest one insights call (or one restart) may take. */
const CALL_TIMEOUT_MS = 300_000;

export interface Timings {
  runs: number;
  firstMs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface InsightsMeasure {
  /** The first call after the import: the commit built the columnar copy already. */
  afterImportMs: number;
  /** The first call after a restart: the server builds its columnar copy from the database. */
  coldMs: number;
  /** Calls after that, the columns in memory. */
  warm: Timings;
  /** CPU over the cold call, and over all warm calls: the server's CPU time per call is robust to a busy machine. */
  coldCpu: CpuShares;
  warmCpu: CpuShares;
  /** Server RSS right after the cold call, and its peak since the restart (VmHWM). */
  rssAfterColdMiB: number;
  peakRssSinceRestartMiB: number;
  total: number;
  bestCount: number;
  /** The LTV the top-25% condition resolved to. */
  ltvThreshold: number | null;
}

/**
 * Times POST /api/datasets/{id}/insights for BEST_CUSTOMERS against all accounts: once right after
 * the import, once after restarting the server on the same data (cold: the columnar copy is built
 * from the database), then `runs` more times (warm).
 */
export async function measureInsights(
  server: ServerProcess,
  datasetId: string,
  runs: number,
): Promise<InsightsMeasure> {
  const call = async (): Promise<{ ms: number; dto: InsightsDto }> => {
    const startedAt = performance.now();
    const response = await withTimeout(
      request<InsightsDto>(server, 'POST', `/api/datasets/${datasetId}/insights`, {
        body: { conditions: BEST_CUSTOMERS, comparison: 'all' },
      }),
      CALL_TIMEOUT_MS,
      'an insights call',
    );
    const ms = performance.now() - startedAt;
    return { ms, dto: expectStatus(response, 200, 'insights') };
  };
  const afterImport = await call();
  await withTimeout(server.stop(), CALL_TIMEOUT_MS, 'stopping the server');
  await withTimeout(server.restart(), CALL_TIMEOUT_MS, 'restarting the server');
  const coldCpu = new CpuWindow(server.pid);
  const cold = await call();
  const coldShares = coldCpu.end();
  const rssAfterCold = readRssBytes(server.pid);
  const peakSinceRestart = readPeakRssBytes(server.pid);
  const warm: number[] = [];
  const warmCpu = new CpuWindow(server.pid);
  for (let i = 0; i < runs; i++) warm.push((await call()).ms);
  return {
    afterImportMs: afterImport.ms,
    coldMs: cold.ms,
    warm: timings(warm),
    coldCpu: coldShares,
    warmCpu: warmCpu.end(),
    rssAfterColdMiB: rssAfterCold / MiB,
    peakRssSinceRestartMiB: peakSinceRestart / MiB,
    total: cold.dto.total,
    bestCount: cold.dto.bestCount,
    ltvThreshold: cold.dto.thresholds[1] ?? null,
  };
}

export function timings(samples: readonly number[]): Timings {
  return {
    runs: samples.length,
    firstMs: samples[0] ?? Number.NaN,
    medianMs: percentile(samples, 50),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
  };
}

/** Runs SQL with `?` placeholders on either database and returns plain rows. */
interface SqlRunner {
  all(text: string, params: readonly (string | number)[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** The server's SQLite file, opened read-only from the bench process (better-sqlite3, as the server). */
export function sqliteRunner(file: string): SqlRunner {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    all: async (text, params) => db.prepare(text).all(...params) as Record<string, unknown>[],
    close: async () => void db.close(),
  };
}

/** The server's PostgreSQL database, one connection from the bench process. */
export async function postgresRunner(url: string): Promise<SqlRunner> {
  const client = new pg.Client({ connectionString: url, statement_timeout: CALL_TIMEOUT_MS });
  await client.connect();
  return {
    all: async (text, params) => {
      let n = 0;
      return (
        await client.query(
          text.replace(/\?/g, () => `$${++n}`),
          [...params],
        )
      ).rows as Record<string, unknown>[];
    },
    close: () => client.end(),
  };
}

/** The employee bands of the insights (STANDARD_EMPLOYEE_BANDS) as a SQL CASE over whole numbers. */
const EMPLOYEE_BAND_SQL =
  'CASE ' +
  STANDARD_EMPLOYEE_BANDS.map((band, i) => {
    const low = band.min === null ? '' : `employees >= ${band.min}`;
    // A band holds a value whose whole part is at most its max: below max + 1.
    const high = band.max === null ? '' : `employees < ${band.max + 1}`;
    return `WHEN ${[low, high].filter(Boolean).join(' AND ')} THEN ${i}`;
  }).join(' ') +
  ' END';

/** What the reference groups by: the dimensions of the insights that are one column (or a CASE of it). */
const DIMENSIONS: readonly [string, string][] = [
  ['industry', 'industry'],
  ['country', 'country'],
  ['region', 'region'],
  ['employees', EMPLOYEE_BAND_SQL],
];

export interface SqlReferenceRun {
  ms: number;
  bestCount: number;
  ltvThreshold: number | null;
}

/**
 * The insights' counting done by the database instead: the LTV threshold of the top 25% of
 * customers (count, then ORDER BY … OFFSET), then per dimension one
 * `SELECT <value>, count(*), sum(CASE WHEN <best> THEN 1 ELSE 0 END) … GROUP BY` over the dataset's
 * accounts. Timed as a whole; `bestCount` sums one dimension's best counts (every account has a
 * group, unknown values included), to check it matches the server's.
 */
export async function sqlGroupByReference(db: SqlRunner, datasetId: string): Promise<SqlReferenceRun> {
  const startedAt = performance.now();
  const known = "dataset_id = ? AND status = 'customer' AND ltv IS NOT NULL";
  const [counted] = await db.all(`SELECT count(*) AS m FROM dataset_accounts WHERE ${known}`, [datasetId]);
  const m = Number(counted!.m);
  let threshold: number | null = null;
  if (m > 0) {
    const rank = Math.min(m, Math.max(1, Math.ceil((m * LTV_TOP_PERCENT) / 100)));
    const [row] = await db.all(
      `SELECT ltv FROM dataset_accounts WHERE ${known} ORDER BY ltv DESC LIMIT 1 OFFSET ?`,
      [datasetId, rank - 1],
    );
    threshold = Number(row!.ltv);
  }
  let bestCount = 0;
  for (const [name, expression] of DIMENSIONS) {
    const groups = await db.all(
      `SELECT ${expression} AS value, count(*) AS n, ` +
        "sum(CASE WHEN status = 'customer' AND ltv >= ? THEN 1 ELSE 0 END) AS best " +
        'FROM dataset_accounts WHERE dataset_id = ? GROUP BY 1',
      [threshold ?? Number.MAX_VALUE, datasetId],
    );
    if (name === 'industry') bestCount = groups.reduce((sum, g) => sum + Number(g.best), 0);
  }
  return { ms: performance.now() - startedAt, bestCount, ltvThreshold: threshold };
}

export interface SqlReference {
  times: Timings;
  /** Over all runs; with SQLite the work is the bench process's, with PostgreSQL the database's ("other"). */
  cpu: CpuShares;
  bestCount: number;
  ltvThreshold: number | null;
}

/** `runs` timed runs of the reference, the server (`serverPid`) idle meanwhile. */
export async function runSqlReference(
  db: SqlRunner,
  datasetId: string,
  runs: number,
  serverPid: number,
): Promise<SqlReference> {
  const results: SqlReferenceRun[] = [];
  const cpu = new CpuWindow(serverPid);
  for (let i = 0; i < runs; i++) results.push(await sqlGroupByReference(db, datasetId));
  return {
    times: timings(results.map((r) => r.ms)),
    cpu: cpu.end(),
    bestCount: results[0]!.bestCount,
    ltvThreshold: results[0]!.ltvThreshold,
  };
}
