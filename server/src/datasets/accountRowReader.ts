import {
  DATASET_LIMITS,
  normalizeDomain,
  parseAccountDate,
  parseAccountNumber,
  parseAccountStatus,
  splitListCell,
  type AccountFieldKey,
  type DatasetMapping,
  type RowError,
} from '@bullseye/shared';
import type { AccountColumnsRow } from '../db/schema.js';
import type { AccountValueColumn } from '../db/accountStore.js';

/** One account read from a CSV record, without the dataset (the writer adds it). */
export type AccountRow = Omit<AccountColumnsRow, 'dataset_id'>;

export type ReadResult = { row: AccountRow; errors?: undefined } | { row?: undefined; errors: RowError[] };

const NUMBER_FIELDS = {
  employees: 'employees',
  revenue: 'revenue',
  acv: 'acv',
  ltv: 'ltv',
  nps: 'nps',
  adoption: 'adoption',
} as const;
const DATE_FIELDS = { firstDealAt: 'first_deal_at', closedAt: 'closed_at' } as const;
const TEXT_FIELDS = { industry: 'industry', country: 'country', region: 'region' } as const;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const MONEY_COLUMNS = new Set<string>(['revenue', 'acv', 'ltv']);

/** Money written with a symbol names its currency. */
const CURRENCY_SYMBOLS: readonly (readonly [string, string])[] = [
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
];

/** Longest record id, domain or name an account can be known by (a key indexes it). */
export const MAX_KEY_LENGTH = 500;

/**
 * Turns CSV records into typed accounts by the confirmed mapping. A record is either a whole account
 * or a list of problems (with the line and the column at fault): a ragged row, an over-long cell, a
 * number, date, status or currency that does not parse, or no record id, domain or name to know the
 * account by. Empty cells are unknown (null), never zero.
 */
/** The accounts-table column each mapped field fills. */
const FIELD_COLUMNS: Record<AccountFieldKey, AccountValueColumn> = {
  externalId: 'external_id',
  name: 'name',
  domain: 'domain',
  industry: 'industry',
  employees: 'employees',
  revenue: 'revenue',
  currency: 'currency',
  country: 'country',
  region: 'region',
  technologies: 'technologies',
  status: 'status',
  firstDealAt: 'first_deal_at',
  closedAt: 'closed_at',
  acv: 'acv',
  ltv: 'ltv',
  nps: 'nps',
  adoption: 'adoption',
};

/**
 * The columns a re-import with this mapping may change on accounts it matches: the mapped ones (and
 * the currency with any money), custom attributes when the file keeps some. A narrower file leaves
 * what it does not carry (an LTV column it lacks) as it was.
 */
export function columnsWrittenBy(mapping: DatasetMapping, keepsCustom: boolean): AccountValueColumn[] {
  const columns = new Set<AccountValueColumn>(['line']);
  for (const [field, header] of Object.entries(mapping.columns) as [AccountFieldKey, string | undefined][]) {
    if (header !== undefined) columns.add(FIELD_COLUMNS[field]);
  }
  if (columns.has('revenue') || columns.has('acv') || columns.has('ltv')) columns.add('currency');
  if (keepsCustom) columns.add('custom');
  return [...columns];
}

export class AccountRowReader {
  private readonly index: Partial<Record<AccountFieldKey, number>> = {};
  /** Positions and names of the columns kept as custom attributes. */
  readonly custom: { position: number; header: string }[] = [];

  constructor(
    private readonly headers: readonly string[],
    private readonly mapping: DatasetMapping,
    /** The file writes `1.234,56` (see FileDialect.decimalComma). */
    private readonly decimalComma = false,
  ) {
    const mapped = new Set<string>();
    for (const [field, header] of Object.entries(mapping.columns) as [
      AccountFieldKey,
      string | undefined,
    ][]) {
      if (header === undefined) continue;
      const position = headers.indexOf(header);
      if (position >= 0) {
        this.index[field] = position;
        mapped.add(header);
      }
    }
    const ignored = new Set(mapping.ignored);
    headers.forEach((header, position) => {
      if (!mapped.has(header) && !ignored.has(header)) this.custom.push({ position, header });
    });
  }

