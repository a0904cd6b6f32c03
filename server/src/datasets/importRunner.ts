import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Transform } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/database.js';
import { whileLocked } from '../db/advisoryLocks.js';
import { DATASET_LIMITS, type DatasetMapping, type ImportReport, type RowError } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { AccountStore } from '../db/accountStore.js';
import type { AuditStore } from '../db/auditStore.js';
import type { DatasetRow, DatasetStore, ImportRow } from '../db/datasetStore.js';
import type { Database } from '../db/schema.js';
import { AccountRowReader, columnsWrittenBy, type AccountRow } from './accountRowReader.js';
import type { ColumnsCache, DatasetSummary } from './columnsCache.js';
import type { FileDialect } from './inspectFile.js';
import type { ImportFiles } from './importFiles.js';
import { windows1252Decoder } from './windows1252.js';

/** Accounts written per statement. */
const WRITE_BATCH = 1000;
/** Text held in one batch at most (a batch of very wide rows is written early). */
const MAX_BATCH_CHARS = 8_000_000;
/** How often a running import records its progress (and notices a cancel from elsewhere). */
const PROGRESS_EVERY_MS = 500;
/** Longest record csv-parse holds (a quote never closed would otherwise swallow the file). */
const MAX_RECORD_CHARS = 1_000_000;

/** Why an import stopped early, in words for the person (anything else is reported as unexpected). */
export class ImportFailure extends Error {}

class Cancelled extends Error {}
class DatasetGone extends Error {}

/**
 * Runs imports: reads the uploaded file as a stream (never whole), turns records into typed accounts,
 * writes them in batches (yielding to co-editing between batches), records progress, and ends in one
 * of: `review` (bad rows found: the person decides), `done` (committed), `failed` or `cancelled`
 * (nothing kept). A first import writes straight into its dataset's accounts (the dataset is not
 * readable until committed); a re-import stages its rows and commits them in one transaction.
 */
