import {
  csvLine,
  type AccountDto,
  type AccountStatus,
  type DatasetDto,
  type DatasetMapping,
  type ImportDto,
  type ImportReport,
  type ImportState,
} from '@bullseye/shared';
import type { DatasetRow, ImportRow } from '../db/datasetStore.js';
import { technologiesOf, type AccountValueColumn, type StoredAccount } from '../db/accountStore.js';
import type { DatasetSummary } from '../datasets/columnsCache.js';
import type { FileDialect } from '../datasets/inspectFile.js';

const person = (id: string | null, names: Map<string, string>) =>
  id ? { id, name: names.get(id) ?? 'Former member' } : null;

/** An import as the API shows it, with progress figures worked out from its timing. */
export function presentImport(row: ImportRow, names: Map<string, string>, now: Date): ImportDto {
  const dialect = row.dialect ? (JSON.parse(row.dialect) as FileDialect) : null;
  const state = row.state as ImportState;
  let rowsPerSecond: number | null = null;
  let secondsLeft: number | null = null;
  if (state === 'importing' && row.started_at) {
    const seconds = (now.getTime() - Date.parse(row.started_at)) / 1000;
    if (seconds > 0.5 && row.rows_read > 0) {
      rowsPerSecond = Math.round(row.rows_read / seconds);
      const bytesPerSecond = row.bytes_read / seconds;
      secondsLeft =
        bytesPerSecond > 0
          ? Math.max(0, Math.round((row.file_bytes - row.bytes_read) / bytesPerSecond))
          : null;
    }
  }
  return {
    id: row.id,
    datasetId: row.dataset_id,
    state,
    fileName: row.file_name,
    fileBytes: Number(row.file_bytes),
    receivedBytes: Number(row.received_bytes),
    encoding: dialect?.encoding ?? null,
    encodingNotice: dialect?.encodingNotice ?? null,
    delimiter: dialect?.delimiter ?? null,
    headers: dialect?.headers ?? [],
    preview: dialect?.preview ?? [],
    mapping: row.mapping ? (JSON.parse(row.mapping) as DatasetMapping) : null,
    progress: {
      bytesRead: Number(row.bytes_read),
      rowsRead: row.rows_read,
      rowsPerSecond,
      secondsLeft,
    },
    report: row.report ? (JSON.parse(row.report) as ImportReport) : null,
    error: row.error,
    createdBy: person(row.created_by, names),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export function presentDataset(
  row: DatasetRow,
  latest: ImportRow | undefined,
  names: Map<string, string>,
  canManage: boolean,
  now: Date,
): DatasetDto {
  const summary = JSON.parse(row.summary || '{}') as Partial<DatasetSummary>;
  const statusCounts: Record<AccountStatus, number> = {
    customer: 0,
    won: 0,
    lost: 0,
    churned: 0,
    prospect: 0,
  };
  for (const [status, count] of Object.entries(summary.statusCounts ?? {})) {
    statusCounts[status as AccountStatus] = count;
  }
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    sample: row.sample === 1,
    state: row.state as DatasetDto['state'],
    accountCount: row.account_count,
    revision: row.revision,
    fields: summary.fields ?? [],
    statusCounts,
    customAttributes: summary.customAttributes ?? [],
    createdBy: person(row.created_by, names),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    latestImport: latest ? presentImport(latest, names, now) : null,
    canManage,
  };
}

function parseCustom(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

export function presentAccount(row: StoredAccount): AccountDto {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    domain: row.domain,
    industry: row.industry,
    employees: row.employees,
    revenue: row.revenue,
    currency: row.currency,
    country: row.country,
    region: row.region,
    technologies: technologiesOf(row.technologies),
    status: row.status as AccountStatus | null,
    firstDealAt: row.first_deal_at,
    closedAt: row.closed_at,
    acv: row.acv,
    ltv: row.ltv,
    nps: row.nps,
    adoption: row.adoption,
    custom: parseCustom(row.custom),
  };
}

/** The CSV export's header: Bullseye's fields, then the dataset's custom attributes. */
export function accountCsvHeader(customAttributes: readonly string[]): string {
  return csvLine([
    'Record ID',
    'Company name',
    'Domain',
    'Industry',
    'Employees',
    'Annual revenue',
    'Currency',
    'Country',
    'Region',
    'Technologies',
    'Status',
    'First deal date',
    'Close date',
    'ACV',
    'Lifetime value',
    'NPS',
    'Adoption',
    ...customAttributes,
  ]);
}

/** One account as a spreadsheet-safe CSV line (formulas neutralised by csvCell). */
export function accountCsvLine(
  row: Pick<StoredAccount, AccountValueColumn>,
  customAttributes: readonly string[],
): string {
  const custom = parseCustom(row.custom);
  return csvLine([
    row.external_id,
    row.name,
    row.domain,
    row.industry,
    row.employees,
    row.revenue,
    row.currency,
    row.country,
    row.region,
    technologiesOf(row.technologies).join('; '),
    row.status,
    row.first_deal_at,
    row.closed_at,
    row.acv,
    row.ltv,
    row.nps,
    row.adoption,
    ...customAttributes.map((name) => custom[name] ?? null),
  ]);
}
