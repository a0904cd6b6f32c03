import type { Kysely } from 'kysely';

/**
 * Fit scoring: API tokens get a scope (`full`, or `scoring`: only the scoring API, for CRM
 * integrations), and a dataset scored with one version's model keeps its result (the summary: grade
 * counts, backtest, top accounts; the model itself, so the per-account scores and the CSV are
 * reproduced exactly from it and the scored dataset revision).
 */
export const createScoring = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('api_tokens')
      .addColumn('scope', 'varchar(16)', (c) => c.notNull().defaultTo('full'))
      .execute();
    await db.schema
      .createTable('dataset_scorings')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
      /** No foreign key: a dataset is deleted in batches, its scorings with its records. */
      .addColumn('dataset_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('dataset_revision', 'integer', (c) => c.notNull())
      /** approved | version | draft: how the model was chosen. */
      .addColumn('source', 'varchar(16)', (c) => c.notNull())
      .addColumn('version_id', 'varchar(36)')
      .addColumn('model_hash', 'varchar(64)', (c) => c.notNull())
      /** The compiled model (JSON), so exports reproduce every score. */
      .addColumn('model', 'text', (c) => c.notNull())
      /** JSON: source DTO, totals, grade rows, histogram, top accounts, elapsed time. */
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('dataset_scorings_icp')
      .on('dataset_scorings')
      .columns(['icp_id', 'dataset_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('dataset_scorings_dataset')
      .on('dataset_scorings')
      .column('dataset_id')
      .execute();
  },
};