export class ImportRunner {
  private readonly running = new Map<string, { cancelled: boolean; done: Promise<void> }>();
  private stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly datasets: DatasetStore,
    private readonly accounts: AccountStore,
    private readonly files: ImportFiles,
    private readonly columns: ColumnsCache,
    private readonly audit: AuditStore,
    private readonly clock: Clock,
    /**
     * With several instances (PostgreSQL), each job runs under an advisory lock on its import,
     * so an instance that starts (and resumes what was `importing`) never runs a job another
     * instance is running; a job whose instance died is resumed by the next one to look.
     */
    private readonly dialect: Dialect = 'sqlite',
  ) {}

  /** Starts the import's job in the background (state `importing`). */
  start(importId: string, before?: () => Promise<void>): void {
    if (this.stopped) return;
    const job = { cancelled: false, done: Promise.resolve() };
    const work = async () => {
      await before?.();
      await this.run(importId, job);
    };
    job.done = (this.dialect === 'postgres' ? whileLocked(this.db, 'importJob', importId, work) : work())
      .then(() => undefined)
      .catch((error: unknown) => {
        console.error(`Import ${importId} failed unexpectedly:`, error);
      })
      .finally(() => this.running.delete(importId));
    this.running.set(importId, job);
  }

  /** Whether this process runs the import's job right now. */
  isRunning(importId: string): boolean {
    return this.running.has(importId);
  }

  /**
   * Shutdown: stops this process's jobs where they are, without ending their imports; the next start
   * runs them again from their files (see resume).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.running.values()) job.cancelled = true;
    await Promise.all([...this.running.values()].map((job) => job.done));
  }

  /**
   * Stops an import and removes everything it wrote: staged rows, a first import's accounts and
   * dataset, its file. Returns false if the import had already ended.
   */
  async cancel(upload: ImportRow): Promise<boolean> {
    const stopped = await this.datasets.updateImport(
      upload.id,
      ['uploading', 'mapping', 'importing', 'review'],
      {
        state: 'cancelled',
        finished_at: this.clock.now().toISOString(),
      },
    );
    if (!stopped) return false;
    const job = this.running.get(upload.id);
    if (job) {
      job.cancelled = true;
      await job.done;
    }
    await this.discard(upload, 'cancelled');
    return true;
  }

  /** The person's choice after bad rows: commit the good ones, or keep nothing. */
  async decide(upload: ImportRow, importGoodRows: boolean): Promise<boolean> {
    if (!importGoodRows) return this.cancel(upload);
    const report = JSON.parse(upload.report ?? 'null') as ImportReport | null;
    if (!report) return false;
    if (report.goodRows === 0) return this.cancel(upload);
    await this.commit(upload, report);
    return true;
  }

  /**
   * After a restart: imports whose job died with its process run again from their file (with
   * several instances, only those no other instance is running, and then once).
   */
  async resume(): Promise<void> {
    for (const upload of await this.datasets.importsIn('importing')) {
      if (this.running.has(upload.id)) continue;
      this.start(upload.id, async () => {
        await this.clearWritten(upload);
        await this.datasets.updateImport(upload.id, ['importing'], { bytes_read: 0, rows_read: 0 });
      });
    }
    for (const dataset of await this.datasets.datasetsIn('deleting')) await this.purge(dataset.id);
  }

  /** Removes a dataset's accounts, imports' files and records (state `deleting` already set). */
  async purge(datasetId: string): Promise<void> {
    for (const [id, job] of this.running) {
      const upload = await this.datasets.findImport(id);
      if (upload?.dataset_id === datasetId) {
        job.cancelled = true;
        await job.done;
      }
    }
    const imports = await this.db
      .selectFrom('dataset_imports')
      .select('id')
      .where('dataset_id', '=', datasetId)
      .execute();
    for (const { id } of imports) this.files.remove(id);
    this.columns.forget(datasetId);
    await this.accounts.purgeDataset(
      datasetId,
      imports.map((i) => i.id),
    );
    await this.datasets.removeRecords(datasetId);
  }

  private async run(importId: string, job: { cancelled: boolean }): Promise<void> {
    const upload = await this.datasets.findImport(importId);
    if (!upload || upload.state !== 'importing' || !upload.dialect || !upload.mapping) return;
    try {
      const report = await this.read(upload, job);
      if (job.cancelled) return;
      if (report.badRows > 0 || report.goodRows === 0) {
        await this.datasets.updateImport(upload.id, ['importing'], {
          state: 'review',
          report: JSON.stringify(report),
        });
      } else {
        await this.commit({ ...upload, state: 'importing' }, report);
      }
      // Only now: a crash before this point runs the import again from its file.
      this.files.remove(upload.id);
    } catch (error) {
      if (error instanceof Cancelled || job.cancelled) return;
      const message =
        error instanceof ImportFailure
          ? error.message
          : `The import stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
      const failed = await this.datasets.updateImport(upload.id, ['importing', 'review'], {
        state: 'failed',
        error: message,
        finished_at: this.clock.now().toISOString(),
      });
      if (failed) await this.discard(upload, 'failed');
    }
  }

  /** Streams the file through the parser into accounts or staged rows; returns the report. */
  private async read(upload: ImportRow, job: { cancelled: boolean }): Promise<ImportReport> {
    const dialect = JSON.parse(upload.dialect!) as FileDialect;
    const mapping = JSON.parse(upload.mapping!) as DatasetMapping;
    const reader = new AccountRowReader(dialect.headers, mapping, dialect.decimalComma ?? false);
    const errors: RowError[] = [];
    const errorsByColumn: Record<string, number> = {};
    let rowsRead = 0;
    let goodRows = 0;
    let badRows = 0;
    let bytesRead = dialect.skip;
    const addError = (error: RowError) => {
      if (errors.length < DATASET_LIMITS.maxReportedErrors) errors.push(error);
      const column = error.column ?? '(row)';
      errorsByColumn[column] = (errorsByColumn[column] ?? 0) + 1;
    };

    const source = this.files.read(upload.id, dialect.skip);
    source.on('data', (chunk) => {
      bytesRead += chunk.length;
    });
    let lastRecordLine = 1;
    const parser = parse({
      delimiter: dialect.delimiter,
      ...(dialect.encoding === 'utf-8' ? { encoding: 'utf8' as const } : {}),
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_CHARS,
      // The line each record ends on, without csv-parse's full per-record info object (a third of
      // its parsing time).
      on_record: ((record: string[], context: { lines: number }) => {
        lastRecordLine = context.lines;
        return { record, line: context.lines };
      }) as unknown as (record: string[]) => string[],
    });
    parser.on('skip', (error: CsvError & { lines?: number }) => {
      rowsRead++;
      badRows++;
      const from = lastRecordLine + 1;
      const to = error.lines ?? from;
      addError({
        line: from,
        column: null,
        message:
          error.code === 'CSV_QUOTE_NOT_CLOSED' && to > from
            ? `opens a quote that is never closed: lines ${from}–${to} (the rest of the file) could not be read`
            : describeParseError(error),
      });
      lastRecordLine = to;
    });
    if (dialect.encoding === 'utf-8') {
      const check = utf8Check();
      check.on('error', (error) => parser.destroy(error));
      source.pipe(check).pipe(parser);
    } else {
      const decode = windows1252Decoder();
      decode.on('error', (error) => parser.destroy(error));
      source.pipe(decode).pipe(parser);
    }
    source.on('error', (error) => parser.destroy(error));
    const stream = parser;

    let batch = new Map<string, AccountRow>();
    let batchChars = 0;
    let lastProgress = Date.now();
    let header = true;
    const flush = async () => {
      if (batch.size === 0) return;
      const rows = [...batch.values()];
      batch = new Map();
      batchChars = 0;
      if (upload.first) await this.accounts.writeAccounts(upload.dataset_id, rows);
      else await this.accounts.stageRows(upload.id, upload.dataset_id, rows);
    };
    try {
      for await (const { record, line } of stream as AsyncIterable<{ record: string[]; line: number }>) {
        if (header) {
          header = false;
          continue;
        }
        if (record.length === 1 && record[0]!.trim() === '') continue;
        rowsRead++;
        if (rowsRead > DATASET_LIMITS.maxRows) {
          throw new ImportFailure(
            `The file has more than ${DATASET_LIMITS.maxRows.toLocaleString('en-US')} rows; split it or export fewer accounts.`,
          );
        }
        const result = reader.read(record, line);
        if (result.row) {
          goodRows++;
          batch.set(result.row.key, result.row);
          for (const cell of record) batchChars += cell.length;
        } else {
          badRows++;
          for (const error of result.errors) addError(error);
        }
        if (batch.size >= WRITE_BATCH || batchChars >= MAX_BATCH_CHARS) {
          await flush();
          // SQLite answers synchronously: without this, the loop would never let co-editing in.
          await yieldToEvents();
          if (job.cancelled) throw new Cancelled();
          if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
            lastProgress = Date.now();
            const still = await this.datasets.updateImport(upload.id, ['importing'], {
              bytes_read: bytesRead,
              rows_read: rowsRead,
            });
            // Cancelled through another process (or the state moved on): stop writing.
            if (!still) throw new Cancelled();
          }
        }
      }
      await flush();
    } finally {
      source.destroy();
    }
    if (job.cancelled) throw new Cancelled();
    if (header) throw new ImportFailure('The file is empty: it has no header row.');
    if (rowsRead === 0) throw new ImportFailure('The file has a header but no rows.');
    const distinct = upload.first
      ? await this.accounts.countAccounts(upload.dataset_id)
      : await this.accounts.countStaged(upload.id);
    await this.datasets.updateImport(upload.id, ['importing'], {
      bytes_read: bytesRead,
      rows_read: rowsRead,
    });
    return {
      rowsRead,
      goodRows,
      badRows,
      duplicates: goodRows - distinct,
      errors,
      errorsByColumn,
      added: null,
      updated: null,
    };
  }

  /** Makes the import's rows the dataset's accounts, bumps the revision, records it in the audit log. */
  private async commit(upload: ImportRow, report: ImportReport): Promise<void> {
    const dataset = (await this.db
      .selectFrom('datasets')
      .selectAll()
      .where('id', '=', upload.dataset_id)
      .executeTakeFirst()) as DatasetRow | undefined;
    if (!dataset || dataset.state === 'deleting') return;
    const revision = dataset.revision + 1;
    const previous = JSON.parse(dataset.summary || '{}') as Partial<DatasetSummary>;
    const mapping = JSON.parse(upload.mapping!) as DatasetMapping;
    const dialect = JSON.parse(upload.dialect!) as FileDialect;
    const custom = new AccountRowReader(dialect.headers, mapping).custom.map((c) => c.header);
    const written = columnsWrittenBy(mapping, custom.length > 0);
    const customAttributes = [...new Set([...(previous.customAttributes ?? []), ...custom])];
    const now = this.clock.now().toISOString();
    let summary: DatasetSummary | undefined;
    if (upload.first) {
      await this.accounts.refreshStatistics();
      // The accounts are in place already: build what insights read before anyone can read them.
      summary = { ...(await this.columns.buildFor(dataset.id, revision)), customAttributes };
    }
    const committed = await this.db
      .transaction()
      .execute(async (trx) => {
        const moved = await this.datasets.updateImport(
          upload.id,
          ['importing', 'review'],
          { state: 'done' },
          trx,
        );
        if (!moved) return false;
        // Deleted meanwhile (the deletion has cancelled this import too): write nothing.
        const live = await trx
          .updateTable('datasets')
          .set({ updated_at: now })
          .where('id', '=', dataset.id)
          .where('state', '!=', 'deleting')
          .executeTakeFirst();
        if (Number(live.numUpdatedRows) === 0) throw new DatasetGone();
        const updated = upload.first
          ? 0
          : await this.accounts.mergeStaged(upload.id, dataset.id, trx, written);
        const accountCount = await this.accounts.countAccounts(dataset.id, trx);
        const staged = report.goodRows - report.duplicates;
        const final: ImportReport = { ...report, added: staged - updated, updated };
        await this.datasets.updateImport(
          upload.id,
          ['done'],
          { report: JSON.stringify(final), finished_at: now, bytes_read: upload.file_bytes },
          trx,
        );
        await this.datasets.updateDataset(
          dataset.id,
          {
            state: 'ready',
            revision,
            account_count: accountCount,
            ...(summary ? { summary: JSON.stringify(summary) } : {}),
          },
          trx,
        );
        await this.audit.append(
          {
            workspaceId: dataset.workspace_id,
            icpId: null,
            kind: 'dataset.imported',
            actorId: upload.created_by,
            data: {
              datasetId: dataset.id,
              datasetName: dataset.name,
              fileName: upload.file_name,
              revision,
              added: final.added,
              updated: final.updated,
              badRows: report.badRows,
              accountCount,
            },
          },
          trx,
        );
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof DatasetGone) return false;
        throw error;
      });
    if (!committed) return;
    if (!upload.first) {
      await this.accounts.discardStaged(upload.id);
      await this.accounts.refreshStatistics();
      const built = await this.columns.buildFor(dataset.id, revision);
      await this.datasets.updateDataset(dataset.id, {
        summary: JSON.stringify({ ...built, customAttributes }),
      });
    }
  }

  /** Removes what an ended import wrote; a first import takes its dataset with it unless it failed. */
  private async discard(upload: ImportRow, outcome: 'cancelled' | 'failed'): Promise<void> {
    this.files.remove(upload.id);
    if (!upload.first) {
      await this.accounts.discardStaged(upload.id);
      await this.accounts.refreshStatistics();
      return;
    }
    await this.accounts.purgeDataset(upload.dataset_id, [upload.id]);
    if (outcome === 'cancelled') await this.datasets.removeRecords(upload.dataset_id);
    else await this.datasets.updateDataset(upload.dataset_id, { state: 'failed' });
  }

  /** Before running an import again: drop what its earlier run wrote. */
  private async clearWritten(upload: ImportRow): Promise<void> {
    if (upload.first) await this.accounts.purgeDataset(upload.dataset_id, [upload.id]);
    else await this.accounts.discardStaged(upload.id);
  }
}

/** Passes bytes through, failing the import at the first byte that is not UTF-8. */
function utf8Check(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        callback(
          new ImportFailure(
            `The file is not valid UTF-8 (near byte ${offset.toLocaleString('en-US')}), although it started as ` +
              'UTF-8. Export it again as "CSV UTF-8".',
          ),
        );
        return;
      }
      offset += chunk.length;
      callback(null, chunk);
    },
  });
}

function describeParseError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'has broken quoting (a quote opened and not closed, or text right after a closing quote)';
    case 'CSV_MAX_RECORD_SIZE':
      return `is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters (probably a quote never closed)`;
    default:
      return `cannot be read: ${error.message}`;
  }
}
