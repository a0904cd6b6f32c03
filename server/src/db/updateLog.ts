import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import * as Y from 'yjs';
import type { Database } from './schema.js';
import type { Clock } from '../clock.js';
import type { Dialect } from './database.js';
import { advisoryXactLocks, tryAdvisoryXactLock } from './advisoryLocks.js';

export interface StoredState {
  /** The compacted state, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Updates committed after the snapshot, in commit order. */
  updates: Uint8Array[];
  /**
   * The last log row this state holds (the snapshot's last merged row, or the newest row): a
   * catch-up reads what was committed after it (`readSince`). 0 when unknown (none read).
   */
  position?: number;
}

/** A transaction on the application database, for writes that must commit together. */
export type DbTransaction = Transaction<Database>;

export interface PendingUpdate {
  icpId: string;
  data: Uint8Array;
}

/** Batch sizes whose compiled INSERT is kept; group-commit batches are almost always small. */
const CACHED_INSERT_SIZES = 64;

/** A compiled multi-row INSERT into the log, and which row and column each parameter takes. */
interface InsertTemplate {
  sql: string;
  slots: { row: number; column: 'icp_id' | 'data' | 'created_at' }[];
}

/**
 * The append-only Yjs update log per ICP, plus its compacted snapshot. Loading reads the snapshot
 * and whatever rows remain, in one statement (one consistent view); compaction merges rows into
 * the snapshot and deletes exactly the rows it merged, so a row committed during compaction is
 * never lost.
 */
export class UpdateLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    /**
     * On PostgreSQL, commits of one ICP's updates take a transaction-scoped advisory lock, so an
     * ICP's row ids are in commit order (a sequence alone hands out ids before commit) and a reader
     * that saw row N has seen every row of that ICP before N: catching up by sequence misses
     * nothing, whichever instance committed. SQLite has one writer at a time and needs none.
     */
    private readonly dialect: Dialect,
  ) {}

  private readonly insertTemplates = new Map<number, InsertTemplate>();

  /**
   * Commits `update` (if any) and whatever `also` writes in one transaction: a server-side change
   * of the draft and the records that describe it (a restore's versions and audit entry) are
   * durable together or not at all.
   */
  async appendWith<T>(update: PendingUpdate | null, also: (trx: DbTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      if (update) await this.append([update], trx);
      return also(trx);
    });
  }

  /**
   * Commits a batch of updates in one transaction (or as part of `trx`). Resolves only once they
   * are durable.
   */
  async append(batch: readonly PendingUpdate[], trx?: DbTransaction): Promise<void> {
    if (batch.length === 0) return;
    if (trx) return this.insert(batch, trx);
    // SQLite: one multi-row INSERT is one atomic statement (and usually the whole batch).
    if (this.dialect === 'sqlite' && batch.length <= 500) return this.insert(batch, this.db);
    await this.db.transaction().execute((trx) => this.insert(batch, trx));
  }

  private async insert(batch: readonly PendingUpdate[], db: Kysely<Database>): Promise<void> {
    if (this.dialect === 'postgres')
      await advisoryXactLocks(
        db,
        'icpLog',
        batch.map((u) => u.icpId),
      );
    const createdAt = this.clock.now().toISOString();
    // One multi-row INSERT is one atomic statement; chunk to stay under parameter limits.
    for (let i = 0; i < batch.length; i += 500) {
      const rows = batch.slice(i, i + 500);
      const template = this.insertTemplate(rows.length);
      const parameters = template.slots.map(({ row, column }) => {
        const update = rows[row]!;
        return column === 'icp_id' ? update.icpId : column === 'data' ? update.data : createdAt;
      });
      await db.executeQuery(CompiledQuery.raw(template.sql, parameters));
    }
  }

  /**
   * Building and compiling the INSERT with Kysely takes about as much CPU (~25 µs) as SQLite needs
   * to run it, fsync aside, and one runs per group commit: per keystroke when typing is sparse. So
   * the SQL of each batch size is compiled once, with marker values that reveal which row and
   * column each parameter is, and reused.
   */
  private insertTemplate(rows: number): InsertTemplate {
    const cached = this.insertTemplates.get(rows);
    if (cached) return cached;
    const markers = new Map<unknown, InsertTemplate['slots'][number]>();
    const values = Array.from({ length: rows }, (_, row) => {
      const value = {
        icp_id: `icp_id of row ${row}`,
        data: new Uint8Array(0),
        created_at: `created_at of row ${row}`,
      };
      markers.set(value.icp_id, { row, column: 'icp_id' });
      markers.set(value.data, { row, column: 'data' });
      markers.set(value.created_at, { row, column: 'created_at' });
      return value;
    });
    const compiled = this.db.insertInto('icp_updates').values(values).compile();
    const slots = compiled.parameters.map((parameter) => {
      const slot = markers.get(parameter);
      if (!slot) throw new Error('the compiled log INSERT has a parameter that is not a row value');
      return slot;
    });
    const template = { sql: compiled.sql, slots };
    if (rows <= CACHED_INSERT_SIZES) this.insertTemplates.set(rows, template);
    return template;
  }

  /**
   * The snapshot and the tail after it, read in ONE statement so both come from the same database
   * snapshot: read separately, a compaction committing between the two reads (PostgreSQL pool
   * connections, or SQLite between two statements of the shared connection) leaves the old
   * snapshot (or none) with the tail already deleted, i.e. a partial or empty draft.
   */
  async load(icpId: string, db: Kysely<Database> = this.db): Promise<StoredState> {
    const rows = await db
      .selectFrom('icp_snapshots')
      .select([sql<number>`0`.as('part'), sql<number>`last_update_id`.as('id'), 'data'])
      .where('icp_id', '=', icpId)
      .unionAll((eb) =>
        eb
          .selectFrom('icp_updates')
          .select([sql<number>`1`.as('part'), 'id', 'data'])
          .where('icp_id', '=', icpId),
      )
      .orderBy('part')
      .orderBy('id')
      .execute();
    return storedState(rows);
  }

  /**
   * What was committed for an ICP after log row `position` (one statement, like `load`): the rows
   * after it, and the snapshot too if a compaction merged rows after it. An instance that missed
   * fan-out messages (Redis was down) applies this and has everything committed up to the
   * returned position.
   */
  async readSince(icpId: string, position: number): Promise<StoredState> {
    const rows = await this.db
      .selectFrom('icp_snapshots')
      .select([sql<number>`0`.as('part'), sql<number>`last_update_id`.as('id'), 'data'])
      .where('icp_id', '=', icpId)
      .where('last_update_id', '>', position)
      .unionAll((eb) =>
        eb
          .selectFrom('icp_updates')
          .select([sql<number>`1`.as('part'), 'id', 'data'])
          .where('icp_id', '=', icpId)
          .where('id', '>', position),
      )
      .orderBy('part')
      .orderBy('id')
      .execute();
    const state = storedState(rows);
    return { ...state, position: Math.max(position, state.position ?? 0) };
  }

  /**
   * An ICP's whole stored state (snapshot and tail merged) as one update, for reading the draft
   * where no room holds it.
   */
  async loadState(icpId: string, db: Kysely<Database> = this.db): Promise<Uint8Array> {
    const { snapshot, updates } = await this.load(icpId, db);
    return mergeState(snapshot, updates, (error) =>
      console.error(`icp ${icpId}: skipped an unreadable stored update`, error),
    );
  }

  /** Number of update rows not yet merged into the snapshot. */
  async tailLength(icpId: string): Promise<number> {
    const row = await this.db
      .selectFrom('icp_updates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('icp_id', '=', icpId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Merges the snapshot and every current row into a new snapshot (garbage-collected Yjs state) and
   * deletes those rows, in one transaction. Returns how many rows were merged.
   */
  async compact(icpId: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      // Two compactions of one ICP (two instances) would each write a snapshot of what they read;
      // the later one could drop rows the earlier merged and deleted. One at a time; the other skips.
      if (this.dialect === 'postgres' && !(await tryAdvisoryXactLock(trx, 'icpCompaction', icpId))) return 0;
      const snapshot = await trx
        .selectFrom('icp_snapshots')
        .select('data')
        .where('icp_id', '=', icpId)
        .executeTakeFirst();
      const rows = await trx
        .selectFrom('icp_updates')
        .select(['id', 'data'])
        .where('icp_id', '=', icpId)
        .orderBy('id')
        .execute();
      if (rows.length === 0) return 0;
      const merged = mergeState(
        snapshot ? toBytes(snapshot.data) : null,
        rows.map((r) => toBytes(r.data)),
        (error) => console.error('compaction skipped an unreadable update', error),
      );
      const lastId = rows[rows.length - 1]!.id;
      const now = this.clock.now().toISOString();
      await trx
        .insertInto('icp_snapshots')
        .values({ icp_id: icpId, data: merged, last_update_id: lastId, updated_at: now })
        .onConflict((oc) =>
          oc.column('icp_id').doUpdateSet({ data: merged, last_update_id: lastId, updated_at: now }),
        )
        .execute();
      const ids = rows.map((r) => r.id);
      for (let i = 0; i < ids.length; i += 500) {
        await trx
          .deleteFrom('icp_updates')
          .where('icp_id', '=', icpId)
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
      }
      return rows.length;
    });
  }
}

