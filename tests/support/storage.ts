import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Tables of the document store a test may count rows in. */
export type StorageTable = 'icp_updates' | 'icp_snapshots';

/**
 * Read-only look into the server's document storage (the SQLite file under DATA_DIR, or the
 * PostgreSQL database), for assertions about what is stored rather than what is served.
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

  async close(): Promise<void> {
    await this.pool?.end();
    this.pool = undefined;
  }
}
