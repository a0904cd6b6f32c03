import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * The inbox also holds review steps (sign-off requested, changes requested, all four approved,
 * approved), which are about a version rather than a comment: `kind` says which, `thread_id` and
 * `comment_id` become optional, `version_id` and `event` name the step, and `detail` (JSON) keeps
 * what makes the reason precise (the mention's target, the function the person signs for...).
 * Existing rows are comment items and keep everything they had.
 *
 * PostgreSQL alters the table in place. SQLite cannot change a column's nullability, so the table
 * is rebuilt: create the new shape, copy every row, drop the old table, rename, recreate the index.
 */
export function inboxReviewItems(dialect: 'sqlite' | 'postgres') {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'postgres') {
        await sql`ALTER TABLE inbox_items
          ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'comment',
          ADD COLUMN version_id varchar(36) REFERENCES icp_versions (id) ON DELETE CASCADE,
          ADD COLUMN event varchar(32),
          ADD COLUMN detail text,
          ALTER COLUMN thread_id DROP NOT NULL,
          ALTER COLUMN comment_id DROP NOT NULL,
          ADD CONSTRAINT inbox_items_kind_fields CHECK (${KIND_CHECK})`.execute(db);
        return;
      }
      await createTable(db, 'inbox_items_next', 'new');
      await sql`INSERT INTO inbox_items_next
          (id, user_id, icp_id, kind, thread_id, comment_id, version_id, event, reason, detail,
           actor_id, created_at, read_at)
        SELECT id, user_id, icp_id, 'comment', thread_id, comment_id, NULL, NULL, reason, NULL,
           actor_id, created_at, read_at
        FROM inbox_items`.execute(db);
      await sql`DROP TABLE inbox_items`.execute(db);
      await sql`ALTER TABLE inbox_items_next RENAME TO inbox_items`.execute(db);
      await createIndex(db);
    },

    /** Back to comment items only: review items are deleted. */
    async down(db: Kysely<unknown>): Promise<void> {
      await sql`DELETE FROM inbox_items WHERE kind <> 'comment'`.execute(db);
      if (dialect === 'postgres') {
        await sql`ALTER TABLE inbox_items
          DROP CONSTRAINT inbox_items_kind_fields,
          ALTER COLUMN thread_id SET NOT NULL,
          ALTER COLUMN comment_id SET NOT NULL,
          DROP COLUMN detail,
          DROP COLUMN event,
          DROP COLUMN version_id,
          DROP COLUMN kind`.execute(db);
        return;
      }
      await createTable(db, 'inbox_items_prev', 'old');
      await sql`INSERT INTO inbox_items_prev
          (id, user_id, icp_id, thread_id, comment_id, reason, actor_id, created_at, read_at)
        SELECT id, user_id, icp_id, thread_id, comment_id, reason, actor_id, created_at, read_at
        FROM inbox_items`.execute(db);
      await sql`DROP TABLE inbox_items`.execute(db);
      await sql`ALTER TABLE inbox_items_prev RENAME TO inbox_items`.execute(db);
      await createIndex(db);
    },
  };
}

/** Comment items name their comment; review items their version and step. */
const KIND_CHECK = sql.raw(
  "(kind = 'comment' AND thread_id IS NOT NULL AND comment_id IS NOT NULL) OR " +
    "(kind = 'review' AND version_id IS NOT NULL AND event IS NOT NULL)",
);

/** The SQLite table, in the new shape or as 20261124T1101 created it. */
async function createTable(db: Kysely<unknown>, name: string, shape: 'new' | 'old'): Promise<void> {
  let table: CreateTableBuilder<string, string> = db.schema
    .createTable(name)
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'));
  if (shape === 'new') {
    table = table
      .addColumn('kind', 'varchar(16)', (c) => c.notNull().defaultTo('comment'))
      .addColumn('thread_id', 'varchar(36)', (c) => c.references('comments.id').onDelete('cascade'))
      .addColumn('comment_id', 'varchar(36)', (c) => c.references('comments.id').onDelete('cascade'))
      .addColumn('version_id', 'varchar(36)', (c) => c.references('icp_versions.id').onDelete('cascade'))
      .addColumn('event', 'varchar(32)');
  } else {
    table = table
      .addColumn('thread_id', 'varchar(36)', (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('comment_id', 'varchar(36)', (c) =>
        c.notNull().references('comments.id').onDelete('cascade'),
      );
  }
  table = table.addColumn('reason', 'varchar(16)', (c) => c.notNull());
  if (shape === 'new') table = table.addColumn('detail', 'text');
  table = table
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)')
    .addUniqueConstraint('inbox_items_user_comment', ['user_id', 'comment_id']);
  if (shape === 'new') table = table.addCheckConstraint('inbox_items_kind_fields', KIND_CHECK);
  await table.execute();
}

async function createIndex(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('inbox_items_user_created')
    .on('inbox_items')
    .columns(['user_id', 'created_at'])
    .execute();
}
