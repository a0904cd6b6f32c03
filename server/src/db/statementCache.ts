import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { LruMap } from '../lruMap.js';

/** Distinct SQL texts kept prepared (queries with `in (...)` lists of varying length churn through). */
const MAX_STATEMENTS = 500;

/**
 * better-sqlite3 for Kysely, with its prepared statements reused: Kysely prepares every query
 * again, and preparing costs more than running the short queries most requests make (about a
 * seventh of the CPU of a one-account scoring request). Statements are kept per SQL text, least
 * recently used first out; one still busy (an open iterator) is not shared, a fresh one is
 * prepared instead. SQLite re-prepares a statement itself when the schema changes.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new LruMap<string, BetterSqlite3.Statement>(MAX_STATEMENTS);
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (!cached) statements.set(sql, statement);
      return statement;
    },
  };
}
