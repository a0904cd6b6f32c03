import { sql, type Kysely } from 'kysely';

/**
 * Several ICPs: what an ICP describes (`icp`, or `negative`: who we never sell to, whose approved
 * criteria disqualify in every other ICP of the workspace), and which one is the workspace's
 * primary ICP (`primary_at`, when it was marked). At most one primary per workspace: a partial
 * unique index says so, whichever instance marks it.
 */
export const addIcpKindAndPrimary = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('icps')
      .addColumn('kind', 'varchar(16)', (c) => c.notNull().defaultTo('icp'))
      .execute();
    await db.schema.alterTable('icps').addColumn('primary_at', 'varchar(32)').execute();
    await db.schema
      .createIndex('icps_one_primary')
      .on('icps')
      .column('workspace_id')
      .unique()
      .where(sql.ref('primary_at'), 'is not', null)
      .execute();
  },
};
