import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import {
  computeInsights,
  DATASET_LIMITS,
  EncodingError,
  bestCustomerMask,
  profileCoverage,
  sampleAccounts,
  sampleCsvLines,
  type AccountPageDto,
  type CoverageBody,
  type CoverageDto,
  type CreateDatasetBody,
  type CreateImportBody,
  type DatasetDto,
  type DatasetListDto,
  type DatasetMapping,
  type ImportDto,
  type InsightsBody,
  type InsightsDto,
  type ListAccountsQuery,
} from '@bullseye/shared';
import type { Clock } from '../clock.js';
import { VALUE_COLUMNS, type AccountStore } from '../db/accountStore.js';
import type { AuditStore } from '../db/auditStore.js';
import {
  OPEN_IMPORT_STATES,
  type DatasetRow,
  type DatasetStore,
  type ImportRow,
} from '../db/datasetStore.js';
import type { Database } from '../db/schema.js';
import type { Membership } from '../db/workspaceStore.js';
import { ChunkTooLargeError, type ImportFiles } from '../datasets/importFiles.js';
import { inspectFile, HEAD_BYTES, UnreadableFileError, type FileDialect } from '../datasets/inspectFile.js';
import type { ImportRunner } from '../datasets/importRunner.js';
import type { ColumnsCache } from '../datasets/columnsCache.js';
import { requireReady } from '../datasets/requireReady.js';
import { conflict, invalidInput, payloadTooLarge } from '../errors.js';
import { can } from '../policies/policies.js';
import {
  accountCsvHeader,
  accountCsvLine,
  presentAccount,
  presentDataset,
  presentImport,
} from '../presenters/dataset.js';

/** Accounts in the generated sample dataset. */
export const SAMPLE_ACCOUNTS = 5_000;

/**
 * Account datasets: create (from an upload or the sample), upload chunks, confirm the mapping, decide
 * after bad rows, cancel, delete, and read accounts, insights and coverage. Routes have authorized
 * the workspace, dataset or import already; these are the rules about state.
 */
