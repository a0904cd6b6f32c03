import { describe, expect, it } from 'vitest';
import type { DatasetMapping } from '@bullseye/shared';
import { AccountRowReader } from './accountRowReader.js';

const headers = ['Id', 'Company', 'Web', 'Employees', 'Revenue', 'Stage', 'Tech', 'Close', 'Owner', 'Notes'];
const mapping: DatasetMapping = {
  columns: {
    externalId: 'Id',
    name: 'Company',
    domain: 'Web',
    employees: 'Employees',
    revenue: 'Revenue',
    status: 'Stage',
    technologies: 'Tech',
    closedAt: 'Close',
  },
  ignored: ['Owner'],
  defaultCurrency: 'EUR',
  technologySeparator: ';',
};
const reader = new AccountRowReader(headers, mapping);
const record = (overrides: Partial<Record<string, string>> = {}) =>
  headers.map(
    (h) =>
      overrides[h] ??
      {
        Id: 'A-1',
        Company: '  Acme   Corp ',
        Web: 'https://www.Acme.com/about',
        Employees: '1,200',
        Revenue: '$5M',
        Stage: 'Closed Won',
        Tech: 'Salesforce; Slack;salesforce',
        Close: '03/05/2024',
        Owner: 'Jane',
        Notes: 'likes us',
      }[h]!,
  );

describe('AccountRowReader', () => {
  it('types every mapped cell and keeps unmapped, not ignored columns as custom attributes', () => {
    const { row } = reader.read(record(), 2);
    expect(row).toMatchObject({
      key: 'id:A-1',
      line: 2,
      name: 'Acme Corp',
      domain: 'acme.com',
      employees: 1200,
      revenue: 5_000_000,
      currency: 'EUR',
      status: 'won',
      closed_at: '2024-03-05',
      technologies: JSON.stringify(['Salesforce', 'Slack']),
      custom: JSON.stringify({ Notes: 'likes us' }),
    });
  });

  it('reads empty cells as unknown, never zero, and knows an account by its domain without a record id', () => {
    const { row } = reader.read(record({ Id: '', Employees: '', Revenue: ' ', Stage: '', Tech: '' }), 3);
    expect(row).toMatchObject({
      key: 'domain:acme.com',
      employees: null,
      revenue: null,
      status: null,
      technologies: null,
    });
    expect(row!.currency).toBeNull();
  });

  it('names the line and column of each cell that does not parse', () => {
    const { errors } = reader.read(record({ Employees: 'lots', Stage: 'Sleeping', Close: '31/31/2024' }), 7);
    expect(errors).toEqual([
      { line: 7, column: 'Employees', message: '"lots" is not a number' },
      { line: 7, column: 'Close', message: '"31/31/2024" is not a date' },
      { line: 7, column: 'Stage', message: expect.stringContaining('is not a status') },
    ]);
  });

  it('refuses ragged rows and rows that name no account', () => {
    expect(reader.read(['A-1', 'Acme'], 4).errors).toEqual([
      { line: 4, column: null, message: 'has 2 cells where the header has 10' },
    ]);
    expect(reader.read(record({ Id: '', Company: '', Web: '' }), 5).errors?.[0]?.message).toMatch(
      /no record id, domain or company name/,
    );
  });
});

describe('AccountRowReader with European numbers and currency symbols', () => {
  const euro = new AccountRowReader(
    ['Firma', 'Mitarbeiter', 'Umsatz'],
    {
      columns: { name: 'Firma', employees: 'Mitarbeiter', revenue: 'Umsatz' },
      ignored: [],
      defaultCurrency: 'USD',
      technologySeparator: ';',
    },
    true,
  );

  it('reads dots as thousands when the file writes decimal commas', () => {
    expect(euro.read(['Müller GmbH', '3.035', '648.554.207,60'], 2).row).toMatchObject({
      employees: 3035,
      revenue: 648_554_207.6,
    });
  });

  it('takes the currency from a symbol in the money cells over the default', () => {
    expect(euro.read(['Café SA', '12', '€445,9M'], 3).row).toMatchObject({ currency: 'EUR' });
    expect(euro.read(['Plain Ltd', '12', '5.000.000'], 4).row).toMatchObject({
      currency: 'USD',
      revenue: 5_000_000,
    });
  });
});

describe('AccountRowReader ranges', () => {
  const scores = new AccountRowReader(['Name', 'NPS', 'Employees'], {
    columns: { name: 'Name', nps: 'NPS', employees: 'Employees' },
    ignored: [],
    defaultCurrency: 'USD',
    technologySeparator: ';',
  });

  it('refuses an NPS outside −100…100 and a negative head count', () => {
    expect(scores.read(['Acme', '999', '10'], 2).errors?.[0]).toMatchObject({ column: 'NPS' });
    expect(scores.read(['Acme', '-20', '-5'], 3).errors?.[0]).toMatchObject({ column: 'Employees' });
    expect(scores.read(['Acme', '-20', '5'], 4).row).toMatchObject({ nps: -20, employees: 5 });
  });
});
