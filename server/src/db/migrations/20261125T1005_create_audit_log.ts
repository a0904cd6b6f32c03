import type { Kysely } from 'kysely';

/**
 * The append-only audit log: one hash chain per workspace (seq 1, 2, 3…; each entry holds the
 * previous entry's hash). No foreign key may rewrite a row (no cascades, no set null): the ids are
 * part of what each hash covers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('icp_id', 'varchar(36)')
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    /** Canonical JSON of what happened. */
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_pk', ['workspace_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_log_icp')
    .on('audit_log')
    .columns(['workspace_id', 'icp_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
}
