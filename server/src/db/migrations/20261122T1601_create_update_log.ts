import { sql, type Kysely } from 'kysely';

/** The Yjs update log and its snapshots. `dialect` decides the id and blob column types. */
export function createUpdateLog(dialect: 'sqlite' | 'postgres') {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const blob = dialect === 'postgres' ? 'bytea' : 'blob';
      await db.schema
        .createTable('icp_updates')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id'))
        .addColumn('data', sql.raw(blob), (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('icp_updates_icp_id_id')
        .on('icp_updates')
        .columns(['icp_id', 'id'])
        .execute();
      await db.schema
        .createTable('icp_snapshots')
        .addColumn('icp_id', 'varchar(36)', (c) => c.primaryKey().references('icps.id'))
        .addColumn('data', sql.raw(blob), (c) => c.notNull())
        .addColumn('last_update_id', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('icp_snapshots').execute();
      await db.schema.dropTable('icp_updates').execute();
    },
  };
}
