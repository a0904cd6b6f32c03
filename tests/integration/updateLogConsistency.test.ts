import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  sql,
  SqliteDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
} from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { systemClock } from '../../server/src/clock.js';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/database.js';
import { IcpStore } from '../../server/src/db/icpStore.js';
import type { Database } from '../../server/src/db/schema.js';
import { buildDoc, UpdateLog } from '../../server/src/db/updateLog.js';
import { WorkspaceStore } from '../../server/src/db/workspaceStore.js';
import { BACKENDS, type Backend } from '../support/backends.js';
import { createTempDatabase, type TempDatabase } from '../support/postgres.js';
import { waitFor } from '../support/waitFor.js';

/**
 * Loading an ICP while it is compacted, against the real databases: every load must return the
 * whole document, never an old snapshot (or none) without the tail that compaction just merged.
 */

/** Decides, per statement, whether it runs now or waits (`hold` resolves when it may run). */
type Hold = (sql: string) => Promise<void>;

/**
 * A dialect whose connections run `hold(sql)` before every statement, so a test can stop a load
 * at an exact point (say, before it reads the log) and let a compaction commit meanwhile.
 * `running` counts statements sent to the database and not yet answered.
 */
class HoldingDialect implements Dialect {
  running = 0;

  constructor(
    private readonly inner: Dialect,
    private readonly hold: Hold,
  ) {}

  createAdapter() {
    return this.inner.createAdapter();
  }

  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>) {
    return this.inner.createIntrospector(db);
  }

  createDriver(): Driver {
    const driver = this.inner.createDriver();
    const inners = new WeakMap<DatabaseConnection, DatabaseConnection>();
    const unwrap = (connection: DatabaseConnection) => inners.get(connection) ?? connection;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const dialect = this;
    return {
      init: () => driver.init(),
      destroy: () => driver.destroy(),
      async acquireConnection() {
        const inner = await driver.acquireConnection();
        const wrapped: DatabaseConnection = {
          async executeQuery(query) {
            await dialect.hold(query.sql);
            dialect.running++;
            try {
              return await inner.executeQuery(query);
            } finally {
              dialect.running--;
            }
          },
          streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
        };
        inners.set(wrapped, inner);
        return wrapped;
      },
      beginTransaction: (connection, settings) => driver.beginTransaction(unwrap(connection), settings),
      async commitTransaction(connection) {
        await dialect.hold('commit');
        return driver.commitTransaction(unwrap(connection));
      },
      rollbackTransaction: (connection) => driver.rollbackTransaction(unwrap(connection)),
      releaseConnection: (connection) => driver.releaseConnection(unwrap(connection)),
    };
  }
}

/**
 * Holds the first statement that reads the update log, once armed (or, armed with `'commit'`, the
 * first transaction's commit), until released.
 */
class LogReadGate {
  private armed: 'log' | 'commit' | false = false;
  reached = false;
  private release: () => void = () => {};

  arm(what: 'log' | 'commit' = 'log'): void {
    this.armed = what;
    this.reached = false;
  }

  open(): void {
    this.release();
  }

  readonly hold: Hold = (sql) => {
    if (this.armed === false) return Promise.resolve();
    if (this.armed === 'log' ? !sql.includes('"icp_updates"') : sql !== 'commit') return Promise.resolve();
    this.armed = false;
    this.reached = true;
    return new Promise((resolve) => (this.release = resolve));
  };
}

interface Setup {
  /** The server's own handle: compaction (and the stress test's loads) run on it. */
  main: DatabaseHandle;
  /** A second handle to the same database whose statements the gate can hold. */
  loaderDb: Kysely<Database>;
  dialect: HoldingDialect;
  gate: LogReadGate;
  cleanup(): Promise<void>;
}

