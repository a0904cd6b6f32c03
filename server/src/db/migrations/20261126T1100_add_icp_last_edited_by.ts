import type { Kysely } from 'kysely';

/**
 * Who last started editing an ICP's draft (a user id; no foreign key, so a deleted account only
 * loses its name in the list). Null until someone edits after this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('icps').addColumn('last_edited_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('icps').dropColumn('last_edited_by').execute();
}
