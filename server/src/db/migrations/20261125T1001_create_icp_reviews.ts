import { sql, type Kysely } from 'kysely';

/**
 * Sign-off requests: a version put under review. At most one review per ICP is open (closed_at
 * null); a newer request supersedes it, an approval closes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('icp_reviews')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
    .addColumn('version_id', 'varchar(36)', (c) =>
      c.notNull().references('icp_versions.id').onDelete('cascade'),
    )
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    /** 'approved' | 'superseded' once closed. */
    .addColumn('outcome', 'varchar(16)')
    .execute();
  await db.schema
    .createIndex('icp_reviews_one_open')
    .unique()
    .on('icp_reviews')
    .column('icp_id')
    .where(sql<boolean>`closed_at is null`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('icp_reviews').execute();
}
