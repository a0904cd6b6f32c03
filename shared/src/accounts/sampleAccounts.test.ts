import { describe, expect, it } from 'vitest';
import { insightsDtoSchema } from '../validation/datasets.js';
import { accountColumnsOf } from './accountColumns.js';
import { ACCOUNT_STATUSES, type AccountStatus } from './fields.js';
import { computeInsights } from './insights.js';
import { normalizeDomain } from './normalizeDomain.js';
import { parseAccountDate } from './parseDate.js';
import { parseAccountNumber } from './parseNumber.js';
import { parseAccountStatus } from './parseStatus.js';
import {
  HUBSPOT_HEADERS,
  SALESFORCE_HEADERS,
  SAMPLE_INDUSTRIES,
  mulberry32,
  sampleAccounts,
  sampleCsvLines,
  type SampleAccount,
} from './sampleAccounts.js';
import { splitListCell } from './splitList.js';
import { suggestMapping } from './suggestMapping.js';

const take = (count: number, seed?: number): SampleAccount[] => [...sampleAccounts(count, seed)];

/** A minimal RFC 4180 reader for one line (no line breaks inside cells). */
function cells(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let cell = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        cell += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          cell += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      out.push(cell);
      i++; // the comma
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

describe('mulberry32', () => {
  it('is deterministic and uniform enough', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const values = Array.from({ length: 10_000 }, () => a());
    expect(values.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe('sampleAccounts', () => {
  it('gives the same accounts for a seed, other accounts for another seed', () => {
    expect(take(200, 7)).toEqual(take(200, 7));
    expect(take(200, 42)).toEqual(take(200));
    expect(take(50, 8).map((a) => a.industry)).not.toEqual(take(50, 7).map((a) => a.industry));
  });

  it('streams: asking for a billion accounts and taking three costs three', () => {
    const first: SampleAccount[] = [];
    for (const account of sampleAccounts(1_000_000_000)) {
      first.push(account);
      if (first.length === 3) break;
    }
    expect(first).toEqual(take(3));
  });

  it('names every company and domain once', () => {
    const accounts = take(30_000);
    expect(new Set(accounts.map((a) => a.name)).size).toBe(accounts.length);
    expect(new Set(accounts.map((a) => a.domain)).size).toBe(accounts.length);
    expect(new Set(accounts.map((a) => a.id)).size).toBe(accounts.length);
    for (const a of accounts.slice(0, 500)) expect(a.domain).toMatch(/^[a-z0-9-]+(\.[a-z]+)+$/);
  });

  it('fills believable firmographics', () => {
    const industries = new Set<string>(SAMPLE_INDUSTRIES.map(([name]) => name));
    const problems: string[] = [];
    const check = (ok: boolean, what: string, a: SampleAccount) => {
      if (!ok) problems.push(`${what}: ${JSON.stringify(a)}`);
    };
    for (const a of take(5_000)) {
      check(industries.has(a.industry), 'industry', a);
      check(a.employees >= 2 && a.employees <= 50_000 && Number.isInteger(a.employees), 'employees', a);
      const perEmployee = a.revenue / a.employees;
      check(perEmployee >= 149_000 && perEmployee <= 301_000, 'revenue per employee', a);
      check(a.currency === 'USD' && a.region !== '' && a.country !== '', 'place', a);
      const techs = a.technologies;
      check(
        techs.length >= 1 && techs.length <= 5 && new Set(techs).size === techs.length,
        'technologies',
        a,
      );
      check(parseAccountDate(a.createdAt) === a.createdAt, 'created', a);
      check(a.closedAt === null ? a.status === 'prospect' : a.closedAt >= a.createdAt, 'closed', a);
      const valued = a.status === 'customer' || a.status === 'won' || a.status === 'churned';
      if (!valued)
        check(
          [a.acv, a.ltv, a.nps, a.adoption].every((v) => v === null),
          'values',
          a,
        );
      check(a.nps === null || (Math.abs(a.nps) <= 100 && !Object.is(a.nps, -0)), 'nps', a);
      check(a.adoption === null || (a.adoption >= 0 && a.adoption <= 100), 'adoption', a);
      check(a.ltv === null || a.ltv > 0, 'ltv', a);
    }
    expect(problems).toEqual([]);
  });

  it('mixes statuses about 25% customer, 5% won, 20% lost, 8% churned, the rest prospects', () => {
    const counts = Object.fromEntries(ACCOUNT_STATUSES.map((s) => [s, 0])) as Record<AccountStatus, number>;
    const n = 20_000;
    for (const a of sampleAccounts(n, 5)) counts[a.status]++;
    const share = (s: AccountStatus) => counts[s] / n;
    expect(share('customer')).toBeCloseTo(0.25, 1);
    expect(share('won')).toBeGreaterThan(0.03);
    expect(share('won')).toBeLessThan(0.08);
    expect(share('lost')).toBeCloseTo(0.2, 1);
    expect(share('churned')).toBeGreaterThan(0.05);
    expect(share('churned')).toBeLessThan(0.11);
    expect(share('prospect')).toBeCloseTo(0.42, 1);
  });

  it('leaves a few value fields empty among customers', () => {
    const customers = take(5_000).filter((a) => a.status === 'customer');
    const missingNps = customers.filter((a) => a.nps === null).length / customers.length;
    expect(missingNps).toBeGreaterThan(0.01);
    expect(missingNps).toBeLessThan(0.15);
    expect(customers.filter((a) => a.ltv !== null).length / customers.length).toBeGreaterThan(0.95);
  });

  it('plants an ICP the insights find: SaaS and Fintech, 201–1,000 employees, Salesforce; not Education', () => {
    const columns = accountColumnsOf(sampleAccounts(5_000));
    const insights = computeInsights(columns, {
      comparison: 'all',
      conditions: [
        { op: 'in', field: 'status', values: ['customer'] },
        { op: 'top', field: 'ltv', percent: 25 },
      ],
      bands: 'standard',
      minSample: 30,
    });
    const { traits, bestCount } = insights;
    expect(bestCount).toBeGreaterThan(200);
    const dto = { ...insights, datasetId: '00000000-0000-4000-8000-000000000001', revision: 1 };
    expect(() => insightsDtoSchema.parse({ ...dto, computedAt: '2025-01-01T00:00:00.000Z' })).not.toThrow();
    const trait = (value: string) => traits.find((t) => t.value === value)!;
    for (const value of ['Fintech', 'B2B SaaS', '201–1,000 employees', 'Salesforce']) {
      expect(trait(value)).toMatchObject({ significant: true });
      expect(trait(value).low).toBeGreaterThan(1);
      expect(trait(value).lift).toBeGreaterThan(1.5);
    }
    expect(trait('Education').label).toBe('anti');
    expect(trait('Public sector').label).toBe('anti');
    // Believable, not perfect: the planted traits still leave room for others.
    expect(trait('201–1,000 employees').shareBest).toBeLessThan(0.8);
    expect(trait('Fintech').winRate!).toBeGreaterThan(trait('Education').winRate!);
  });
});

describe('sampleCsvLines', () => {
  const accounts = take(1_000);

  it('writes headers whose columns the mapping suggestion recognises', () => {
    const [hubspot] = sampleCsvLines([], 'hubspot');
    expect(cells(hubspot!)).toEqual([...HUBSPOT_HEADERS]);
    const [salesforce] = sampleCsvLines([], 'salesforce');
    expect(cells(salesforce!)).toEqual([...SALESFORCE_HEADERS]);
    for (const headers of [HUBSPOT_HEADERS, SALESFORCE_HEADERS]) {
      expect(Object.keys(suggestMapping(headers)).sort()).toEqual(
        [
          'externalId',
          'name',
          'domain',
          'industry',
          'employees',
          'revenue',
          'country',
          'region',
          'technologies',
          'status',
          'firstDealAt',
          'closedAt',
          'acv',
          'ltv',
          'nps',
          'adoption',
        ].sort(),
      );
    }
  });

  it('writes a HubSpot export that reads back as the accounts', () => {
    const lines = [...sampleCsvLines(accounts, 'hubspot')];
    expect(lines).toHaveLength(accounts.length + 1);
    lines.slice(1).forEach((line, i) => {
      const a = accounts[i]!;
      const row = cells(line);
      expect(row).toHaveLength(HUBSPOT_HEADERS.length);
      const [id, name, domain, industry, employees, revenue, country, region, stage, created, closed, tech] =
        row;
      expect([id, name, domain, industry, country, region]).toEqual([
        a.id,
        a.name,
        a.domain,
        a.industry,
        a.country,
        a.region,
      ]);
      expect(parseAccountNumber(employees!)).toBe(a.employees);
      expect(parseAccountNumber(revenue!)).toBe(a.revenue);
      expect(parseAccountStatus(stage!)).toBe(a.status);
      expect(created).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      expect(parseAccountDate(created!)).toBe(a.createdAt);
      expect(parseAccountDate(closed!)).toBe(a.closedAt);
      expect(splitListCell(tech!, ';')).toEqual(a.technologies);
      expect(row.slice(12).map((cell) => parseAccountNumber(cell))).toEqual([
        a.acv,
        a.ltv,
        a.nps,
        a.adoption,
      ]);
    });
  });

  it('writes a Salesforce report with its own formats and a few empty cells', () => {
    const lines = [...sampleCsvLines(accounts, 'salesforce')];
    const rows = lines.slice(1).map(cells);
    let emptyRevenue = 0;
    let compactRevenue = 0;
    let groupedEmployees = 0;
    rows.forEach((row, i) => {
      const a = accounts[i]!;
      expect(row).toHaveLength(SALESFORCE_HEADERS.length);
      const [id, name, website, industry, employees, revenue, , , type, created, lastWon, tech, , ltv] = row;
      expect(id).toMatch(/^001[0-9A-Za-z]{15}$/);
      expect(name).toBe(a.name);
      expect(normalizeDomain(website!)).toBe(a.domain);
      expect(['', a.industry]).toContain(industry);
      if (employees === '') expect(true).toBe(true);
      else expect(parseAccountNumber(employees!)).toBe(a.employees);
      if (employees!.includes(',')) groupedEmployees++;
      if (revenue === '') emptyRevenue++;
      else {
        if (/[KMB]$/.test(revenue!)) compactRevenue++;
        const value = parseAccountNumber(revenue!) as number;
        expect(Math.abs(value - a.revenue) / a.revenue).toBeLessThan(0.05);
      }
      expect(parseAccountStatus(type!)).toBe(a.status);
      expect(created).toMatch(/^\d\d\/\d\d\/\d{4}$/);
      expect(parseAccountDate(created!)).toBe(a.createdAt);
      const won = a.status === 'customer' || a.status === 'won' || a.status === 'churned';
      expect(parseAccountDate(lastWon!)).toBe(won ? a.closedAt : null);
      expect(splitListCell(tech!, ';')).toEqual(a.technologies);
      expect(parseAccountNumber(ltv!)).toBe(a.ltv);
    });
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    expect(emptyRevenue).toBeGreaterThan(20);
    expect(compactRevenue).toBeGreaterThan(100);
    expect(groupedEmployees).toBeGreaterThan(10);
    // "$5,000,000" holds commas: quoted.
    expect(lines.some((line) => /,"\$\d{1,3}(,\d{3})+",/.test(line))).toBe(true);
  });

  it('quotes cells holding commas, quotes and line breaks (RFC 4180)', () => {
    const odd: SampleAccount = {
      ...accounts[0]!,
      name: 'Smith, Jones & "Partners"',
      industry: 'Retail\ne-commerce',
    };
    const [, line] = sampleCsvLines([odd], 'hubspot');
    expect(line).toContain('"Smith, Jones & ""Partners"""');
    expect(line).toContain('"Retail\ne-commerce"');
  });
});
