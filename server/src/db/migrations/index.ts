import type { Migration, MigrationProvider } from 'kysely';
import * as createIcps from './20261122T1600_create_icps.js';
import { createUpdateLog } from './20261122T1601_create_update_log.js';
import { createAuthTables } from './20261124T1000_create_auth_tables.js';
import * as createWorkspaces from './20261124T1001_create_workspaces.js';
import * as createInvites from './20261124T1002_create_invites.js';
import * as createApiTokens from './20261124T1003_create_api_tokens.js';
import * as createSettings from './20261124T1004_create_settings.js';
import * as addIcpWorkspace from './20261124T1005_add_icp_workspace.js';
import * as createComments from './20261124T1100_create_comments.js';
import * as createInboxItems from './20261124T1101_create_inbox_items.js';
import * as createIcpFollows from './20261124T1102_create_icp_follows.js';

/**
 * Every migration, in order. Names are timestamps so they sort; one change per file. Migrations
 * are bundled in code (not read from disk) so they run the same under tsx, tests and builds.
 */
export function migrationProvider(dialect: 'sqlite' | 'postgres'): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '20261122T1600_create_icps': createIcps,
    '20261122T1601_create_update_log': createUpdateLog(dialect),
    '20261124T1000_create_auth_tables': createAuthTables(dialect),
    '20261124T1001_create_workspaces': createWorkspaces,
    '20261124T1002_create_invites': createInvites,
    '20261124T1003_create_api_tokens': createApiTokens,
    '20261124T1004_create_settings': createSettings,
    '20261124T1005_add_icp_workspace': addIcpWorkspace,
    '20261124T1100_create_comments': createComments,
    '20261124T1101_create_inbox_items': createInboxItems,
    '20261124T1102_create_icp_follows': createIcpFollows,
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
