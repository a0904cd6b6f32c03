import type { Kysely } from 'kysely';

/** Each function's decisions on a review, in order; the latest per function counts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_offs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('review_id', 'varchar(36)', (c) =>
      c.notNull().references('icp_reviews.id').onDelete('cascade'),
    )
    .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
    .addColumn('version_id', 'varchar(36)', (c) =>
      c.notNull().references('icp_versions.id').onDelete('cascade'),
    )
    .addColumn('function', 'varchar(32)', (c) => c.notNull())
    .addColumn('decision', 'varchar(32)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version_hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_offs_review_id').on('sign_offs').column('review_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_offs').execute();
}
