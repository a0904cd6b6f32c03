import type { Migration, MigrationProvider } from 'kysely';
import * as createIcps from './20261122T1600_create_icps.js';
import { createUpdateLog } from './20261122T1601_create_update_log.js';

/**
 * Every migration, in order. Names are timestamps so they sort; one change per file. Migrations
 * are bundled in code (not read from disk) so they run the same under tsx, tests and builds.
 */
export function migrationProvider(dialect: 'sqlite' | 'postgres'): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '20261122T1600_create_icps': createIcps,
    '20261122T1601_create_update_log': createUpdateLog(dialect),
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
