import {
  ACCOUNT_STATUSES,
  AccountColumnsBuilder,
  type AccountColumns,
  type AccountFieldKey,
  type AccountStatus,
} from '@bullseye/shared';
import { technologiesOf, type AccountStore, type StoredAccount } from '../db/accountStore.js';
import { LruMap } from '../lruMap.js';
import type { DatasetRow } from '../db/datasetStore.js';

/** What a dataset holds, kept on the dataset row and shown in lists. */
export interface DatasetSummary {
  fields: AccountFieldKey[];
  statusCounts: Partial<Record<AccountStatus, number>>;
  customAttributes: string[];
}

const SCAN_BATCH = 10_000;
/** The account columns the columnar copy holds. */
const SCANNED = [
  'industry',
  'country',
  'region',
  'status',
  'employees',
  'revenue',
  'acv',
  'ltv',
  'nps',
  'adoption',
  'technologies',
] as const satisfies readonly (keyof StoredAccount & AccountFieldKey)[];
/** Datasets kept in memory at once (a 1,000,000-account dataset takes about 60 MB). */
const MAX_CACHED = 4;

/**
 * The insights and coverage read a dataset in columnar form (shared AccountColumns), built from the
 * accounts table with one scan and kept in memory per dataset revision (least recently used first
 * out). A SQL GROUP BY per dimension costs about a second each over a million accounts on SQLite;
 * one pass over typed arrays answers every dimension in a fraction of that.
 */
export class ColumnsCache {
  private readonly entries = new LruMap<string, { revision: number; columns: Promise<AccountColumns> }>(
    MAX_CACHED,
  );

  constructor(private readonly accounts: AccountStore) {}

  /** The dataset's accounts as columns, built once per revision (concurrent callers share it). */
  get(dataset: Pick<DatasetRow, 'id' | 'revision'>): Promise<AccountColumns> {
    const cached = this.entries.get(dataset.id);
    if (cached && cached.revision === dataset.revision) return cached.columns;
    const columns = this.build(dataset.id).then((built) => built.columns);
    this.remember(dataset.id, dataset.revision, columns);
    return columns;
  }

  /**
   * Builds the columns and the summary of what the dataset holds in one scan, and keeps the columns
   * for `revision` (the revision the caller is about to commit, or the current one).
   */
  async buildFor(datasetId: string, revision: number): Promise<DatasetSummary> {
    const built = this.build(datasetId);
    this.remember(
      datasetId,
      revision,
      built.then((b) => b.columns),
    );
    return (await built).summary;
  }

  forget(datasetId: string): void {
    this.entries.delete(datasetId);
  }

  private remember(datasetId: string, revision: number, columns: Promise<AccountColumns>): void {
    this.entries.set(datasetId, { revision, columns });
    // A failed build is not kept: the next caller tries again.
    columns.catch(() => {
      if (this.entries.peek(datasetId)?.columns === columns) this.entries.delete(datasetId);
    });
  }

  private async build(datasetId: string): Promise<{ columns: AccountColumns; summary: DatasetSummary }> {
    const builder = new AccountColumnsBuilder();
    const statusCounts: Partial<Record<AccountStatus, number>> = {};
    const known = new Set<AccountFieldKey>();
    for await (const rows of this.accounts.scan(datasetId, SCANNED, SCAN_BATCH)) {
      for (const row of rows) {
        const status = ACCOUNT_STATUSES.includes(row.status as AccountStatus)
          ? (row.status as AccountStatus)
          : null;
        if (status) statusCounts[status] = (statusCounts[status] ?? 0) + 1;
        builder.add({
          industry: row.industry,
          country: row.country,
          region: row.region,
          status,
          employees: row.employees,
          revenue: row.revenue,
          acv: row.acv,
          ltv: row.ltv,
          nps: row.nps,
          adoption: row.adoption,
          technologies: technologiesOf(row.technologies),
        });
        // These columns are named like the fields they hold.
        for (const column of SCANNED) if (row[column] !== null) known.add(column);
      }
    }
    const others = await this.accounts.identityFieldCounts(datasetId);
    for (const [field, count] of Object.entries(others)) if (count > 0) known.add(field as AccountFieldKey);
    return {
      columns: builder.build(),
      summary: { fields: [...known], statusCounts, customAttributes: [] },
    };
  }
}
