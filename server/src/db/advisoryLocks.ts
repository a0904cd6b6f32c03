import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * PostgreSQL advisory locks that coordinate instances sharing one database. Each kind of work has
 * its own namespace (the lock's first key); the second is a hash of what is locked (an ICP id), so
 * two ICPs rarely share a lock, and when they do the only cost is waiting. Transaction-scoped:
 * released by the commit or rollback, so a crashed instance never leaves one behind.
 */
export const LOCK_NAMESPACES = {
  /** Commits of an ICP's updates: its log rows get ids in commit order (UpdateLog). */
  icpLog: 71_001,
  /** Compaction of an ICP's log: one at a time across instances (UpdateLog.compact). */
  icpCompaction: 71_002,
  /** An account import's job: run by one instance at a time (ImportRunner). */
  importJob: 71_003,
} as const;

export type LockNamespace = keyof typeof LOCK_NAMESPACES;

/**
 * Waits for the locks on `keys` in `namespace`, held until `trx` ends, in one statement (one
 * round trip however many). Taken in hash order, so two transactions locking overlapping sets
 * never deadlock. PostgreSQL only.
 */
export async function advisoryXactLocks(
  trx: Kysely<Database>,
  namespace: LockNamespace,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  // OFFSET 0 keeps the sorted subquery from being flattened: the locks are taken in its order.
  await sql`select pg_advisory_xact_lock(${LOCK_NAMESPACES[namespace]}::int4, h) from (
      select distinct hashtext(k) as h from unnest(${[...keys]}::text[]) as k order by h offset 0
    ) as ordered`.execute(trx);
}

/** Takes the lock on `key` if nobody holds it; answers whether it did. PostgreSQL only. */
export async function tryAdvisoryXactLock(
  trx: Kysely<Database>,
  namespace: LockNamespace,
  key: string,
): Promise<boolean> {
  const { rows } = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(${LOCK_NAMESPACES[namespace]}::int4, hashtext(${key})) as locked`.execute(
    trx,
  );
  return rows[0]?.locked === true;
}

/**
 * Runs `work` while holding a session-level lock on `key` (on a connection of its own, kept for
 * the duration), if nobody holds it; answers whether it ran. The lock ends with the session, so
 * an instance that dies mid-work frees it for another. PostgreSQL only.
 */
export async function whileLocked(
  db: Kysely<Database>,
  namespace: LockNamespace,
  key: string,
  work: () => Promise<void>,
): Promise<boolean> {
  const id = LOCK_NAMESPACES[namespace];
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${id}::int4, hashtext(${key})) as locked`.execute(connection);
    if (rows[0]?.locked !== true) return false;
    try {
      await work();
      return true;
    } finally {
      await sql`select pg_advisory_unlock(${id}::int4, hashtext(${key}))`.execute(connection).catch(() => {});
    }
  });
}
