import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './sniffDelimiter.js';

describe('sniffDelimiter', () => {
  it.each([
    ['comma', 'Name,Domain,Employees\nAcme,acme.com,120\nBeta,beta.io,45\n', ','],
    ['semicolon', 'Name;Domain;Revenue\nAcme;acme.com;1,5\nBeta;beta.io;2,5\n', ';'],
    ['tab', 'Name\tDomain\tEmployees\nAcme\tacme.com\t120\n', '\t'],
    ['pipe', 'Name|Domain|Employees\nAcme|acme.com|120\n', '|'],
    ['CRLF line breaks', 'Name;Domain\r\nAcme;acme.com\r\nBeta;beta.io\r\n', ';'],
    ['an empty sample', '', ','],
    ['a sample without any delimiter', 'Name\nAcme\nBeta\n', ','],
    ['one line without a line break', 'Name;Domain;Employees', ';'],
  ])('finds %s', (_label, sample, expected) => {
    expect(sniffDelimiter(sample)).toBe(expected);
  });

  it('ignores delimiters inside quotes, including doubled quotes', () => {
    const sample = 'Name;Notes\n"Acme, Inc.";"Big, ""happy"", customer"\n"Beta, LLC";"a, b, c"\n';
    expect(sniffDelimiter(sample)).toBe(';');
  });

  it('reads line breaks inside quoted fields as part of the record', () => {
    const sample = 'Name,Address\nAcme,"1 Main St;\nSpringfield;\nIL"\nBeta,"2 Side St;\nBoston"\n';
    expect(sniffDelimiter(sample)).toBe(',');
  });

  it('ignores the last record when it is cut by the sample', () => {
    const sample = 'Name;Domain\nAcme;acme.com\nBeta;beta.io\n"Gamma, the | big|one|a|b';
    expect(sniffDelimiter(sample)).toBe(';');
  });

  it('looks at the first 20 records only', () => {
    const head = 'a;b\n'.repeat(20);
    const tail = 'a,b,c\n'.repeat(100);
    expect(sniffDelimiter(head + tail)).toBe(';');
  });

  it('prefers the delimiter with the same count on the most lines', () => {
    // Commas appear in some records only (free text); semicolons in every one.
    const sample = 'Name;City\nAcme;Paris, France\nBeta;Lyon\nGamma;Nice\n';
    expect(sniffDelimiter(sample)).toBe(';');
  });

  it('on equally consistent delimiters, prefers more fields, then , ; tab |', () => {
    expect(sniffDelimiter('Name;Revenue, EUR;Country\nAcme;1,5;FR\n')).toBe(';');
    expect(sniffDelimiter('a,b;c\n')).toBe(',');
    expect(sniffDelimiter('a;b|c\n')).toBe(';');
    expect(sniffDelimiter('a\tb|c\n')).toBe('\t');
  });

  it('skips blank lines', () => {
    expect(sniffDelimiter('\n\nName|Domain\n\nAcme|acme.com\n')).toBe('|');
  });
});
