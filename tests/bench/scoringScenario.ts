import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import {
  GRADE_BUCKETS,
  createScorer,
  gradeOf,
  type DatasetScoringDto,
  type ScoreResponse,
  type ScoringAccount,
  type ScoringModel,
  type ScoringModelResponse,
  type VersionDto,
} from '@bullseye/shared';
import { createTempDatabase, POSTGRES_ADMIN_URL, type TempDatabase } from '../support/postgres.js';
import { expectStatus } from '../support/actors.js';
import { request } from '../support/api.js';
import type { ServerProcess } from '../support/serverProcess.js';
import { StorageInspector } from '../support/storage.js';
import { writeSampleCsv } from './accountCsv.js';
import { BACKEND_NAMES, importTimeoutMs, redact, type Backend } from './accountDataScenario.js';
import type { BenchConfig } from './benchConfig.js';
import { BullseyeTarget, startTarget, stopTarget } from './benchServer.js';
import { registerCleanup } from './cleanup.js';
import { runImport, uploadCsvFile } from './datasetImport.js';
import { fixedRate, healthzRequest, type RateWindow } from './fixedRate.js';
import { timings, type Timings } from './insightsScenario.js';
import { openClient } from './openClient.js';
import { CpuWindow, type CpuShares } from './processStats.js';
import { benchAccounts, benchIcp, referenceScorer } from './scoringIcp.js';
import { pollUntil, sleep, withTimeout } from './timeouts.js';

/** Accounts per call of the batch measurement: the most one call may carry. */
export const BATCH_ACCOUNTS = 10_000;
/** Timed batch calls (and in-process reference runs), after one untimed call each. */
const BATCH_CALLS = 7;
/** Timed dataset scorings (and accounts downloads, the reference), alternating. */
const DATASET_RUNS = 3;
/**
 * The servers unload an ICP nobody has open after this (default 5 s), so that unloading the bench
 * ICP (compacting its log, a synchronous commit) happens before anything is measured, not in it.
 */
const UNLOAD_DELAY_MS = 300;
/** Margin after UNLOAD_DELAY_MS for the close to reach the server and the unload to run. */
const UNLOAD_MARGIN_MS = 400;

export interface InProcessMeasure {
  accounts: number;
  runs: number;
  /** Generating the accounts and converting them to ScoringAccount (untimed by the runs). */
  generateMs: number;
  /** One pass over all accounts, per scorer. */
  scoreOnly: Timings;
  score: Timings;
  reference: Timings;
  /** Over all timed runs: the bench process alone works (no server runs yet). */
  cpu: CpuShares;
  /** Accounts where `score` (its score) or the reference disagreed with `scoreOnly`. */
  scoreMismatches: number;
  referenceMismatches: number;
  /** Accounts per grade bucket (A, B, C, D, none) by `scoreOnly`: what the dataset scoring must find. */
  grades: number[];
}

export interface HttpMeasure {
  /** The version number the requests name (`?version=`). */
  version: number;
  score: RateWindow;
  /** The reference: GET /healthz at the same rate on the same server. */
  healthz: RateWindow;
  /** Answers whose score differs from the in-process one for the same account. */
  mismatches: number;
}

export interface BatchMeasure {
  accounts: number;
  requestBytes: number;
  responseBytes: number;
  /** Request sent → whole answer received. */
  http: Timings;
  /** The reference: `score` (with explanation) over the same accounts in the bench process. */
  inProcess: Timings;
  mismatches: number;
}

export interface DatasetMeasure {
  backend: Backend;
  /** Why it did not run (no PostgreSQL): not a failure. */
  skipped?: string;
  error?: string;
  rows?: number;
  importMs?: number;
  /** POST /icps/:id/scorings: request → answer, and the server's own `elapsedMs`. */
  scoring?: Timings;
  serverElapsed?: Timings;
  /** The reference: GET /datasets/:id/accounts?format=csv, the whole file received. */
  download?: Timings;
  downloadBytes?: number;
  downloadLines?: number;
  /** Mean of the server's CPU % over the calls, largest other-processes CPU %. */
  scoringServerCpuPercent?: number;
  downloadServerCpuPercent?: number;
  otherCpuPercent?: number;
  total?: number;
  /** The server's grade counts (A, B, C, D, none), to compare with the in-process ones. */
  grades?: number[];
}

