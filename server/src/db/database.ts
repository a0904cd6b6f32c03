import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { migrationProvider } from './migrations/index.js';
import { withStatementCache } from './statementCache.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or the PostgreSQL URL without its password. */
  location: string;
  /**
   * Readiness: resolves if the database answers `select 1` within `timeoutMs`, rejects otherwise.
   * Cheap enough for a load balancer to call every few seconds.
   */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** How long a readiness check waits for the database. */
export const PING_TIMEOUT_MS = 2_000;

/** How long taking a new PostgreSQL connection may take before the query fails (not hangs). */
const PG_CONNECT_TIMEOUT_MS = 5_000;

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  sqliteSynchronous?: 'FULL' | 'NORMAL';
}

/** Checks that the data directory exists (creating it) and is writable; throws a clear error if not. */
export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`DATA_DIR ${dir} is not writable (${reason}). Set DATA_DIR to a writable directory.`);
  }
}

/** Opens SQLite (default) or PostgreSQL (`databaseUrl`) and runs pending migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  // Only the driver in use is loaded: a process never holds both (pg alone is ~5 MiB of RSS).
  const handle = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openSqlite(options);
  const migrator = new Migrator({ db: handle.db, provider: migrationProvider(handle.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await handle.close();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `Database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return handle;
}

async function openSqlite(options: DatabaseOptions): Promise<DatabaseHandle> {
  ensureWritableDir(options.dataDir);
  const { default: SQLite } = await import('better-sqlite3');
  const file = path.join(options.dataDir, 'bullseye.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.sqliteSynchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's own lower() folds ASCII only; PostgreSQL's folds every letter. One behaviour on both
  // (account search lowercases names like "Ärzte").
  sqlite.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', location: file, ping: (ms) => ping(db, ms), close: () => db.destroy() };
}

/**
 * A PostgreSQL pool that survives the database going away (restart, failover, an idle-connection
 * reaper): without listeners, `pg` emits the dead connection's 'error' on the pool (idle clients)
 * or on the client itself (checked out), and an unhandled 'error' event ends the process. With
 * them, the broken client is dropped, the queries on it reject (callers answer 1011 / 503), and
 * the next query opens a fresh connection once the database is back.
 */
async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: pg } = await import('pg');
  // PostgreSQL bigint and bytea come back as string and Buffer; ids fit in a JS number.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    // A connection whose peer vanished without a word (a partition) is noticed by TCP keepalive.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  const shown = new URL(url);
  shown.password = '';
  const location = shown.toString();
  const reportLost = lostConnectionReporter(location);
  pool.on('error', reportLost);
  pool.on('connect', (client) => client.on('error', reportLost));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location, ping: (ms) => ping(db, ms), close: () => db.destroy() };
}

/**
 * Logs a lost PostgreSQL connection once per burst: when the server goes away every pooled
 * connection reports it at once (and both to the pool and to the client).
 */
function lostConnectionReporter(location: string): (error: Error) => void {
  let lastAt = 0;
  return (error) => {
    const now = Date.now();
    if (now - lastAt < 1_000) return;
    lastAt = now;
    console.error(`PostgreSQL connection lost (${location}): ${error.message}; reconnecting on demand`);
  };
}

async function ping(db: Kysely<Database>, timeoutMs = PING_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the database did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([sql`select 1`.execute(db), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
