import type { Kysely } from 'kysely';

/**
 * The quality coach: findings an editor dismissed on an ICP (keyed by the finding's stable key,
 * with the reason, who and when), and the checklist each version recorded (what the coach said
 * then and what had been dismissed), so a reviewer sees what was known and accepted; and who
 * edited which section as which function, for the ivory-tower rules.
 */
export const createCoach = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('coach_dismissals')
      .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
      .addColumn('finding_key', 'varchar(300)', (c) => c.notNull())
      .addColumn('rule_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('dismissed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('dismissed_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('coach_dismissals_pk', ['icp_id', 'finding_key'])
      .execute();
    await db.schema
      .createTable('version_checklists')
      .addColumn('version_id', 'varchar(36)', (c) =>
        c.primaryKey().references('icp_versions.id').onDelete('cascade'),
      )
      /** JSON: VersionChecklistDto. */
      .addColumn('checklist', 'text', (c) => c.notNull())
      .execute();
    // Edits per person and section of an ICP, with the function they edited as (ivory tower).
    await db.schema
      .createTable('icp_contributions')
      .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('section', 'varchar(32)', (c) => c.notNull())
      .addColumn('function', 'varchar(32)', (c) => c.notNull())
      .addColumn('edits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('icp_contributions_pk', ['icp_id', 'user_id', 'section'])
      .execute();
  },
};
