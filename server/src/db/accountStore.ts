import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AccountColumnsRow, AccountsTable, Database } from './schema.js';
import type { AccountRow } from '../datasets/accountRowReader.js';

export type StoredAccount = Selectable<AccountsTable>;

/** The technologies a stored account runs (its JSON text column); anything unreadable is none. */
export function technologiesOf(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The typed columns every write sets (all but the ids). */
export const VALUE_COLUMNS = [
  'line',
  'external_id',
  'name',
  'domain',
  'industry',
  'employees',
  'revenue',
  'currency',
  'country',
  'region',
  'technologies',
  'status',
  'first_deal_at',
  'closed_at',
  'acv',
  'ltv',
  'nps',
  'adoption',
  'custom',
] as const satisfies readonly (keyof AccountColumnsRow)[];
export type AccountValueColumn = (typeof VALUE_COLUMNS)[number];

/** Rows deleted per statement when a dataset or a staged import is removed. */
const DELETE_BATCH = 20_000;

/**
 * Accounts of datasets, and the staging area of re-imports (`import_rows`): a re-import's rows wait
 * there, invisible, until the person commits them; then they update accounts by key in one
 * statement. A first import writes into `accounts` directly (its dataset is not readable before it
 * is committed). Large deletes run in batches.
 */
export class AccountStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres' = 'sqlite',
  ) {}

  /**
   * After a bulk write, PostgreSQL plans from statistics: without them a freshly filled table is
   * read and sorted whole for every batch of a scan (quadratic over a million accounts).
   */
  async refreshStatistics(): Promise<void> {
    if (this.dialect === 'postgres') await sql`analyze dataset_accounts`.execute(this.db);
  }

  /** Writes accounts of a first import; a key seen before in the same file is updated (last row wins). */
  async writeAccounts(datasetId: string, rows: readonly AccountRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('dataset_accounts')
      .values(rows.map((row) => ({ ...row, dataset_id: datasetId })))
      .onConflict((oc) => oc.columns(['dataset_id', 'key']).doUpdateSet(excludedSet()))
      .execute();
  }

  /** Stages rows of a re-import; a key seen before in the same file is updated (last row wins). */
  async stageRows(importId: string, datasetId: string, rows: readonly AccountRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('import_rows')
      .values(rows.map((row) => ({ ...row, dataset_id: datasetId, import_id: importId })))
      .onConflict((oc) => oc.columns(['import_id', 'key']).doUpdateSet(excludedSet()))
      .execute();
  }

  async countAccounts(datasetId: string, db: Kysely<Database> = this.db): Promise<number> {
    const row = await db
      .selectFrom('dataset_accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dataset_id', '=', datasetId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countStaged(importId: string): Promise<number> {
    const row = await this.db
      .selectFrom('import_rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('import_id', '=', importId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Commits a staged re-import into the dataset's accounts (inside the caller's transaction):
   * accounts with the same key are updated, the others added. Returns how many were updated.
   */
  async mergeStaged(
    importId: string,
    datasetId: string,
    db: Kysely<Database>,
    columns: readonly AccountValueColumn[] = VALUE_COLUMNS,
  ): Promise<number> {
    const matched = await db
      .selectFrom('import_rows as s')
      .innerJoin('dataset_accounts as a', (join) =>
        join.onRef('a.dataset_id', '=', 's.dataset_id').onRef('a.key', '=', 's.key'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('s.import_id', '=', importId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('dataset_accounts')
      .columns(['dataset_id', 'key', ...VALUE_COLUMNS])
      .expression(
        db
          .selectFrom('import_rows')
          .select(['dataset_id', 'key', ...VALUE_COLUMNS])
          .where('import_id', '=', importId)
          .where('dataset_id', '=', datasetId),
      )
      .onConflict((oc) => oc.columns(['dataset_id', 'key']).doUpdateSet(excludedSet(columns)))
      .execute();
    return Number(matched.n);
  }

  /** Deletes a staged import's rows, in batches. */
  async discardStaged(importId: string): Promise<void> {
    for (;;) {
      const result = await this.db
        .deleteFrom('import_rows')
        .where('import_id', '=', importId)
        .where('key', 'in', (eb) =>
          eb.selectFrom('import_rows').select('key').where('import_id', '=', importId).limit(DELETE_BATCH),
        )
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return;
      await yieldToEvents();
    }
  }

  /** Deletes every account of a dataset and the staged rows of its imports, in batches. */
  async purgeDataset(datasetId: string, importIds: readonly string[] = []): Promise<void> {
    for (;;) {
      const result = await this.db
        .deleteFrom('dataset_accounts')
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('dataset_accounts')
            .select('id')
            .where('dataset_id', '=', datasetId)
            .limit(DELETE_BATCH),
        )
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) break;
      await yieldToEvents();
    }
    for (const importId of importIds) await this.discardStaged(importId);
  }

  /** A page of accounts by id, optionally filtered by name or domain. */
  async page(datasetId: string, after: number, limit: number, q?: string): Promise<StoredAccount[]> {
    return this.filtered(datasetId, q)
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** How many accounts a name or domain search matches. */
  async countMatching(datasetId: string, q: string): Promise<number> {
    const row = await this.filtered(datasetId, q)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private filtered(datasetId: string, q: string | undefined) {
    const query = this.db.selectFrom('dataset_accounts').where('dataset_id', '=', datasetId);
    if (!q) return query;
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return query.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(domain)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }

  /**
   * Every account of a dataset with the `columns` asked for (and its id), a batch at a time in id
   * order, yielding to other work (co-editing) between batches.
   */
  async *scan<C extends keyof StoredAccount>(
    datasetId: string,
    columns: readonly C[],
    batch = 5_000,
  ): AsyncGenerator<Pick<StoredAccount, C | 'id'>[]> {
    let after = 0;
    for (;;) {
      const rows = (await this.db
        .selectFrom('dataset_accounts')
        .select(['id', ...columns] as never)
        .where('dataset_id', '=', datasetId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(batch)
        .execute()) as unknown as Pick<StoredAccount, C | 'id'>[];
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]!.id;
      await yieldToEvents();
    }
  }

  /**
   * Whether any account of the dataset has a record id, name, domain, currency or deal date (the
   * fields the columnar scan does not read), counted in SQL instead of carried through the scan.
   */
  async identityFieldCounts(
    datasetId: string,
  ): Promise<Record<'externalId' | 'name' | 'domain' | 'currency' | 'firstDealAt' | 'closedAt', number>> {
    const counts = await this.db
      .selectFrom('dataset_accounts')
      .select((eb) => [
        eb.fn.count<number>('external_id').as('externalId'),
        eb.fn.count<number>('name').as('name'),
        eb.fn.count<number>('domain').as('domain'),
        eb.fn.count<number>('currency').as('currency'),
        eb.fn.count<number>('first_deal_at').as('firstDealAt'),
        eb.fn.count<number>('closed_at').as('closedAt'),
      ])
      .where('dataset_id', '=', datasetId)
      .executeTakeFirstOrThrow();
    return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) as never;
  }
}

function excludedSet(columns: readonly AccountValueColumn[] = VALUE_COLUMNS) {
  return (eb: { ref: (name: string) => unknown }) =>
    Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}`)])) as never;
}
