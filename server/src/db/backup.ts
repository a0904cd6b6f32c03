import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { systemClock } from '../clock.js';
import { AuditStore } from './auditStore.js';
import type { ChainBreak } from './auditChain.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

/**
 * Backup and restore (README, "Backup and restore").
 *
 * SQLite: `VACUUM INTO` a temporary file beside the destination, then fsync, verify and rename.
 * VACUUM INTO reads the whole database in one read transaction, so the copy is one consistent
 * snapshot that includes every transaction committed to the write-ahead log before it began, while
 * the server keeps writing (in WAL mode readers and the writer do not block each other). The result
 * is a single self-contained file in rollback-journal mode: no -wal or -shm belongs to it. The
 * online backup API (better-sqlite3's `db.backup()`) was the alternative; it copies pages in steps
 * and starts over whenever another process writes between two steps, which a busy server does every
 * few milliseconds, and it leaves the copy flagged as a WAL database.
 *
 * A plain file copy of a WAL-mode database is never a backup: committed transactions may still be
 * only in the -wal file, and a copy taken while the server writes can be torn.
 *
 * PostgreSQL: `pg_dump --format=custom` under an exported snapshot (so the reported counts are those
 * of the dump), verified with `pg_restore --list`. Restoring on PostgreSQL is left to `pg_restore`
 * into a new database (see the README); the CLI does not overwrite a PostgreSQL database.
 */

/** The SQLite database file the server uses (`openDatabase` in database.ts). */
export function sqliteDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'bullseye.sqlite');
}

/** A failure the admin can act on; its message is printed as is. */
export class BackupError extends Error {}

export interface DatabaseCounts {
  workspaces: number;
  users: number;
  icps: number;
  versions: number;
  auditEntries: number;
}

export interface AuditChainCheck {
  workspaceId: string;
  checked: number;
  firstBroken: ChainBreak | null;
}

/** What a verified SQLite backup holds. */
export interface BackupInfo {
  file: string;
  bytes: number;
  counts: DatabaseCounts;
  /** Migrations applied, all known to this version of Bullseye. */
  migrations: number;
  auditChains: AuditChainCheck[];
}

const COUNTED: Record<keyof DatabaseCounts, keyof Database> = {
  workspaces: 'workspaces',
  users: 'users',
  icps: 'icps',
  versions: 'icp_versions',
  auditEntries: 'audit_log',
};

