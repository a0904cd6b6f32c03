import { sql, type Kysely } from 'kysely';

/**
 * Workshop sessions on an ICP: the session (agenda and step states as JSON, the step timer as
 * JSON, the facilitator, the ICP's canonical JSON when it started, the summary and version when it
 * ended), who took part, the brainstorm notes, the dot-votes, and the edits made during the
 * session counted per person and section (for function coverage). At most one session per ICP
 * runs at a time: a partial unique index says so, whichever instance starts it.
 */
export const createWorkshops = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('workshops')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('icp_id', 'varchar(36)', (c) => c.notNull().references('icps.id').onDelete('cascade'))
      /** running | ended */
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('started_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('facilitator_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('ended_at', 'varchar(32)')
      /** JSON: the steps with their phase, time spent and voting settings. */
      .addColumn('steps', 'text', (c) => c.notNull())
      .addColumn('current_step', 'integer', (c) => c.notNull())
      /** JSON: the current step's timer (see shared/src/workshop/timer.ts). */
      .addColumn('timer', 'text', (c) => c.notNull())
      .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
      /** The ICP's canonical JSON when the session started, for the summary's changes. */
      .addColumn('start_canonical', 'text', (c) => c.notNull())
      /** JSON summary, once ended. */
      .addColumn('summary', 'text')
      .addColumn('version_id', 'varchar(36)', (c) => c.references('icp_versions.id').onDelete('set null'))
      .execute();
    await db.schema.createIndex('workshops_icp').on('workshops').columns(['icp_id', 'started_at']).execute();
    await db.schema
      .createIndex('workshops_one_running')
      .on('workshops')
      .column('icp_id')
      .unique()
      .where(sql.ref('status'), '=', 'running')
      .execute();

    await db.schema
      .createTable('workshop_participants')
      .addColumn('workshop_id', 'varchar(36)', (c) =>
        c.notNull().references('workshops.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      /** The person's role and function when they joined (the record keeps them). */
      .addColumn('role', 'varchar(16)', (c) => c.notNull())
      .addColumn('function', 'varchar(32)')
      .addColumn('joined_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('workshop_participants_pk', ['workshop_id', 'user_id'])
      .execute();

    await db.schema
      .createTable('workshop_notes')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('workshop_id', 'varchar(36)', (c) =>
        c.notNull().references('workshops.id').onDelete('cascade'),
      )
      .addColumn('step_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('section', 'varchar(32)', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('author_function', 'varchar(32)')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('merged_into', 'varchar(36)')
      .addColumn('promoted_at', 'varchar(32)')
      .addColumn('promoted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .execute();
    await db.schema
      .createIndex('workshop_notes_workshop')
      .on('workshop_notes')
      .columns(['workshop_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('workshop_votes')
      .addColumn('note_id', 'varchar(36)', (c) =>
        c.notNull().references('workshop_notes.id').onDelete('cascade'),
      )
      .addColumn('workshop_id', 'varchar(36)', (c) =>
        c.notNull().references('workshops.id').onDelete('cascade'),
      )
      .addColumn('voter_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('workshop_votes_pk', ['note_id', 'voter_id'])
      .execute();
    await db.schema
      .createIndex('workshop_votes_workshop')
      .on('workshop_votes')
      .column('workshop_id')
      .execute();

    await db.schema
      .createTable('workshop_edits')
      .addColumn('workshop_id', 'varchar(36)', (c) =>
        c.notNull().references('workshops.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('section', 'varchar(32)', (c) => c.notNull())
      .addColumn('function', 'varchar(32)', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('workshop_edits_pk', ['workshop_id', 'user_id', 'section'])
      .execute();
  },
};
