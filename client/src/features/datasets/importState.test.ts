import { describe, expect, it } from 'vitest';
import { doneSummary, isTerminal, newerImport, problemsByColumn } from './importState.js';
import { importDto } from './testImport.js';

const report = {
  rowsRead: 10,
  goodRows: 8,
  badRows: 2,
  duplicates: 1,
  errors: [],
  errorsByColumn: { Revenue: 1, '(row)': 3, Industry: 0 },
  added: 5,
  updated: 1,
};

describe('newerImport', () => {
  it('keeps the snapshot further along', () => {
    const mapping = importDto({ state: 'mapping' });
    const uploading = importDto({ state: 'uploading', receivedBytes: 50 });
    expect(newerImport(mapping, uploading)).toBe(mapping);
    expect(newerImport(uploading, mapping)).toBe(mapping);
    expect(newerImport(null, mapping)).toBe(mapping);
    expect(newerImport(mapping, null)).toBe(mapping);
  });

  it('never moves progress backwards within a state', () => {
    const ahead = importDto({ receivedBytes: 60 });
    const behind = importDto({ receivedBytes: 40 });
    expect(newerImport(ahead, behind)).toBe(ahead);
    expect(newerImport(behind, ahead)).toBe(ahead);
  });

  it('lets a newer import of the dataset replace an older one', () => {
    const old = importDto({ state: 'done' });
    const fresh = importDto({ id: 'other', createdAt: '2025-07-01T00:00:00.000Z' });
    expect(newerImport(old, fresh)).toBe(fresh);
    expect(newerImport(fresh, old)).toBe(fresh);
  });
});

describe('import summaries', () => {
  it('tells terminal states', () => {
    expect(['done', 'cancelled', 'failed'].every((s) => isTerminal(s as 'done'))).toBe(true);
    expect(isTerminal('review')).toBe(false);
  });

  it('sums up a finished import', () => {
    expect(doneSummary(report)).toBe(
      '5 accounts added, 1 account updated, 1 duplicate row merged (the later row was kept), 2 rows with problems left out',
    );
    expect(doneSummary({ ...report, duplicates: 0, badRows: 0, added: 1, updated: 0 })).toBe(
      '1 account added, 0 accounts updated',
    );
    expect(doneSummary({ ...report, duplicates: 0, badRows: 0, added: 3, updated: 0 }, false)).toBe(
      '3 accounts added',
    );
  });

  it('orders column problems, most first', () => {
    expect(problemsByColumn(report)).toEqual([
      ['(row)', 3],
      ['Revenue', 1],
    ]);
  });
});