export interface ScoringResult {
  cpus: number;
  cpuModel: string;
  model: { hash: string; criteria: number; disqualifiers: number; manualChecks: number };
  inProcess?: InProcessMeasure;
  http?: HttpMeasure;
  batch?: BatchMeasure;
  datasets: DatasetMeasure[];
  /** A failure outside the parts' own (accounts, the server, the ICP). */
  error?: string;
  httpError?: string;
  batchError?: string;
}

/** Longest one dataset scoring or accounts download of `rows` may take (≥ 10,000 rows/s). */
function callTimeoutMs(rows: number): number {
  return Math.max(60_000, rows * 0.1);
}

/** Generous upper bound of the whole scoring part, for the run's watchdog. */
export function scoringBudgetMs(config: BenchConfig): number {
  const n = config.scoringAccounts;
  const inProcess = 60_000 + n * 0.05 + n * (config.scoringRuns + 1) * 0.1;
  const http = 2 * ((config.warmupSeconds + config.scoringSeconds) * 1_000 + 30_000);
  const batch = 2 * (BATCH_CALLS + 1) * 30_000;
  const perBackend =
    120_000 + n * 0.1 + importTimeoutMs(n) + 2 * DATASET_RUNS * callTimeoutMs(n) + 2 * 30_000;
  return 120_000 + inProcess + http + batch + n * 0.3 + 2 * perBackend;
}

/**
 * The scoring part of the bench: BENCH_ICP's model scores the generated accounts in the bench
 * process (scoreOnly, score with explanation, and a hand-written reference, one core, before any
 * server runs), then a fresh SQLite server gets the same ICP (written by a collaboration client,
 * named as a version) and answers one account per call at a fixed rate (next to GET /healthz),
 * 10,000 accounts per call (next to the same scoring in process), and scores the imported
 * 1,000,000-account dataset (next to downloading it as CSV); then the dataset part again on
 * PostgreSQL when one is reachable. Servers, the CSV and the database are removed at the end, also
 * on failure.
 */
export async function runScoringScenario(config: BenchConfig): Promise<ScoringResult> {
  const icp = benchIcp();
  const { model } = icp;
  const cpus = os.cpus();
  const result: ScoringResult = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    model: {
      hash: model.hash,
      criteria: model.criteria.length,
      disqualifiers: model.disqualifiers.length,
      manualChecks: model.manualChecks.length,
    },
    datasets: [],
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-bench-scoring-'));
  const removeDir = registerCleanup(`temp directory ${dir}`, () =>
    fs.rmSync(dir, { recursive: true, force: true }),
  );
  let target: BullseyeTarget | undefined;
  try {
    const n = config.scoringAccounts;
    console.error(`bench: scoring: generating ${n} accounts, then scoring them in process…`);
    const generatedAt = performance.now();
    const accounts = benchAccounts(n);
    const generateMs = performance.now() - generatedAt;
    result.inProcess = measureInProcess(model, accounts, config.scoringRuns, generateMs);
    const scorer = createScorer(model);
    const expected = Int16Array.from(accounts, (a) => scorer.scoreOnly(a));

    console.error('bench: scoring: the same ICP on a fresh SQLite server, named as a version…');
    target = await startBullseye(config);
    const server = target.server;
    const { icpId, version } = await provisionIcp(target, icp, undefined);
    try {
      console.error(
        `bench: scoring: one account per call at ${config.scoringRps}/s, then GET /healthz at the same rate…`,
      );
      result.http = await measureHttp(server, icpId, version, accounts, expected, config);
    } catch (error) {
      result.httpError = messageOf(error);
      console.error('bench: scoring over HTTP failed:', error);
    }
    try {
      console.error(`bench: scoring: ${BATCH_ACCOUNTS} accounts per call…`);
      result.batch = await measureBatch(server, icpId, version, model, accounts, expected);
    } catch (error) {
      result.batchError = messageOf(error);
      console.error('bench: scoring 10,000 accounts per call failed:', error);
    }

    const file = path.join(dir, 'hubspot-companies.csv');
    console.error(`bench: scoring: writing the ${n}-account dataset as a HubSpot export…`);
    await writeSampleCsv(file, n);
    result.datasets.push(await measureDatasetOn(target, icpId, version, file, config, 'sqlite'));
    await stopTarget(target);
    target = undefined;
    result.datasets.push(await runPostgres(icp, file, config));
  } catch (error) {
    result.error = messageOf(error);
    console.error('bench: scoring failed:', error);
  } finally {
    if (target) await stopTarget(target);
    await removeDir();
  }
  return result;
}

