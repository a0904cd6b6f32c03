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
import { createIcpVersions } from './20261125T1000_create_icp_versions.js';
import * as createIcpReviews from './20261125T1001_create_icp_reviews.js';
import * as createSignOffs from './20261125T1002_create_sign_offs.js';
import * as createApprovals from './20261125T1003_create_approvals.js';
import * as addIcpReviewInterval from './20261125T1004_add_icp_review_interval.js';
import * as createAuditLog from './20261125T1005_create_audit_log.js';
import { inboxReviewItems } from './20261126T1000_inbox_review_items.js';
import * as addIcpLastEditedBy from './20261126T1100_add_icp_last_edited_by.js';
import { createDatasets } from './20261203T1000_create_datasets.js';
import { createWorkshops } from './20261203T1800_create_workshops.js';
import { createCoach } from './20261203T2000_create_coach.js';
import { addIcpKindAndPrimary } from './20261203T2200_add_icp_kind_and_primary.js';
import { createScoring } from './20261203T1400_create_scoring.js';

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
    '20261125T1000_create_icp_versions': createIcpVersions(dialect),
    '20261125T1001_create_icp_reviews': createIcpReviews,
    '20261125T1002_create_sign_offs': createSignOffs,
    '20261125T1003_create_approvals': createApprovals,
    '20261125T1004_add_icp_review_interval': addIcpReviewInterval,
    '20261125T1005_create_audit_log': createAuditLog,
    '20261126T1000_inbox_review_items': inboxReviewItems(dialect),
    '20261126T1100_add_icp_last_edited_by': addIcpLastEditedBy,
    '20261203T1000_create_datasets': createDatasets(dialect),
    '20261203T1400_create_scoring': createScoring,
    '20261203T1800_create_workshops': createWorkshops,
    '20261203T2000_create_coach': createCoach,
    '20261203T2200_add_icp_kind_and_primary': addIcpKindAndPrimary,
  };
  return { getMigrations: () => Promise.resolve(migrations) };
}
