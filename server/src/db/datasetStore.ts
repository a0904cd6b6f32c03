import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ImportState } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { Database, DatasetImportsTable, DatasetsTable } from './schema.js';

export type DatasetRow = Selectable<DatasetsTable>;
export type ImportRow = Selectable<DatasetImportsTable>;

/** Import states in which the import still holds work (a file, staged rows or a running job). */
export const OPEN_IMPORT_STATES: readonly ImportState[] = ['uploading', 'mapping', 'importing', 'review'];

/** Datasets and their imports: the records, not the accounts (see AccountStore). */
export class DatasetStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** A dataset by id, unless it is being deleted. */
  async find(id: string): Promise<DatasetRow | undefined> {
    return this.db
      .selectFrom('datasets')
      .selectAll()
      .where('id', '=', id)
      .where('state', '!=', 'deleting')
      .executeTakeFirst();
  }

  /** The workspace's datasets, newest first (not those being deleted). */
  async list(workspaceId: string): Promise<DatasetRow[]> {
    return this.db
      .selectFrom('datasets')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('state', '!=', 'deleting')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  }

  async countInWorkspace(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('datasets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('state', '!=', 'deleting')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Creates a dataset (state `importing`) with its first import (state `uploading`). */
  async create(input: {
    workspaceId: string;
    name: string;
    sample: boolean;
    fileName: string;
    fileBytes: number;
    createdBy: string;
  }): Promise<{ dataset: DatasetRow; upload: ImportRow }> {
    const now = this.clock.now().toISOString();
    const dataset: DatasetRow = {
      id: randomUUID(),
      workspace_id: input.workspaceId,
      name: input.name,
      sample: input.sample ? 1 : 0,
      state: 'importing',
      account_count: 0,
      revision: 0,
      summary: '{}',
      created_by: input.createdBy,
      created_at: now,
      updated_at: now,
    };
    return this.db.transaction().execute(async (trx) => {
      await trx.insertInto('datasets').values(dataset).execute();
      const upload = await this.insertImport(
        trx,
        dataset,
        true,
        input.fileName,
        input.fileBytes,
        input.createdBy,
      );
      return { dataset, upload };
    });
  }

  /** A re-import of an existing dataset. */
  async createImport(
    dataset: DatasetRow,
    fileName: string,
    fileBytes: number,
    createdBy: string,
  ): Promise<ImportRow> {
    return this.insertImport(this.db, dataset, false, fileName, fileBytes, createdBy);
  }

  private async insertImport(
    db: Kysely<Database>,
    dataset: DatasetRow,
    first: boolean,
    fileName: string,
    fileBytes: number,
    createdBy: string,
  ): Promise<ImportRow> {
    const row: ImportRow = {
      id: randomUUID(),
      dataset_id: dataset.id,
      workspace_id: dataset.workspace_id,
      first: first ? 1 : 0,
      state: 'uploading',
      file_name: fileName,
      file_bytes: fileBytes,
      received_bytes: 0,
      dialect: null,
      mapping: null,
      bytes_read: 0,
      rows_read: 0,
      started_at: null,
      report: null,
      error: null,
      created_by: createdBy,
      created_at: this.clock.now().toISOString(),
      finished_at: null,
    };
    await db.insertInto('dataset_imports').values(row).execute();
    return row;
  }

  async findImport(id: string): Promise<ImportRow | undefined> {
    return this.db.selectFrom('dataset_imports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The newest import of each dataset. */
  async latestImports(datasetIds: readonly string[]): Promise<Map<string, ImportRow>> {
    if (datasetIds.length === 0) return new Map();
    // Only each dataset's newest import: older ones carry previews and reports nobody reads here.
    const rows = await this.db
      .selectFrom('dataset_imports')
      .selectAll()
      .where('dataset_id', 'in', datasetIds)
      .where('id', '=', (eb) =>
        eb
          .selectFrom('dataset_imports as newer')
          .select('newer.id')
          .whereRef('newer.dataset_id', '=', 'dataset_imports.dataset_id')
          .orderBy('newer.created_at', 'desc')
          .orderBy('newer.id', 'desc')
          .limit(1),
      )
      .execute();
    return new Map(rows.map((row) => [row.dataset_id, row]));
  }

  /** The dataset's import still holding work, if any (one at a time per dataset). */
  async openImport(datasetId: string): Promise<ImportRow | undefined> {
    return this.db
      .selectFrom('dataset_imports')
      .selectAll()
      .where('dataset_id', '=', datasetId)
      .where('state', 'in', OPEN_IMPORT_STATES)
      .executeTakeFirst();
  }

  /** Imports in one state across all workspaces (startup: resume jobs). */
  async importsIn(state: ImportState): Promise<ImportRow[]> {
    return this.db.selectFrom('dataset_imports').selectAll().where('state', '=', state).execute();
  }

  /**
   * Changes an import, only if it is still in one of `from` (so a cancel and a finishing job cannot
   * both win). Returns whether it changed.
   */
  async updateImport(
    id: string,
    from: readonly ImportState[],
    patch: Updateable<DatasetImportsTable>,
    db: Kysely<Database> = this.db,
  ): Promise<boolean> {
    const result = await db
      .updateTable('dataset_imports')
      .set(patch)
      .where('id', '=', id)
      .where('state', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async updateDataset(
    id: string,
    patch: Updateable<DatasetsTable>,
    db: Kysely<Database> = this.db,
  ): Promise<void> {
    await db
      .updateTable('datasets')
      .set({ ...patch, updated_at: this.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  /** Datasets in one state across all workspaces (startup: resume deletions). */
  async datasetsIn(state: string): Promise<DatasetRow[]> {
    return this.db.selectFrom('datasets').selectAll().where('state', '=', state).execute();
  }

  /** Removes the dataset's records (imports, scorings) once its accounts and staged rows are gone. */
  async removeRecords(datasetId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('dataset_imports').where('dataset_id', '=', datasetId).execute();
      await trx.deleteFrom('dataset_scorings').where('dataset_id', '=', datasetId).execute();
      await trx.deleteFrom('datasets').where('id', '=', datasetId).execute();
    });
  }

  /** Names of people, for presenting who imported. */
  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'name']).where('id', 'in', unique).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
