import { sql, type Kysely } from 'kysely';

/**
 * Versions: immutable snapshots of an ICP (its Yjs state and canonical JSON, with the SHA-256 of
 * that JSON), numbered 1, 2, 3… per ICP. Rows are only ever inserted.
 */
export function createIcpVersions(dialect: 'sqlite' | 'postgres') {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('icp_versions')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('note', 'text')
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('state', sql.raw(dialect === 'postgres' ? 'bytea' : 'blob'), (c) => c.notNull())
        .addColumn('canonical', 'text', (c) => c.notNull())
        .addColumn('hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('restored_from', 'integer')
        .addUniqueConstraint('icp_versions_icp_id_number', ['icp_id', 'number'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('icp_versions').execute();
    },
  };
}
