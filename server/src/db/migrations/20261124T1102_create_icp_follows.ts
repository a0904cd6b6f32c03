import type { Kysely } from 'kysely';

/** Who follows which ICP; a row with `following` 0 is an explicit unfollow. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('icp_follows')
    .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('following', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('icp_follows_pk', ['icp_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('icp_follows').execute();
}
