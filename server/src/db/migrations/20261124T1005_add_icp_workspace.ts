import type { Kysely } from 'kysely';

/**
 * Every ICP belongs to a workspace. ICPs written before accounts existed keep a null workspace
 * until the first workspace is set up, which adopts them, so nothing written earlier is lost.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('icps')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.references('workspaces.id'))
    .execute();
  await db.schema.createIndex('icps_workspace_id').on('icps').column('workspace_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('icps_workspace_id').execute();
  await db.schema.alterTable('icps').dropColumn('workspace_id').execute();
}