  read(record: readonly string[], line: number): ReadResult {
    if (record.length !== this.headers.length) {
      return {
        errors: [
          {
            line,
            column: null,
            message: `has ${record.length} cells where the header has ${this.headers.length}`,
          },
        ],
      };
    }
    const errors: RowError[] = [];
    const fail = (position: number, message: string) => {
      errors.push({ line, column: this.headers[position] ?? null, message });
    };
    for (let i = 0; i < record.length; i++) {
      if (record[i]!.length > DATASET_LIMITS.maxCellLength) {
        fail(i, `is longer than ${DATASET_LIMITS.maxCellLength.toLocaleString('en-US')} characters`);
      } else if (record[i]!.includes('\u0000')) {
        fail(i, 'holds a NUL character (the file is probably not text)');
      }
    }
    if (errors.length > 0) return { errors };

    const cell = (field: AccountFieldKey): string | null => {
      const position = this.index[field];
      if (position === undefined) return null;
      const value = collapse(record[position]!);
      return value === '' ? null : value;
    };

    const row: AccountRow = {
      key: '',
      line,
      external_id: cell('externalId'),
      name: cell('name'),
      domain: null,
      industry: null,
      employees: null,
      revenue: null,
      currency: null,
      country: null,
      region: null,
      technologies: null,
      status: null,
      first_deal_at: null,
      closed_at: null,
      acv: null,
      ltv: null,
      nps: null,
      adoption: null,
      custom: null,
    };
    for (const [field, column] of Object.entries(TEXT_FIELDS) as [keyof typeof TEXT_FIELDS, 'industry'][]) {
      row[column] = cell(field);
    }
    const domainCell = cell('domain');
    if (domainCell !== null) {
      const domain = normalizeDomain(domainCell);
      if (domain === null) fail(this.index.domain!, `"${short(domainCell)}" is not a domain or website`);
      row.domain = domain;
    }
    let moneySymbol: string | null = null;
    for (const [field, column] of Object.entries(NUMBER_FIELDS) as [
      keyof typeof NUMBER_FIELDS,
      (typeof NUMBER_FIELDS)[keyof typeof NUMBER_FIELDS],
    ][]) {
      const raw = cell(field);
      if (raw === null) continue;
      // With decimal commas, dots only group thousands: "3.035" employees are 3,035.
      const value = parseAccountNumber(
        this.decimalComma && /^[^\d,]*\d{1,3}(\.\d{3})+[^\d,.]*$/.test(raw) ? raw.replace(/\./g, '') : raw,
      );
      if (value === 'invalid') fail(this.index[field]!, `"${short(raw)}" is not a number`);
      else if (column === 'nps' && value !== null && (value < -100 || value > 100)) {
        fail(this.index[field]!, `${value} is outside −100…100 (NPS or CSAT)`);
      } else if (value !== null && value < 0 && (column === 'employees' || MONEY_COLUMNS.has(column))) {
        fail(this.index[field]!, `${value} is negative`);
      } else row[column] = value;
      if (!moneySymbol && MONEY_COLUMNS.has(column)) {
        moneySymbol = CURRENCY_SYMBOLS.find(([symbol]) => raw.includes(symbol))?.[1] ?? null;
      }
    }
    for (const [field, column] of Object.entries(DATE_FIELDS) as [keyof typeof DATE_FIELDS, 'closed_at'][]) {
      const raw = cell(field);
      if (raw === null) continue;
      const value = parseAccountDate(raw);
      if (value === 'invalid') fail(this.index[field]!, `"${short(raw)}" is not a date`);
      else row[column] = value;
    }
    const statusCell = cell('status');
    if (statusCell !== null) {
      const status = parseAccountStatus(statusCell);
      if (status === 'invalid') {
        fail(
          this.index.status!,
          `"${short(statusCell)}" is not a status (customer, won, lost, churned or prospect)`,
        );
      } else row.status = status;
    }
    const currencyCell = cell('currency');
    if (currencyCell !== null) {
      const code = currencyCell.toUpperCase();
      if (/^[A-Z]{3}$/.test(code)) row.currency = code;
      else fail(this.index.currency!, `"${short(currencyCell)}" is not a currency code (USD, EUR…)`);
    } else if (row.revenue !== null || row.acv !== null || row.ltv !== null) {
      // "€5M" says EUR whatever the default currency.
      row.currency = moneySymbol ?? this.mapping.defaultCurrency;
    }
    const techCell = cell('technologies');
    if (techCell !== null) {
      const technologies = splitListCell(techCell, this.mapping.technologySeparator);
      if (technologies.length > 0) row.technologies = JSON.stringify(technologies);
    }
    if (this.custom.length > 0) {
      const custom: Record<string, string> = {};
      let any = false;
      for (const { position, header } of this.custom) {
        const value = record[position]!.trim();
        if (value !== '') {
          custom[header] = value;
          any = true;
        }
      }
      if (any) row.custom = JSON.stringify(custom);
    }
    if (row.external_id !== null) row.key = `id:${row.external_id}`;
    else if (row.domain !== null) row.key = `domain:${row.domain}`;
    else if (row.name !== null) row.key = `name:${row.name.toLocaleLowerCase()}`;
    else if (errors.length === 0) {
      errors.push({
        line,
        column: null,
        message: 'has no record id, domain or company name to know the account by',
      });
    }
    if (row.key.length > MAX_KEY_LENGTH + 7) {
      errors.push({
        line,
        column: null,
        message: `names the account by more than ${MAX_KEY_LENGTH} characters (record id, domain or name)`,
      });
    }
    return errors.length > 0 ? { errors } : { row };
  }
}

function short(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