/** Applies stored updates to a fresh document, skipping (and reporting) any that cannot be applied. */
export function buildDoc(state: StoredState, onBadUpdate?: (error: unknown) => void): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  applyStored(doc, state, onBadUpdate);
  return doc;
}

/**
 * Applies stored updates to `doc`, skipping (and reporting) any that cannot be applied. Structs or
 * deletions left pending (stored before every update was checked: they wait for changes that will
 * never come) are reported and dropped, so the document, and what is built from it (snapshots,
 * the checks of later updates), holds only what it can show.
 */
export function applyStored(doc: Y.Doc, state: StoredState, onBadUpdate?: (error: unknown) => void): void {
  const parts = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
  for (const update of parts) {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      onBadUpdate?.(error);
    }
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    onBadUpdate?.(new Error('dropped stored changes that depend on changes never stored'));
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
  }
}

function storedState(rows: readonly { part: number; id: number; data: Uint8Array }[]): StoredState {
  let snapshot: Uint8Array | null = null;
  const updates: Uint8Array[] = [];
  let position = 0;
  for (const row of rows) {
    if (Number(row.part) === 0) snapshot = toBytes(row.data);
    else updates.push(toBytes(row.data));
    position = Math.max(position, Number(row.id));
  }
  return { snapshot, updates, position };
}

function mergeState(
  snapshot: Uint8Array | null,
  updates: Uint8Array[],
  onBadUpdate: (error: unknown) => void,
): Uint8Array {
  const doc = buildDoc({ snapshot, updates }, onBadUpdate);
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

function toBytes(data: Uint8Array): Uint8Array {
  // pg returns Buffer, better-sqlite3 returns Buffer; Yjs wants a plain view either way.
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