/**
 * Scores every account with `scoreOnly` (what dataset scoring uses), `score` (the API's answer, with
 * its explanation) and the hand-written reference. First one untimed pass comparing all three per
 * account (which also warms them up), then `runs` timed passes of each, in turn, so the three see
 * the same machine; each pass is its own loop (one call site per scorer) and sums the scores so
 * nothing is optimised away.
 */
function measureInProcess(
  model: ScoringModel,
  accounts: readonly ScoringAccount[],
  runs: number,
  generateMs: number,
): InProcessMeasure {
  const scorer = createScorer(model);
  const reference = referenceScorer();
  const grades = GRADE_BUCKETS.map(() => 0);
  let scoreMismatches = 0;
  let referenceMismatches = 0;
  for (const account of accounts) {
    const fast = scorer.scoreOnly(account);
    if ((scorer.score(account).score ?? -1) !== fast) scoreMismatches++;
    if (reference(account) !== fast) referenceMismatches++;
    grades[fast < 0 ? 4 : GRADE_BUCKETS.indexOf(gradeOf(fast, model.thresholds))]!++;
  }
  const passes = { scoreOnly: [] as number[], score: [] as number[], reference: [] as number[] };
  const sums = new Set<number>();
  const cpu = new CpuWindow();
  for (let run = 0; run < runs; run++) {
    let startedAt = performance.now();
    let sum = 0;
    for (let i = 0; i < accounts.length; i++) sum += reference(accounts[i]!);
    passes.reference.push(performance.now() - startedAt);
    sums.add(sum);

    startedAt = performance.now();
    sum = 0;
    for (let i = 0; i < accounts.length; i++) sum += scorer.scoreOnly(accounts[i]!);
    passes.scoreOnly.push(performance.now() - startedAt);
    sums.add(sum);

    startedAt = performance.now();
    sum = 0;
    for (let i = 0; i < accounts.length; i++) sum += scorer.score(accounts[i]!).score ?? -1;
    passes.score.push(performance.now() - startedAt);
    sums.add(sum);
  }
  const shares = cpu.end();
  // Equal per account above, so equal sums: anything else means a pass did not do its work.
  if (sums.size !== 1)
    throw new Error(`the timed passes summed to different totals: ${[...sums].join(', ')}`);
  return {
    accounts: accounts.length,
    runs,
    generateMs,
    scoreOnly: timings(passes.scoreOnly),
    score: timings(passes.score),
    reference: timings(passes.reference),
    cpu: shares,
    scoreMismatches,
    referenceMismatches,
    grades,
  };
}

async function startBullseye(config: BenchConfig, databaseUrl?: string): Promise<BullseyeTarget> {
  const started = await startTarget(
    'bullseye',
    { UNLOAD_DELAY_MS: String(UNLOAD_DELAY_MS) },
    config.serverNodeArgs,
    true,
    databaseUrl,
  );
  if (!(started instanceof BullseyeTarget)) throw new Error('expected a Bullseye server');
  return started;
}