async function knownMigrations(): Promise<Set<string>> {
  return new Set(Object.keys(await migrationProvider('sqlite').getMigrations()));
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename or unlink in `dir` durable. */
function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks an SQLite file that is not in use by anyone: `PRAGMA integrity_check`, a Kysely
 * migrations table whose every migration this version knows, row counts, and every workspace's
 * audit chain. Throws BackupError when the file is not a sound Bullseye database.
 */
export async function inspectSqliteFile(
  file: string,
  options: { readonly?: boolean } = {},
): Promise<BackupInfo> {
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file, { readonly: options.readonly ?? true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`Cannot open ${file}: ${reason(error)}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    let problems: string[];
    try {
      problems = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map(
        (row) => row.integrity_check,
      );
    } catch (error) {
      throw new BackupError(`${file} is not a readable SQLite database: ${reason(error)}`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupError(`${file} failed PRAGMA integrity_check: ${problems.slice(0, 5).join('; ')}`);
    }
    const hasMigrations = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
      .get();
    if (!hasMigrations)
      throw new BackupError(`${file} is not a Bullseye database (it has no migrations table)`);
    const applied = (
      sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
    ).map((row) => row.name);
    const known = await knownMigrations();
    const unknown = applied.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new BackupError(
        `${file} was written by a newer version of Bullseye (unknown migration ${unknown[0]}); use that version`,
      );
    }
    const counts = {} as DatabaseCounts;
    for (const [key, table] of Object.entries(COUNTED) as [keyof DatabaseCounts, keyof Database][]) {
      const exists = sqlite
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(table);
      counts[key] = exists
        ? (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
        : 0;
    }
    const auditChains: AuditChainCheck[] = [];
    if (counts.auditEntries > 0) {
      const audit = new AuditStore(db, systemClock);
      const workspaces = await db.selectFrom('audit_log').select('workspace_id').distinct().execute();
      for (const { workspace_id } of workspaces) {
        auditChains.push({ workspaceId: workspace_id, ...(await audit.verify(workspace_id)) });
      }
    }
    return { file, bytes: fs.statSync(file).size, counts, migrations: applied.length, auditChains };
  } finally {
    await db.destroy();
  }
}

/** Refuses a destination that exists (unless `force`) or that is the live database or its journal. */
function checkDestination(destination: string, liveFiles: string[], force: boolean): void {
  if (liveFiles.map((f) => path.resolve(f)).includes(destination)) {
    throw new BackupError(`${destination} is the live database; write the backup somewhere else`);
  }
  if (!fs.existsSync(path.dirname(destination))) {
    throw new BackupError(`The directory ${path.dirname(destination)} does not exist`);
  }
  if (fs.existsSync(destination)) {
    if (!force) throw new BackupError(`${destination} already exists; pass --force to replace it`);
    if (!fs.statSync(destination).isFile()) throw new BackupError(`${destination} is not a file`);
  }
}

/** A temporary name beside `file`, so the final rename is atomic (same directory, same file system). */
function partialName(file: string, tag: string): string {
  return `${file}.${tag}-${process.pid}`;
}

/**
 * Writes a consistent copy of the server's SQLite database to `destination` while the server may be
 * running, verifies it, and only then puts it in place. Runs no migrations on the live database.
 */
export async function backupSqlite(
  dataDir: string,
  destination: string,
  options: { force?: boolean } = {},
): Promise<BackupInfo> {
  const live = sqliteDatabaseFile(dataDir);
  if (!fs.existsSync(live)) throw new BackupError(`No database at ${live} (check DATA_DIR)`);
  checkDestination(destination, [live, `${live}-wal`, `${live}-shm`], options.force === true);
  const partial = partialName(destination, 'partial');
  fs.rmSync(partial, { force: true });
  try {
    const source = new SQLite(live, { fileMustExist: true });
    try {
      // Waits for the server's write lock only if a checkpoint is recovering; readers never block.
      source.pragma('busy_timeout = 10000');
      source.prepare('VACUUM INTO ?').run(partial);
    } catch (error) {
      throw new BackupError(`Could not copy ${live}: ${reason(error)}`);
    } finally {
      source.close();
    }
    // SQLite does not fsync what VACUUM INTO writes.
    fsyncFile(partial);
    const info = await inspectSqliteFile(partial);
    fs.renameSync(partial, destination);
    fsyncDir(path.dirname(destination));
    return { ...info, file: destination };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export interface RestoreInfo extends BackupInfo {
  /** Where the database that was replaced now is, if there was one. */
  previous: string | null;
}

/**
 * Replaces the server's SQLite database with a backup. Refuses while any process (a running server)
 * has the database open. The backup is copied into DATA_DIR, fsynced and verified there, the
 * current database is checkpointed and kept beside it (`bullseye.sqlite.before-restore-<time>`),
 * then the copy is renamed into place and stale -wal/-shm files are removed.
 */
export async function restoreSqlite(
  dataDir: string,
  source: string,
  now: Date = new Date(),
): Promise<RestoreInfo> {
  const live = sqliteDatabaseFile(dataDir);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile())
    throw new BackupError(`No backup file at ${source}`);
  if (path.resolve(source) === path.resolve(live)) throw new BackupError(`${source} is the live database`);
  const beside = `${source}-wal`;
  if (fs.existsSync(beside) && fs.statSync(beside).size > 0) {
    throw new BackupError(
      `${source} has a write-ahead log beside it (${beside}): it is a live database or a copy of one, ` +
        'not a backup. Make backups with `npm run admin -- backup <file>`.',
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const partial = partialName(live, 'restoring');
  fs.rmSync(partial, { force: true });
  try {
    fs.copyFileSync(source, partial);
    fsyncFile(partial);
    // Verify exactly the bytes that will be installed. A rollback-journal file needs nothing
    // beside it; the server switches it back to WAL when it opens it.
    const copy = new SQLite(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } catch (error) {
      throw new BackupError(`${source} is not a readable SQLite database: ${reason(error)}`);
    } finally {
      copy.close();
    }
    const info = await inspectSqliteFile(partial);

    let previous: string | null = null;
    if (fs.existsSync(live)) {
      previous = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      checkpointIdle(live);
      fs.renameSync(live, previous);
    }
    fs.renameSync(partial, live);
    for (const stale of [`${live}-wal`, `${live}-shm`, `${live}-journal`]) fs.rmSync(stale, { force: true });
    fsyncDir(dataDir);
    return { ...info, file: live, previous };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Folds the live database's write-ahead log into the file and leaves it self-contained, which
 * SQLite only does when no other connection has it open: a running server keeps it open (in WAL
 * mode every connection holds a shared lock), so this is also how a running server is detected.
 */
function checkpointIdle(live: string): void {
  const inUse = new BackupError(
    `The database ${live} is in use (is the server running on this DATA_DIR?). Stop the server, then restore.`,
  );
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(live, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`Cannot open the current database ${live}: ${reason(error)}`);
  }
  try {
    sqlite.pragma('busy_timeout = 0');
    const mode = sqlite.pragma('journal_mode = DELETE', { simple: true }) as string;
    if (mode !== 'delete') throw inUse;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw inUse;
    throw new BackupError(`Cannot checkpoint the current database ${live}: ${reason(error)}`);
  } finally {
    sqlite.close();
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** `pg_dump` / `pg_restore`: on PATH, else the newest under /usr/lib/postgresql/<version>/bin. */
export function findPostgresTool(name: 'pg_dump' | 'pg_restore'): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else reject(new BackupError(`${path.basename(command)} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

/** The URL without its password (given to the tools as PGPASSWORD instead, out of `ps`). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (parsed.password) {
    env.PGPASSWORD = decodeURIComponent(parsed.password);
    parsed.password = '';
  }
  return { url: parsed.toString(), env };
}

export interface PostgresBackupInfo {
  file: string;
  bytes: number;
  counts: DatabaseCounts;
  /** Tables whose data the archive holds, from `pg_restore --list`. */
  tables: number;
}

/**
 * `pg_dump --format=custom` of the database at `url` into `destination`, taken in a snapshot
 * exported from a transaction that also counts the rows, so the counts are the dump's.
 */
export async function backupPostgres(
  url: string,
  destination: string,
  options: { force?: boolean } = {},
): Promise<PostgresBackupInfo> {
  const pgDump = findPostgresTool('pg_dump');
  const pgRestore = findPostgresTool('pg_restore');
  if (!pgDump || !pgRestore) {
    throw new BackupError(
      'pg_dump and pg_restore were not found (install the PostgreSQL client tools); see README "Backup and restore"',
    );
  }
  checkDestination(destination, [], options.force === true);
  const partial = partialName(destination, 'partial');
  fs.rmSync(partial, { force: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const migrated = await client.query("SELECT 1 FROM pg_tables WHERE tablename = 'kysely_migration'");
    if (migrated.rowCount === 0) throw new BackupError('This PostgreSQL database is not a Bullseye database');
    const counts = {} as DatabaseCounts;
    for (const [key, table] of Object.entries(COUNTED) as [keyof DatabaseCounts, keyof Database][]) {
      const exists = await client.query('SELECT 1 FROM pg_tables WHERE tablename = $1', [table]);
      counts[key] =
        exists.rowCount === 0
          ? 0
          : Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
    }
    const { url: bare, env } = splitPassword(url);
    await run(
      pgDump,
      ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${bare}`],
      env,
    );
    await client.query('COMMIT');
    fsyncFile(partial);
    const { stdout } = await run(pgRestore, ['--list', partial], env);
    const tables = stdout.split('\n').filter((line) => / TABLE DATA /.test(line));
    if (!tables.some((line) => / kysely_migration /.test(line))) {
      throw new BackupError(`The archive ${partial} lacks the migrations table; not keeping it`);
    }
    fs.renameSync(partial, destination);
    fsyncDir(path.dirname(destination));
    return { file: destination, bytes: fs.statSync(destination).size, counts, tables: tables.length };
  } finally {
    await client.end().catch(() => undefined);
    fs.rmSync(partial, { force: true });
  }
}

/** The documented PostgreSQL restore, as commands to print. */
export function postgresRestoreHelp(file: string): string {
  return [
    'On PostgreSQL the CLI does not overwrite a database. Restore the archive into a new, empty database',
    'and point DATABASE_URL at it (README, "Backup and restore"):',
    '',
    '  createdb bullseye_restored',
    `  pg_restore --no-owner --exit-on-error --dbname=postgres://USER@HOST:5432/bullseye_restored ${file}`,
    '  DATABASE_URL=postgres://USER@HOST:5432/bullseye_restored npm start',
  ].join('\n');
}
