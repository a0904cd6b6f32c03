import type { Kysely } from 'kysely';

/** Each person's inbox: one item per person and comment (mention, reply or new thread). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbox_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
    .addColumn('thread_id', 'varchar(36)', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('comment_id', 'varchar(36)', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)')
    .addUniqueConstraint('inbox_items_user_comment', ['user_id', 'comment_id'])
    .execute();
  await db.schema
    .createIndex('inbox_items_user_created')
    .on('inbox_items')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inbox_items').execute();
}