async function open(backend: Backend): Promise<Setup> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-updatelog-'));
  let temp: TempDatabase | undefined;
  let inner: Dialect;
  if (backend === 'postgres') {
    temp = await createTempDatabase();
    inner = new PostgresDialect({ pool: new pg.Pool({ connectionString: temp.url, max: 4 }) });
  } else {
    inner = new SqliteDialect({
      database: async () => {
        const sqlite = new SQLite(path.join(dataDir, 'bullseye.sqlite'));
        sqlite.pragma('busy_timeout = 5000');
        return sqlite;
      },
    });
  }
  const main = await openDatabase({ dataDir, databaseUrl: temp?.url });
  const gate = new LogReadGate();
  const dialect = new HoldingDialect(inner, gate.hold);
  const loaderDb = new Kysely<Database>({ dialect });
  return {
    main,
    loaderDb,
    dialect,
    gate,
    async cleanup() {
      await loaderDb.destroy();
      await main.close();
      await temp?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function newIcp(db: DatabaseHandle, title: string): Promise<string> {
  const workspace = await new WorkspaceStore(db.db, systemClock).create('Consistency');
  return (await new IcpStore(db.db, systemClock).create(workspace.id, title)).id;
}

/** A writer whose every change is one row in the log, like a client's keystrokes. */
class Writer {
  readonly doc = new Y.Doc();
  private readonly probe = this.doc.getArray<number>('probe');
  private pending: Uint8Array[] = [];

  constructor(
    private readonly log: UpdateLog,
    readonly icpId: string,
  ) {
    this.doc.on('update', (update: Uint8Array) => this.pending.push(update));
  }

  /** Appends `count` more items, one committed row each. */
  async write(count: number): Promise<void> {
    for (let i = 0; i < count; i++) this.probe.push([this.probe.length]);
    const rows = this.pending.splice(0).map((data) => ({ icpId: this.icpId, data }));
    await this.log.append(rows);
  }

  get length(): number {
    return this.probe.length;
  }
}

/** Resolves after `n` turns of the event loop. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** How many items a loaded state holds (what a room, version or export would be built from). */
function loadedLength(state: Awaited<ReturnType<UpdateLog['load']>>): number {
  const doc = buildDoc(state);
  const length = doc.getArray('probe').length;
  doc.destroy();
  return length;
}

describe.each(BACKENDS)('loading while compacting on %s', (backend) => {
  let setup: Setup;

  beforeAll(async () => {
    setup = await open(backend);
  });

  afterAll(async () => {
    await setup?.cleanup();
  });

  it('returns the whole document when a compaction commits in the middle of the load', async () => {
    const log = new UpdateLog(setup.main.db, systemClock, setup.main.dialect);
    const loader = new UpdateLog(setup.loaderDb, systemClock, setup.main.dialect);
    const writer = new Writer(log, await newIcp(setup.main, 'Held load'));
    // Round 0 compacts into no snapshot yet, later rounds into an existing one.
    for (let round = 0; round < 3; round++) {
      await writer.write(5);
      setup.gate.arm();
      const loading = loader.load(writer.icpId);
      // The load is stopped before it reads the log, and nothing else of it is in flight…
      await waitFor(() => setup.gate.reached && setup.dialect.running === 0);
      // …when a compaction merges and deletes the whole tail, and commits.
      expect(await log.compact(writer.icpId)).toBe(5);
      setup.gate.open();
      expect(loadedLength(await loading)).toBe(writer.length);
    }
  });

  it('returns the whole document from every one of many concurrent load + compact pairs', async () => {
    const log = new UpdateLog(setup.main.db, systemClock, setup.main.dialect);
    const writers = await Promise.all(
      Array.from(
        { length: 10 },
        async (_, i) => new Writer(log, await newIcp(setup.main, `Concurrent ${i}`)),
      ),
    );
    const short: string[] = [];
    let pairs = 0;
    for (let round = 0; round < 60; round++) {
      await Promise.all(
        writers.map(async (writer, index) => {
          await writer.write(1 + (round % 3));
          const expected = writer.length;
          // The load starts a varying number of event-loop turns into the compaction, so across
          // the pairs its reads land before, during and after the compaction's commit.
          const compacting = log.compact(writer.icpId);
          await turns((round * 7 + index * 3) % 12);
          const [state] = await Promise.all([log.load(writer.icpId), compacting]);
          pairs++;
          const got = loadedLength(state);
          if (got !== expected) short.push(`round ${round}: loaded ${got} of ${expected} items`);
        }),
      );
    }
    expect(pairs).toBe(600);
    expect(short).toEqual([]);
  });
});

describe('catching up by sequence on PostgreSQL (several instances)', () => {
  let setup: Setup;

  beforeAll(async () => {
    setup = await open('postgres');
  });

  afterAll(async () => {
    await setup?.cleanup();
  });

  it("gives an ICP's log rows ids in commit order, so a reader after row N never misses one before it", async () => {
    const icpId = await newIcp(setup.main, 'Two instances writing');
    // Two instances: one whose commit the test holds, one on its own pool; a third reads.
    const slow = new Writer(new UpdateLog(setup.loaderDb, systemClock, 'postgres'), icpId);
    const fast = new Writer(new UpdateLog(setup.main.db, systemClock, 'postgres'), icpId);
    const reader = new UpdateLog(setup.main.db, systemClock, 'postgres');
    const start = (await reader.load(icpId)).position ?? 0;

    setup.gate.arm('commit');
    const slowWrite = slow.write(1); // inserted, its commit held
    await waitFor(() => setup.gate.reached);
    let fastDone = false;
    const fastWrite = fast.write(1).then(() => (fastDone = true));
    // The second writer waits for the first's lock instead of committing a later id first.
    await waitFor(async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
        where locktype = 'advisory' and not granted`.execute(setup.main.db);
      return fastDone || rows[0]!.n > 0;
    });
    const midway = await reader.readSince(icpId, start);
    setup.gate.open();
    await Promise.all([slowWrite, fastWrite]);
    const rest = await reader.readSince(icpId, midway.position ?? start);
    expect(midway.updates.length + rest.updates.length).toBe(2);
  });
});
