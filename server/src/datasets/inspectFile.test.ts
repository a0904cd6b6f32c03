import { describe, expect, it } from 'vitest';
import { inspectFile, uniqueHeaders, UnreadableFileError } from './inspectFile.js';

describe('inspectFile', () => {
  it('finds a semicolon dialect behind a UTF-8 byte-order mark and suggests the Salesforce mapping', () => {
    const text =
      '\ufeffAccount ID;Account Name;Website;Annual Revenue;Tech Stack\r\n001;Acme;acme.com;"1.200,50";Slack, Jira\r\n';
    const { dialect, mapping } = inspectFile(Buffer.from(text, 'utf8'), true);
    expect(dialect).toMatchObject({ encoding: 'utf-8', skip: 3, delimiter: ';', encodingNotice: null });
    expect(dialect.headers).toEqual([
      'Account ID',
      'Account Name',
      'Website',
      'Annual Revenue',
      'Tech Stack',
    ]);
    expect(dialect.preview).toEqual([['001', 'Acme', 'acme.com', '1.200,50', 'Slack, Jira']]);
    expect(mapping.columns).toMatchObject({
      externalId: 'Account ID',
      name: 'Account Name',
      domain: 'Website',
    });
    expect(mapping.technologySeparator).toBe(',');
  });

  it('reads a head cut mid-record up to its last whole line', () => {
    const text = 'Name,Domain\r\nA,a.com\r\nB,b.co';
    const { dialect } = inspectFile(Buffer.from(text), false);
    expect(dialect.preview).toEqual([['A', 'a.com']]);
  });

  it('says why a file cannot be imported', () => {
    expect(() => inspectFile(Buffer.from(''), true)).toThrow(UnreadableFileError);
    expect(() => inspectFile(Buffer.from(',,\r\n1,2,3\r\n'), true)).toThrow(/no column names/);
  });

  it('makes blank and repeated headers unique', () => {
    expect(uniqueHeaders(['Name', '', 'name', ' Name '])).toEqual([
      'Name',
      'Column 2',
      'name (2)',
      'Name (3)',
    ]);
  });
});
