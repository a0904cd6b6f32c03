import type { Kysely } from 'kysely';

/** Comment threads and their replies; a thread is its first comment (`thread_id` null). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
    .addColumn('thread_id', 'varchar(36)', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('anchor_type', 'varchar(16)')
    .addColumn('anchor_section', 'varchar(64)')
    .addColumn('anchor_item_id', 'varchar(64)')
    .addColumn('anchor_start', 'varchar(128)')
    .addColumn('anchor_end', 'varchar(128)')
    .addColumn('anchor_quote', 'text')
    .addColumn('blocking', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('edited_at', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_icp_id').on('comments').column('icp_id').execute();
  await db.schema.createIndex('comments_thread_id').on('comments').column('thread_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('comments').execute();
}
