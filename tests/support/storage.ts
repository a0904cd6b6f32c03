import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';

/** Tables with an `icp_id` a test may count rows in (per ICP). */
export type StorageTable = 'icp_updates' | 'icp_snapshots' | 'comments' | 'inbox_items' | 'icp_follows';

/**
 * A look into the server's storage (the SQLite file under DATA_DIR, or the PostgreSQL database),
 * for assertions about what is stored rather than what is served; `tamper` writes behind the
 * server's back, as an attacker with database access would.
 */
export class StorageInspector {
  private pool: pg.Pool | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly databaseUrl: string | undefined,
  ) {}

  /** Rows of `table` that belong to one ICP. */
  async count(table: StorageTable, icpId: string): Promise<number> {
    const sql = `SELECT COUNT(*) AS n FROM ${table} WHERE icp_id = $1`;
    if (this.databaseUrl) {
      this.pool ??= new pg.Pool({ connectionString: this.databaseUrl, max: 1 });
      const result = await this.pool.query<{ n: string }>(sql, [icpId]);
      return Number(result.rows[0]!.n);
    }
    const db = new Database(path.join(this.dataDir, 'bullseye.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      const row = db.prepare(sql.replace('$1', '?')).get(icpId) as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  }

  /**
   * The ICP's document as stored (its snapshot plus the update log after it), built without the
   * server: what a restart would serve. The caller destroys the returned Y.Doc.
   */
  async storedDoc(icpId: string): Promise<Y.Doc> {
    const snapshotSql = 'SELECT data FROM icp_snapshots WHERE icp_id = $1';
    const updatesSql = 'SELECT data FROM icp_updates WHERE icp_id = $1 ORDER BY id';
    let rows: { data: Uint8Array }[];
    if (this.databaseUrl) {
      this.pool ??= new pg.Pool({ connectionString: this.databaseUrl, max: 1 });
      const client = await this.pool.connect();
      try {
        // One snapshot of the database, so a compaction cannot move rows between the two reads.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const snapshot = await client.query<{ data: Buffer }>(snapshotSql, [icpId]);
        const updates = await client.query<{ data: Buffer }>(updatesSql, [icpId]);
        await client.query('COMMIT');
        rows = [...snapshot.rows, ...updates.rows];
        client.release();
      } catch (error) {
        client.release(true); // discard the connection with its open transaction
        throw error;
      }
    } else {
      const db = new Database(path.join(this.dataDir, 'bullseye.sqlite'), {
        readonly: true,
        fileMustExist: true,
      });
      try {
        // One read transaction, so a compaction cannot move rows between the two reads.
        rows = db.transaction(() => [
          ...(db.prepare(snapshotSql.replace('$1', '?')).all(icpId) as { data: Buffer }[]),
          ...(db.prepare(updatesSql.replace('$1', '?')).all(icpId) as { data: Buffer }[]),
        ])();
      } finally {
        db.close();
      }
    }
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    return doc;
  }

  /**
   * Runs one writing statement directly against the database, behind the server's back (e.g. to
   * tamper with an audit row, or to move a date into the past). `$1`, `$2`… are its parameters.
   * Answers how many rows it changed.
   */
  async tamper(statement: string, params: unknown[] = []): Promise<number> {
    if (this.databaseUrl) {
      this.pool ??= new pg.Pool({ connectionString: this.databaseUrl, max: 1 });
      const result = await this.pool.query(statement, params);
      return result.rowCount ?? 0;
    }
    const db = new Database(path.join(this.dataDir, 'bullseye.sqlite'), { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      return db.prepare(statement.replace(/\$\d+/g, '?')).run(...params).changes;
    } finally {
      db.close();
    }
  }

  /** Rows of any query, for assertions about stored records (`$1`… parameters). */
  async rows<T>(query: string, params: unknown[] = []): Promise<T[]> {
    if (this.databaseUrl) {
      this.pool ??= new pg.Pool({ connectionString: this.databaseUrl, max: 1 });
      return (await this.pool.query(query, params)).rows as T[];
    }
    const db = new Database(path.join(this.dataDir, 'bullseye.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      return db.prepare(query.replace(/\$\d+/g, '?')).all(...params) as T[];
    } finally {
      db.close();
    }
  }

  /**
   * A connection of its own to the server's PostgreSQL database (the caller ends it), for holding
   * locks or transactions open while the server works; there is none on SQLite.
   */
  async ownPostgresConnection(): Promise<pg.Client> {
    if (!this.databaseUrl) throw new Error('the server runs on SQLite');
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    return client;
  }

  async close(): Promise<void> {
    await this.pool?.end();
    this.pool = undefined;
  }
}