/**
 * Creates an ICP and writes BENCH_ICP into it through a collaboration client (the bench's Y.Doc
 * update applied to the client's synced document: the same items, so the same model and hash),
 * waits until the server's draft compiles to that hash, disconnects and waits for the server to
 * unload the ICP (its log compacted into the snapshot), names the draft as a version and checks
 * that the version's model is the one scored in process. (Approving would need sign-offs from a
 * cross-functional team; `?version=approved` resolves through the same lookup and model cache.)
 */
async function provisionIcp(
  target: BullseyeTarget,
  icp: { doc: Y.Doc; model: ScoringModel },
  databaseUrl: string | undefined,
): Promise<{ icpId: string; version: number }> {
  const server = target.server;
  const [icpId] = await target.createRooms(1, 'scoring');
  const modelHash = async (selector: string): Promise<string> =>
    expectStatus(
      await request<ScoringModelResponse>(
        server,
        'GET',
        `/api/icps/${icpId}/scoring-model?version=${selector}`,
      ),
      200,
      `reading the ${selector} scoring model`,
    ).model.hash;
  const client = openClient(target, icpId!);
  try {
    await withTimeout(client.synced, 30_000, 'opening the ICP');
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(icp.doc));
    const arrived = await pollUntil(async () => (await modelHash('draft')) === icp.model.hash, 30_000, 50);
    if (!arrived) throw new Error('the server’s draft never compiled to the bench model’s hash');
  } finally {
    client.destroy();
  }
  await sleep(UNLOAD_DELAY_MS + UNLOAD_MARGIN_MS);
  const storage = new StorageInspector(server.dataDir, databaseUrl);
  try {
    const compacted = await pollUntil(
      async () =>
        (await storage.count('icp_updates', icpId!)) === 0 &&
        (await storage.count('icp_snapshots', icpId!)) === 1,
      30_000,
      100,
    );
    if (!compacted)
      console.error('bench: scoring: the ICP was not unloaded and compacted after its client left');
  } finally {
    await storage.close();
  }
  const version = expectStatus(
    await request<VersionDto>(server, 'POST', `/api/icps/${icpId}/versions`, {
      body: { name: 'Bench scoring model' },
    }),
    201,
    'naming the draft as a version',
  );
  const named = await modelHash(String(version.number));
  if (named !== icp.model.hash)
    throw new Error(`version ${version.number} compiles to ${named}, not the bench model ${icp.model.hash}`);
  return { icpId: icpId!, version: version.number };
}

/**
 * One account per POST /api/icps/:id/score?version=N at a fixed rate for BENCH_SCORING_SECONDS
 * (after BENCH_WARMUP_SECONDS unmeasured), then GET /healthz the same way: the HTTP floor of the
 * same server. Requests are serialised before the run; answers are checked after it.
 */
async function measureHttp(
  server: ServerProcess,
  icpId: string,
  version: number,
  accounts: readonly ScoringAccount[],
  expected: Int16Array,
  config: BenchConfig,
): Promise<HttpMeasure> {
  const options = {
    rps: config.scoringRps,
    seconds: config.scoringSeconds,
    warmupSeconds: config.warmupSeconds,
    serverPid: server.pid,
  };
  const total = Math.round(options.rps * options.warmupSeconds) + Math.round(options.rps * options.seconds);
  const pick = (i: number): number => i % accounts.length;
  const bodies = Array.from({ length: total }, (_, i) =>
    JSON.stringify({ account: { id: `crm-${pick(i)}`, ...accounts[pick(i)] } }),
  );
  const answers: (string | undefined)[] = new Array(total);
  const url = `${server.url}/api/icps/${icpId}/score?version=${version}`;
  const headers = { authorization: `Bearer ${server.admin!.token}`, 'content-type': 'application/json' };
  const score = await fixedRate(async (i, signal) => {
    const response = await fetch(url, { method: 'POST', headers, body: bodies[i], signal });
    answers[i] = await response.text();
    return response.status === 200;
  }, options);
  const healthz = await fixedRate(healthzRequest(server.url), options);
  let mismatches = 0;
  answers.forEach((text, i) => {
    try {
      const answer = JSON.parse(text ?? 'null') as ScoreResponse;
      if ((answer.result?.score ?? -1) !== expected[pick(i)]) mismatches++;
    } catch {
      mismatches++;
    }
  });
  return { version, score, healthz, mismatches };
}

