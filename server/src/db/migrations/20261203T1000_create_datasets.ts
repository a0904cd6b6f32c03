import { sql, type Kysely } from 'kysely';

/**
 * Account datasets (CRM exports) of a workspace, their imports, their accounts and the import staging
 * area. Accounts have typed columns for the mapped fields and a JSON text column for the rest.
 * Accounts and staged rows have no foreign-key cascade: a dataset's rows are deleted in batches
 * first, so one large delete never holds the database (or, on SQLite, the event loop) for seconds.
 */
export function createDatasets(dialect: 'sqlite' | 'postgres') {
  const real = sql.raw('double precision');
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('datasets')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
        /** importing (first import not committed), ready, failed (first import failed), deleting. */
        .addColumn('state', 'varchar(16)', (c) => c.notNull())
        .addColumn('account_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
        /** JSON: the fields with a known value, the status counts, the custom attribute names. */
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('datasets_workspace')
        .on('datasets')
        .columns(['workspace_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('dataset_imports')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('dataset_id', 'varchar(36)', (c) => c.notNull().references('datasets.id'))
        .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
        /** Whether committing it makes the dataset (its first import). */
        .addColumn('first', 'integer', (c) => c.notNull())
        .addColumn('state', 'varchar(16)', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_bytes', big, (c) => c.notNull())
        .addColumn('received_bytes', big, (c) => c.notNull().defaultTo(0))
        /** JSON: encoding, notice, delimiter, headers, preview (set when the file is complete). */
        .addColumn('dialect', 'text')
        .addColumn('mapping', 'text')
        .addColumn('bytes_read', big, (c) => c.notNull().defaultTo(0))
        .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('started_at', 'varchar(32)')
        .addColumn('report', 'text')
        .addColumn('error', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('finished_at', 'varchar(32)')
        .execute();
      await db.schema
        .createIndex('dataset_imports_dataset')
        .on('dataset_imports')
        .columns(['dataset_id', 'created_at'])
        .execute();
      for (const table of ['dataset_accounts', 'import_rows'] as const) {
        let builder = db.schema.createTable(table);
        builder =
          table === 'dataset_accounts'
            ? builder.addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
                dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
              )
            : builder.addColumn('import_id', 'varchar(36)', (c) => c.notNull());
        builder = builder
          .addColumn('dataset_id', 'varchar(36)', (c) => c.notNull().references('datasets.id'))
          /** What re-imports match on: `id:<record id>`, else `domain:<domain>`, else `name:<name>`. */
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('line', 'integer', (c) => c.notNull())
          .addColumn('external_id', 'text')
          .addColumn('name', 'text')
          .addColumn('domain', 'text')
          .addColumn('industry', 'text')
          .addColumn('employees', real)
          .addColumn('revenue', real)
          .addColumn('currency', 'varchar(3)')
          .addColumn('country', 'text')
          .addColumn('region', 'text')
          /** JSON array of strings. */
          .addColumn('technologies', 'text')
          .addColumn('status', 'varchar(16)')
          .addColumn('first_deal_at', 'varchar(10)')
          .addColumn('closed_at', 'varchar(10)')
          .addColumn('acv', real)
          .addColumn('ltv', real)
          .addColumn('nps', real)
          .addColumn('adoption', real)
          /** JSON object of the unmapped columns kept as custom attributes. */
          .addColumn('custom', 'text');
        if (table === 'import_rows')
          builder = builder.addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'key'] as never[]);
        await builder.execute();
      }
      await db.schema
        .createIndex('dataset_accounts_key')
        .on('dataset_accounts')
        .columns(['dataset_id', 'key'])
        .unique()
        .execute();
      await db.schema
        .createIndex('dataset_accounts_id')
        .on('dataset_accounts')
        .columns(['dataset_id', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['import_rows', 'dataset_accounts', 'dataset_imports', 'datasets']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
