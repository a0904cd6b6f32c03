import { describe, expect, it } from 'vitest';
import {
  fileProblem,
  formatBytes,
  formatSpeed,
  formatTimeLeft,
  nameFromFileName,
  percentOf,
  resumeFileProblem,
  statusSummary,
} from './format.js';

const MB = 1024 * 1024;

describe('formatBytes', () => {
  it('uses binary units like the 200 MB limit', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(1.25 * MB)).toBe('1.3 MB');
    expect(formatBytes(84 * MB)).toBe('84 MB');
    expect(formatBytes(200 * MB)).toBe('200 MB');
    expect(formatBytes(1536 * MB)).toBe('1.5 GB');
    expect(formatSpeed(5.2 * MB)).toBe('5.2 MB/s');
  });
});

describe('formatTimeLeft', () => {
  it('says nothing without an estimate', () => {
    expect(formatTimeLeft(null)).toBeNull();
    expect(formatTimeLeft(undefined)).toBeNull();
    expect(formatTimeLeft(Number.POSITIVE_INFINITY)).toBeNull();
    expect(formatTimeLeft(-1)).toBeNull();
  });

  it('rounds to steps that do not jitter', () => {
    expect(formatTimeLeft(2)).toBe('a few seconds left');
    expect(formatTimeLeft(12)).toBe('about 15 s left');
    expect(formatTimeLeft(41)).toBe('about 45 s left');
    expect(formatTimeLeft(60)).toBe('about 1 min left');
    expect(formatTimeLeft(185)).toBe('about 3 min left');
    expect(formatTimeLeft(3600)).toBe('about 1 h left');
    expect(formatTimeLeft(3900)).toBe('about 1 h 5 min left');
  });
});

describe('percentOf', () => {
  it('never says 100% before everything is there', () => {
    expect(percentOf(0, 100)).toBe(0);
    expect(percentOf(42, 100)).toBe(42);
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
  });
});

describe('statusSummary', () => {
  it('lists the statuses present in funnel order, with plurals', () => {
    expect(statusSummary({ lost: 80, customer: 412 })).toBe('412 customers · 80 lost');
    expect(statusSummary({ customer: 1, prospect: 1, churned: 0 })).toBe('1 customer · 1 prospect');
    expect(statusSummary({ won: 1200, churned: 3 })).toBe('1,200 won · 3 churned');
    expect(statusSummary({})).toBe('');
  });
});

describe('nameFromFileName', () => {
  it('drops the extension and underscores', () => {
    expect(nameFromFileName('hubspot-companies_2025-06.csv')).toBe('hubspot-companies 2025-06');
    expect(nameFromFileName('Accounts Report.TSV')).toBe('Accounts Report');
    expect(nameFromFileName('x'.repeat(100) + '.csv')).toHaveLength(80);
  });
});

describe('fileProblem', () => {
  const max = 200 * MB;
  it('accepts CSV, TSV and TXT exports within the limit', () => {
    expect(fileProblem({ name: 'a.csv', size: 10 }, max)).toBeNull();
    expect(fileProblem({ name: 'A.TSV', size: max }, max)).toBeNull();
    expect(fileProblem({ name: 'a.txt', size: 1 }, max)).toBeNull();
  });
  it('explains what is wrong', () => {
    expect(fileProblem({ name: 'a.xlsx', size: 10 }, max)).toMatch(/not a CSV file/);
    expect(fileProblem({ name: 'a.csv', size: 0 }, max)).toMatch(/empty/);
    expect(fileProblem({ name: 'a.csv', size: max + 1 }, max)).toMatch(/limit is 200 MB/);
  });
});

describe('resumeFileProblem', () => {
  const upload = { fileName: 'companies.csv', fileBytes: 12 * MB };
  it('accepts the same name and size', () => {
    expect(resumeFileProblem({ name: 'companies.csv', size: 12 * MB }, upload)).toBeNull();
  });
  it('refuses another file, naming the one expected', () => {
    expect(resumeFileProblem({ name: 'other.csv', size: 12 * MB }, upload)).toBe(
      '“other.csv” (12 MB) is not the file this upload started with. Choose “companies.csv” (12 MB).',
    );
  });
  it('refuses a file of the same name that changed size', () => {
    expect(resumeFileProblem({ name: 'companies.csv', size: 13 * MB }, upload)).toMatch(/has changed/);
  });
});