/**
 * BATCH_CALLS calls of POST /api/icps/:id/score with BATCH_ACCOUNTS accounts each (one untimed call
 * first), from sending to the whole answer received; the reference scores the same accounts with
 * `score` in the bench process, as many times.
 */
async function measureBatch(
  server: ServerProcess,
  icpId: string,
  version: number,
  model: ScoringModel,
  accounts: readonly ScoringAccount[],
  expected: Int16Array,
): Promise<BatchMeasure> {
  const batch = accounts.slice(0, BATCH_ACCOUNTS);
  const body = JSON.stringify({ accounts: batch.map((a, i) => ({ id: `crm-${i}`, ...a })) });
  const url = `${server.url}/api/icps/${icpId}/score?version=${version}`;
  const headers = { authorization: `Bearer ${server.admin!.token}`, 'content-type': 'application/json' };
  const call = async (): Promise<{ ms: number; text: string }> => {
    const startedAt = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const ms = performance.now() - startedAt;
    if (response.status !== 200)
      throw new Error(`scoring ${batch.length} accounts: ${response.status} ${text}`);
    return { ms, text };
  };
  await call();
  const http: number[] = [];
  let last = '';
  for (let i = 0; i < BATCH_CALLS; i++) {
    const { ms, text } = await call();
    http.push(ms);
    last = text;
  }
  const scorer = createScorer(model);
  const expectedSum = expected.subarray(0, batch.length).reduce((a, b) => a + b, 0);
  const inProcess: number[] = [];
  for (let i = 0; i <= BATCH_CALLS; i++) {
    const startedAt = performance.now();
    let sum = 0;
    for (let j = 0; j < batch.length; j++) sum += scorer.score(batch[j]!).score ?? -1;
    if (i > 0) inProcess.push(performance.now() - startedAt);
    if (sum !== expectedSum) throw new Error(`in process, the batch summed to ${sum}, not ${expectedSum}`);
  }
  const results = (JSON.parse(last) as ScoreResponse).results ?? [];
  let mismatches = Math.abs(results.length - batch.length);
  results.forEach((r, i) => {
    if (r.id !== `crm-${i}` || (r.score ?? -1) !== expected[i]) mismatches++;
  });
  return {
    accounts: batch.length,
    requestBytes: Buffer.byteLength(body),
    responseBytes: Buffer.byteLength(last),
    http: timings(http),
    inProcess: timings(inProcess),
    mismatches,
  };
}

/**
 * Imports `file` through the API (8 MiB chunks, suggested mapping) into the server's workspace,
 * then DATASET_RUNS times, alternating: the accounts downloaded as CSV (the reference: one full
 * scan of the same rows, streamed out) and the dataset scored with the named version.
 */
