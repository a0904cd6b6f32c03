import { DATASET_LIMITS } from '@bullseye/shared';

/** One relay scenario: `icps` documents, each open in `clientsPerIcp` stock clients. */
export interface RelayScenarioSpec {
  name: string;
  icps: number;
  clientsPerIcp: number;
}

export interface BenchConfig {
  /** Seconds of load before measuring, so JIT, connection setup and first paragraphs are excluded. */
  warmupSeconds: number;
  /** Seconds measured per relay scenario. */
  seconds: number;
  scenarios: RelayScenarioSpec[];
  /** The account-data part (`import` in BENCH_SCENARIOS): CSV import, insights, co-editing meanwhile. */
  accountData: boolean;
  /** Rows of the generated CSV the account-data part imports. */
  importRows: number;
  /** Warm insights calls per backend (and runs of the SQL reference); the median is reported. */
  insightsRuns: number;
  /** The scoring part (`scoring` in BENCH_SCENARIOS, selected by default): fit scoring in process and over HTTP. */
  scoring: boolean;
  /** Accounts scored in process, and rows of the dataset scored through the API. */
  scoringAccounts: number;
  /** Timed in-process runs over all accounts per scorer; the median is reported. */
  scoringRuns: number;
  /** Requests per second of the one-account-per-call measurement (open loop). */
  scoringRps: number;
  /** Measured seconds at that rate (after BENCH_WARMUP_SECONDS unmeasured). */
  scoringSeconds: number;
  /**
   * The cluster part (`cluster` in BENCH_SCENARIOS, selected by default): several instances on
   * PostgreSQL + Redis, relay between two of them, idle sockets on one.
   */
  cluster: boolean;
  /** Relay shapes measured on one instance and split across two (BENCH_CLUSTER_SCENARIOS). */
  clusterScenarios: RelayScenarioSpec[];
  /** Idle collaboration sockets opened on one instance; 0 skips that measurement. */
  idleSockets: number;
  /** ICPs the idle sockets are spread over. */
  idleIcps: number;
  /** Edits in the big document's history; 0 skips the load measurement. */
  loadEdits: number;
  loadAuthors: number;
  /** Fresh-client loads per variant (cold, warm); the median is reported. */
  loadRuns: number;
  /** Timed restarts of each server for start time and idle RSS; 0 skips them. */
  startupRuns: number;
  /** Extra node arguments for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
  serverNodeArgs: string[];
}

/** The BENCH_SCENARIOS entry that selects the account-data part. */
export const ACCOUNT_DATA_SCENARIO = 'import';
/** The BENCH_SCENARIOS entry that selects the scoring part. */
export const SCORING_SCENARIO = 'scoring';
/** The BENCH_SCENARIOS entry that selects the cluster part. */
export const CLUSTER_SCENARIO = 'cluster';
const PARTS: readonly string[] = [ACCOUNT_DATA_SCENARIO, SCORING_SCENARIO, CLUSTER_SCENARIO];
const DEFAULT_SCENARIOS = `1x50,100x5,${SCORING_SCENARIO},${CLUSTER_SCENARIO}`;
/** Most rows one dataset file may hold. */
const MAX_IMPORT_ROWS = DATASET_LIMITS.maxRows;

/** Reads `BENCH_*` overrides; anything malformed stops the run with the variable named. */
export function readBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const selected = list(env.BENCH_SCENARIOS ?? DEFAULT_SCENARIOS);
  const importRows = number(env, 'BENCH_IMPORT_ROWS', MAX_IMPORT_ROWS, 1);
  if (!Number.isInteger(importRows) || importRows > MAX_IMPORT_ROWS)
    throw new Error(
      `BENCH_IMPORT_ROWS must be a whole number of at most ${MAX_IMPORT_ROWS}, got "${importRows}"`,
    );
  const scoringAccounts = number(env, 'BENCH_SCORING_ACCOUNTS', MAX_IMPORT_ROWS, 1);
  if (!Number.isInteger(scoringAccounts) || scoringAccounts > MAX_IMPORT_ROWS)
    throw new Error(
      `BENCH_SCORING_ACCOUNTS must be a whole number of at most ${MAX_IMPORT_ROWS}, got "${scoringAccounts}"`,
    );
  return {
    warmupSeconds: number(env, 'BENCH_WARMUP_SECONDS', 3, 0),
    seconds: number(env, 'BENCH_SECONDS', 10, 1),
    scenarios: scenarios(selected.filter((s) => !PARTS.includes(s))),
    accountData: selected.includes(ACCOUNT_DATA_SCENARIO),
    importRows,
    insightsRuns: number(env, 'BENCH_INSIGHTS_RUNS', 5, 1),
    scoring: selected.includes(SCORING_SCENARIO),
    scoringAccounts,
    scoringRuns: Math.round(number(env, 'BENCH_SCORING_RUNS', 5, 1)),
    scoringRps: number(env, 'BENCH_SCORING_RPS', 200, 1),
    scoringSeconds: number(env, 'BENCH_SCORING_SECONDS', 10, 1),
    cluster: selected.includes(CLUSTER_SCENARIO),
    clusterScenarios: scenarios(list(env.BENCH_CLUSTER_SCENARIOS ?? '1x50,100x5')),
    idleSockets: Math.round(number(env, 'BENCH_IDLE_SOCKETS', 10_000, 0)),
    idleIcps: Math.round(number(env, 'BENCH_IDLE_ICPS', 100, 1)),
    loadEdits: number(env, 'BENCH_LOAD_EDITS', 20_000, 0),
    loadAuthors: number(env, 'BENCH_LOAD_AUTHORS', 5, 1),
    loadRuns: number(env, 'BENCH_LOAD_RUNS', 5, 1),
    startupRuns: number(env, 'BENCH_STARTUP_RUNS', 3, 0),
    serverNodeArgs: (env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
  };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  return value;
}

/** `"1x10,100x5"`: ICPs x clients per ICP; a scenario needs two clients to relay anything. */
function scenarios(specs: readonly string[]): RelayScenarioSpec[] {
  return specs.map((spec) => {
    const match = /^(\d+)x(\d+)$/.exec(spec);
    const icps = Number(match?.[1]);
    const clientsPerIcp = Number(match?.[2]);
    if (!match || icps < 1 || clientsPerIcp < 2)
      throw new Error(
        `BENCH_SCENARIOS entries look like 1x50 (ICPs x clients >= 2), "${ACCOUNT_DATA_SCENARIO}", ` +
          `"${SCORING_SCENARIO}" or "${CLUSTER_SCENARIO}" (BENCH_CLUSTER_SCENARIOS: like 1x50), got "${spec}"`,
      );
    return { name: `${icps}×${clientsPerIcp}`, icps, clientsPerIcp };
  });
}
