import { sql, type Kysely } from 'kysely';

/**
 * The tables better-auth reads and writes (users, password accounts, sessions, verifications), in
 * its column naming, created here so they are versioned like every other table. Column types
 * follow what better-auth's Kysely adapter expects on each dialect.
 */
export function createAuthTables(dialect: 'sqlite' | 'postgres') {
  const time = dialect === 'postgres' ? 'timestamptz' : 'date';
  const bool = dialect === 'postgres' ? 'boolean' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('emailVerified', sql.raw(bool), (c) => c.notNull())
        .addColumn('image', 'text')
        .addColumn('createdAt', sql.raw(time), (c) => c.notNull())
        .addColumn('updatedAt', sql.raw(time), (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('expiresAt', sql.raw(time), (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull().unique())
        .addColumn('createdAt', sql.raw(time), (c) => c.notNull())
        .addColumn('updatedAt', sql.raw(time), (c) => c.notNull())
        .addColumn('ipAddress', 'text')
        .addColumn('userAgent', 'text')
        .addColumn('userId', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .execute();
      await db.schema.createIndex('sessions_userId_idx').on('sessions').column('userId').execute();
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull())
        .addColumn('providerId', 'text', (c) => c.notNull())
        .addColumn('userId', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('accessToken', 'text')
        .addColumn('refreshToken', 'text')
        .addColumn('idToken', 'text')
        .addColumn('accessTokenExpiresAt', sql.raw(time))
        .addColumn('refreshTokenExpiresAt', sql.raw(time))
        .addColumn('scope', 'text')
        .addColumn('password', 'text')
        .addColumn('createdAt', sql.raw(time), (c) => c.notNull())
        .addColumn('updatedAt', sql.raw(time), (c) => c.notNull())
        .execute();
      await db.schema.createIndex('accounts_userId_idx').on('accounts').column('userId').execute();
      await db.schema
        .createTable('verifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('identifier', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('expiresAt', sql.raw(time), (c) => c.notNull())
        .addColumn('createdAt', sql.raw(time), (c) => c.notNull())
        .addColumn('updatedAt', sql.raw(time), (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('verifications_identifier_idx')
        .on('verifications')
        .column('identifier')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['verifications', 'accounts', 'sessions', 'users']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