async function measureDatasetOn(
  target: BullseyeTarget,
  icpId: string,
  version: number,
  file: string,
  config: BenchConfig,
  backend: Backend,
): Promise<DatasetMeasure> {
  const result: DatasetMeasure = { backend };
  const server = target.server;
  const rows = config.scoringAccounts;
  try {
    console.error(`bench: scoring: importing the dataset on ${BACKEND_NAMES[backend]}…`);
    const uploaded = await uploadCsvFile(server, server.admin!.workspaceId, 'Bench accounts (scoring)', file);
    const imported = await runImport(server, uploaded.upload, importTimeoutMs(rows));
    result.rows = imported.done.report!.goodRows;
    result.importMs = imported.importMs;
    const datasetId = uploaded.dataset.id;
    console.error(
      `bench: scoring: the dataset scored on ${BACKEND_NAMES[backend]}, next to its CSV download…`,
    );
    const scoring: number[] = [];
    const elapsed: number[] = [];
    const download: number[] = [];
    const scoringCpu: CpuShares[] = [];
    const downloadCpu: CpuShares[] = [];
    for (let run = 0; run < DATASET_RUNS; run++) {
      let cpu = new CpuWindow(server.pid);
      let startedAt = performance.now();
      const csv = await downloadAccounts(server, datasetId, callTimeoutMs(rows));
      download.push(performance.now() - startedAt);
      downloadCpu.push(cpu.end());
      result.downloadBytes = csv.bytes;
      result.downloadLines = csv.lines;

      cpu = new CpuWindow(server.pid);
      startedAt = performance.now();
      const scored = expectStatus(
        await withTimeout(
          request<DatasetScoringDto>(server, 'POST', `/api/icps/${icpId}/scorings`, {
            body: { datasetId, version },
          }),
          callTimeoutMs(rows),
          'scoring the dataset',
        ),
        201,
        'scoring the dataset',
      );
      scoring.push(performance.now() - startedAt);
      scoringCpu.push(cpu.end());
      elapsed.push(scored.elapsedMs);
      result.total = scored.total;
      result.grades = GRADE_BUCKETS.map((g) => scored.grades.find((row) => row.grade === g)?.count ?? 0);
    }
    const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    result.scoring = timings(scoring);
    result.serverElapsed = timings(elapsed);
    result.download = timings(download);
    result.scoringServerCpuPercent = mean(scoringCpu.map((c) => c.serverCpuPercent));
    result.downloadServerCpuPercent = mean(downloadCpu.map((c) => c.serverCpuPercent));
    result.otherCpuPercent = Math.max(...[...scoringCpu, ...downloadCpu].map((c) => c.otherCpuPercent));
  } catch (error) {
    result.error = messageOf(error);
    console.error(`bench: dataset scoring on ${BACKEND_NAMES[backend]} failed:`, error);
  }
  return result;
}

/** GET /api/datasets/:id/accounts?format=csv, streamed and counted (bytes, lines), never held. */
async function downloadAccounts(
  server: ServerProcess,
  datasetId: string,
  timeoutMs: number,
): Promise<{ bytes: number; lines: number }> {
  const response = await fetch(`${server.url}/api/datasets/${datasetId}/accounts?format=csv`, {
    headers: { authorization: `Bearer ${server.admin!.token}` },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status !== 200 || !response.body)
    throw new Error(`downloading the accounts: ${response.status} ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, lines };
    bytes += value.length;
    for (let i = value.indexOf(10); i >= 0; i = value.indexOf(10, i + 1)) lines++;
  }
}

/** The dataset part on a fresh server over a throwaway PostgreSQL database, if one is reachable. */
async function runPostgres(
  icp: { doc: Y.Doc; model: ScoringModel },
  file: string,
  config: BenchConfig,
): Promise<DatasetMeasure> {
  let database: TempDatabase;
  try {
    database = await createTempDatabase();
  } catch (error) {
    const skipped = `no PostgreSQL at ${redact(POSTGRES_ADMIN_URL)}: ${messageOf(error)}`;
    console.error(`bench: scoring: ${skipped}`);
    return { backend: 'postgres', skipped };
  }
  const dropDatabase = registerCleanup(`database ${redact(database.url)}`, () => database.drop());
  let target: BullseyeTarget | undefined;
  try {
    console.error('bench: scoring: the same ICP on a fresh PostgreSQL server…');
    target = await startBullseye(config, database.url);
    const { icpId, version } = await provisionIcp(target, icp, database.url);
    return await measureDatasetOn(target, icpId, version, file, config, 'postgres');
  } catch (error) {
    console.error('bench: dataset scoring on PostgreSQL failed:', error);
    return { backend: 'postgres', error: messageOf(error) };
  } finally {
    if (target) await stopTarget(target);
    await dropDatabase();
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
