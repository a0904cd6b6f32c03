import type { Kysely } from 'kysely';

/** Days between an ICP's approval and its next review (DEFAULT_REVIEW_INTERVAL_DAYS). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('icps')
    .addColumn('review_interval_days', 'integer', (c) => c.notNull().defaultTo(90))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('icps').dropColumn('review_interval_days').execute();
}
