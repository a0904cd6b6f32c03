import type { Kysely } from 'kysely';

/** Approvals of reviewed versions; an ICP's approved version is its latest approval's. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('approvals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
    .addColumn('version_id', 'varchar(36)', (c) =>
      c.notNull().references('icp_versions.id').onDelete('cascade'),
    )
    .addColumn('review_id', 'varchar(36)', (c) =>
      c.notNull().references('icp_reviews.id').onDelete('cascade'),
    )
    .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version_hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('approvals_icp_id').on('approvals').column('icp_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('approvals').execute();
}
