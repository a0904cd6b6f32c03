import path from 'node:path';
import type { Config } from '../env.js';
import {
  backupPostgres,
  backupSqlite,
  postgresRestoreHelp,
  restoreSqlite,
  type BackupInfo,
  type DatabaseCounts,
} from '../db/backup.js';

/** `backup` and `restore` work on files, without opening the database as the other commands do. */
export const BACKUP_COMMANDS = new Set(['backup', 'restore']);

export interface BackupCommandOutput {
  /** Printed to stdout; the last one is the file written, for scripts. */
  lines: string[];
  /** Printed to stderr: things to look at that do not make the command fail. */
  warnings: string[];
}

/**
 * A path as the admin typed it: npm runs workspace scripts inside server/, so a relative path means
 * the directory npm was started in (as for DATA_DIR).
 */
export function resolveUserPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describeCounts(bytes: number, c: DatabaseCounts): string {
  return [
    megabytes(bytes),
    plural(c.icps, 'ICP'),
    plural(c.workspaces, 'workspace'),
    plural(c.users, 'user'),
    plural(c.versions, 'version'),
    plural(c.auditEntries, 'audit entry', 'audit entries'),
  ].join(', ');
}

function describeChecks(info: BackupInfo): { line: string; warnings: string[] } {
  const broken = info.auditChains.filter((chain) => chain.firstBroken);
  const checked = info.auditChains.reduce((sum, chain) => sum + chain.checked, 0);
  const warnings = broken.map(
    (chain) =>
      `Warning: the audit chain of workspace ${chain.workspaceId} does not verify at entry ` +
      `${chain.firstBroken!.seq} (${chain.firstBroken!.reason}); the copy keeps it exactly as it was.`,
  );
  const chains =
    info.auditChains.length === 0
      ? 'no audit entries'
      : `${plural(info.auditChains.length - broken.length, 'audit chain')} of ${info.auditChains.length} verified (${plural(checked, 'entry', 'entries')})`;
  return { line: `  integrity_check ok, ${plural(info.migrations, 'migration')}, ${chains}`, warnings };
}

/** Runs `backup <file> [--force]` or `restore <file>`. Throws BackupError for the admin to read. */
export async function runBackupCommand(
  command: string,
  file: string,
  force: boolean,
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
): Promise<BackupCommandOutput> {
  const target = resolveUserPath(file);
  if (command === 'backup') {
    if (config.databaseUrl) {
      const info = await backupPostgres(config.databaseUrl, target, { force });
      return {
        lines: [
          `Backed up the PostgreSQL database with pg_dump --format=custom to ${info.file}`,
          `  ${describeCounts(info.bytes, info.counts)}`,
          `  pg_restore --list reads it: ${plural(info.tables, 'table')} with data`,
          info.file,
        ],
        warnings: [],
      };
    }
    const info = await backupSqlite(config.dataDir, target, { force });
    const checks = describeChecks(info);
    return {
      lines: [
        `Backed up the SQLite database in ${config.dataDir} to ${info.file}`,
        `  ${describeCounts(info.bytes, info.counts)}`,
        checks.line,
        info.file,
      ],
      warnings: checks.warnings,
    };
  }
  if (config.databaseUrl) throw new Error(postgresRestoreHelp(target));
  const info = await restoreSqlite(config.dataDir, target);
  const checks = describeChecks(info);
  return {
    lines: [
      `Restored ${target} into ${info.file}`,
      `  ${describeCounts(info.bytes, info.counts)}`,
      checks.line,
      ...(info.previous ? [`  The database it replaced is kept at ${info.previous}`] : []),
      info.file,
    ],
    warnings: checks.warnings,
  };
}