export class DatasetCommands {
  /** Imports receiving a chunk right now (one request at a time per import). */
  private readonly uploading = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly datasets: DatasetStore,
    private readonly accounts: AccountStore,
    private readonly files: ImportFiles,
    private readonly runner: ImportRunner,
    private readonly columns: ColumnsCache,
    private readonly audit: AuditStore,
    private readonly clock: Clock,
  ) {}

  async list(workspaceId: string, membership: Membership): Promise<DatasetListDto> {
    const rows = await this.datasets.list(workspaceId);
    return { datasets: await this.present(rows, membership) };
  }

  async get(dataset: DatasetRow, membership: Membership): Promise<DatasetDto> {
    return (await this.present([dataset], membership))[0]!;
  }

  async create(workspaceId: string, membership: Membership, body: CreateDatasetBody): Promise<DatasetDto> {
    await this.checkRoom(workspaceId);
    const { dataset } = await this.datasets.create({
      workspaceId,
      name: body.name,
      sample: false,
      fileName: body.fileName,
      fileBytes: body.fileBytes,
      createdBy: membership.userId,
    });
    return this.get(dataset, membership);
  }

  /**
   * The sample: generated accounts written as a HubSpot-style CSV and imported through the very path
   * an upload takes (inspection, suggested mapping, the import job).
   */
  async createSample(workspaceId: string, membership: Membership): Promise<DatasetDto> {
    await this.checkRoom(workspaceId);
    const { dataset, upload } = await this.datasets.create({
      workspaceId,
      name: 'Sample accounts (generated)',
      sample: true,
      fileName: 'sample-hubspot-companies.csv',
      fileBytes: 1,
      createdBy: membership.userId,
    });
    const size = await this.files.writeLines(
      upload.id,
      sampleCsvLines(sampleAccounts(SAMPLE_ACCOUNTS), 'hubspot'),
    );
    const { dialect, mapping } = inspectFile(this.files.head(upload.id, HEAD_BYTES), size <= HEAD_BYTES);
    await this.datasets.updateImport(upload.id, ['uploading'], {
      file_bytes: size,
      received_bytes: size,
      dialect: JSON.stringify(dialect),
      mapping: JSON.stringify(mapping),
      state: 'importing',
      started_at: this.clock.now().toISOString(),
    });
    this.runner.start(upload.id);
    return this.get(dataset, membership);
  }

  async createImport(
    dataset: DatasetRow,
    membership: Membership,
    body: CreateImportBody,
  ): Promise<ImportDto> {
    if (dataset.state !== 'ready') {
      throw conflict(
        'dataset_not_ready',
        'This dataset has no committed import yet; finish or cancel that one first',
      );
    }
    if (await this.datasets.openImport(dataset.id)) {
      throw conflict(
        'import_in_progress',
        'This dataset already has an import in progress; finish or cancel it first',
      );
    }
    const upload = await this.datasets.createImport(
      dataset,
      body.fileName,
      body.fileBytes,
      membership.userId,
    );
    return this.presentOne(upload);
  }

  async getImport(upload: ImportRow): Promise<ImportDto> {
    return this.presentOne(upload);
  }

  /**
   * Appends a chunk at `offset`. The chunk that completes the file triggers the inspection: the
   * import then waits for its mapping (or fails, with the reason, if the file cannot be read).
   */
  async uploadChunk(
    upload: ImportRow,
    offset: number,
    body: Readable,
    contentLength: number | undefined,
  ): Promise<ImportDto> {
    if (upload.state !== 'uploading') {
      throw conflict('not_uploading', `This import is ${upload.state}, not waiting for its file`);
    }
    if (this.uploading.has(upload.id)) {
      throw conflict(
        'upload_in_progress',
        'Another chunk of this file is being received; send the next one after it',
      );
    }
    this.uploading.add(upload.id);
    try {
      // The database's count is the truth: bytes written by a request that failed before recording
      // them (a crash, a lost database) are cut off again, so the client resumes where it is told.
      let held = this.files.size(upload.id);
      if (held > upload.received_bytes) {
        this.files.truncate(upload.id, upload.received_bytes);
        held = upload.received_bytes;
      }
      if (offset !== held) {
        throw conflict(
          'offset_mismatch',
          `The server holds ${held} bytes of this file: send the chunk at offset ${held}`,
        );
      }
      const maxBytes = Math.min(DATASET_LIMITS.maxChunkBytes, upload.file_bytes - held);
      if (contentLength !== undefined && contentLength > maxBytes) throw payloadTooLarge(maxBytes);
      let received: number;
      try {
        received = await this.files.append(upload.id, offset, body, maxBytes);
      } catch (error) {
        if (error instanceof ChunkTooLargeError) throw payloadTooLarge(maxBytes);
        throw error;
      }
      const recorded = await this.datasets.updateImport(upload.id, ['uploading'], {
        received_bytes: received,
      });
      if (!recorded) {
        // Cancelled (or deleted) while this chunk was arriving: keep none of it.
        this.files.remove(upload.id);
        throw conflict('not_uploading', 'This import was cancelled while the chunk was arriving');
      }
      if (received === upload.file_bytes) await this.inspect(upload);
      const after = await this.datasets.findImport(upload.id);
      if (!after) throw conflict('not_uploading', 'This import was cancelled while the chunk was arriving');
      return this.presentOne(after);
    } finally {
      this.uploading.delete(upload.id);
    }
  }

  private async inspect(upload: ImportRow): Promise<void> {
    try {
      const { dialect, mapping } = inspectFile(
        this.files.head(upload.id, HEAD_BYTES),
        upload.file_bytes <= HEAD_BYTES,
      );
      await this.datasets.updateImport(upload.id, ['uploading'], {
        state: 'mapping',
        dialect: JSON.stringify(dialect),
        mapping: JSON.stringify(mapping),
      });
    } catch (error) {
      const reason =
        error instanceof UnreadableFileError || error instanceof EncodingError
          ? error.message
          : `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
      const failed = await this.datasets.updateImport(upload.id, ['uploading'], {
        state: 'failed',
        error: reason,
        finished_at: this.clock.now().toISOString(),
      });
      this.files.remove(upload.id);
      if (failed && upload.first) await this.datasets.updateDataset(upload.dataset_id, { state: 'failed' });
    }
  }

  /** Confirms the mapping (every header named must be the file's, each used once) and starts the job. */
  async updateMapping(upload: ImportRow, dataset: DatasetRow, mapping: DatasetMapping): Promise<ImportDto> {
    if (upload.state !== 'mapping') {
      throw conflict(
        'not_mapping',
        `This import is ${upload.state}; the mapping can be changed only before it runs`,
      );
    }
    const dialect = JSON.parse(upload.dialect!) as FileDialect;
    const headers = new Set(dialect.headers);
    const used = new Map<string, string>();
    for (const [field, header] of Object.entries(mapping.columns)) {
      if (header === undefined) continue;
      if (!headers.has(header))
        throw invalidInput(`mapping.columns.${field}`, `"${header}" is not a column of this file`);
      const other = used.get(header);
      if (other) throw invalidInput(`mapping.columns.${field}`, `"${header}" is already mapped to ${other}`);
      used.set(header, field);
    }
    mapping.ignored.forEach((header, i) => {
      if (!headers.has(header))
        throw invalidInput(`mapping.ignored.${i}`, `"${header}" is not a column of this file`);
    });
    this.checkIdentity(upload, dataset, mapping);
    const started = await this.datasets.updateImport(upload.id, ['mapping'], {
      mapping: JSON.stringify(mapping),
      state: 'importing',
      started_at: this.clock.now().toISOString(),
      bytes_read: 0,
      rows_read: 0,
    });
    if (!started) throw conflict('not_mapping', 'This import has moved on; reload it');
    this.runner.start(upload.id);
    return this.presentOne((await this.datasets.findImport(upload.id))!);
  }

  /**
   * An account is known by its record id, else its domain, else its name. Every file must map one of
   * them; a re-import must map the first one the dataset's accounts are known by, or every account
   * would be added a second time instead of updated.
   */
  private checkIdentity(upload: ImportRow, dataset: DatasetRow, mapping: DatasetMapping): void {
    const identities = [
      ['externalId', 'record id'],
      ['domain', 'domain'],
      ['name', 'company name'],
    ] as const;
    if (!identities.some(([field]) => mapping.columns[field] !== undefined)) {
      throw invalidInput(
        'mapping.columns',
        'must map the record id, the domain or the company name: accounts are known by one of them',
      );
    }
    if (upload.first) return;
    const known = new Set((JSON.parse(dataset.summary || '{}') as { fields?: string[] }).fields ?? []);
    const used = identities.find(([field]) => known.has(field));
    if (used && mapping.columns[used[0]] === undefined) {
      throw invalidInput(
        `mapping.columns.${used[0]}`,
        `must be mapped: this dataset knows its accounts by their ${used[1]}, so without it every account would be added again instead of updated`,
      );
    }
  }

  async decide(upload: ImportRow, importGoodRows: boolean): Promise<ImportDto> {
    if (upload.state !== 'review') {
      throw conflict('not_in_review', `This import is ${upload.state}; there is nothing to decide`);
    }
    if (!(await this.runner.decide(upload, importGoodRows))) {
      throw conflict('not_in_review', 'This import has moved on; reload it');
    }
    return this.presentOne((await this.datasets.findImport(upload.id)) ?? { ...upload, state: 'cancelled' });
  }

  async cancel(upload: ImportRow): Promise<ImportDto> {
    if (!(await this.runner.cancel(upload))) {
      throw conflict('import_ended', `This import is ${upload.state} already`);
    }
    const after = await this.datasets.findImport(upload.id);
    return this.presentOne(
      after ?? { ...upload, state: 'cancelled', finished_at: this.clock.now().toISOString() },
    );
  }

  /** Hides the dataset at once (audited), then deletes its accounts in batches and its records. */
  async delete(dataset: DatasetRow, membership: Membership): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.datasets.updateDataset(dataset.id, { state: 'deleting' }, trx);
      // An import committing now finds its dataset deleting and its own state cancelled.
      await trx
        .updateTable('dataset_imports')
        .set({ state: 'cancelled', finished_at: this.clock.now().toISOString() })
        .where('dataset_id', '=', dataset.id)
        .where('state', 'in', OPEN_IMPORT_STATES)
        .execute();
      await this.audit.append(
        {
          workspaceId: dataset.workspace_id,
          icpId: null,
          kind: 'dataset.deleted',
          actorId: membership.userId,
          data: { datasetId: dataset.id, datasetName: dataset.name, accountCount: dataset.account_count },
        },
        trx,
      );
    });
    await this.runner.purge(dataset.id);
  }

  async listAccounts(dataset: DatasetRow, query: ListAccountsQuery): Promise<AccountPageDto> {
    requireReady(dataset);
    const rows = await this.accounts.page(dataset.id, query.after ?? 0, query.limit + 1, query.q);
    const page = rows.slice(0, query.limit);
    return {
      accounts: page.map(presentAccount),
      next: rows.length > query.limit ? page[page.length - 1]!.id : null,
      total: query.q ? await this.accounts.countMatching(dataset.id, query.q) : dataset.account_count,
    };
  }

  /** Every account as CSV lines, a batch at a time. */
  async *accountsCsv(dataset: DatasetRow): AsyncGenerator<string> {
    requireReady(dataset);
    const summary = JSON.parse(dataset.summary || '{}') as { customAttributes?: string[] };
    const custom = summary.customAttributes ?? [];
    yield `${accountCsvHeader(custom)}\r\n`;
    for await (const rows of this.accounts.scan(dataset.id, VALUE_COLUMNS)) {
      yield rows.map((row) => `${accountCsvLine(row, custom)}\r\n`).join('');
    }
  }

  async insights(dataset: DatasetRow, body: InsightsBody): Promise<InsightsDto> {
    requireReady(dataset);
    const columns = await this.columns.get(dataset);
    return {
      datasetId: dataset.id,
      revision: dataset.revision,
      ...computeInsights(columns, body),
      computedAt: this.clock.now().toISOString(),
    };
  }

  async coverage(dataset: DatasetRow, body: CoverageBody): Promise<CoverageDto> {
    requireReady(dataset);
    const columns = await this.columns.get(dataset);
    const best = bestCustomerMask(columns, body.conditions);
    return profileCoverage(columns, best.mask, body.criteria);
  }

  private async checkRoom(workspaceId: string): Promise<void> {
    if ((await this.datasets.countInWorkspace(workspaceId)) >= DATASET_LIMITS.maxDatasetsPerWorkspace) {
      throw conflict(
        'too_many_datasets',
        `A workspace holds at most ${DATASET_LIMITS.maxDatasetsPerWorkspace} datasets; delete one first`,
      );
    }
  }

  private async presentOne(upload: ImportRow): Promise<ImportDto> {
    const names = await this.datasets.userNames(upload.created_by ? [upload.created_by] : []);
    return presentImport(upload, names, this.clock.now());
  }

  private async present(rows: DatasetRow[], membership: Membership): Promise<DatasetDto[]> {
    const latest = await this.datasets.latestImports(rows.map((r) => r.id));
    const ids = [...rows.map((r) => r.created_by), ...[...latest.values()].map((i) => i.created_by)].filter(
      (id): id is string => id !== null,
    );
    const names = await this.datasets.userNames(ids);
    const now = this.clock.now();
    const canManage = can(membership, 'manageIcps');
    return rows.map((row) => presentDataset(row, latest.get(row.id), names, canManage, now));
  }
}
