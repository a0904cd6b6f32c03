import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csvCell.js';

describe('csvCell', () => {
  it.each([
    [1200, '1200'],
    [-5, '-5'],
    [0.75, '0.75'],
    [-0, '0'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [1e-7, '0.0000001'],
    [-2.5e-8, '-0.000000025'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['Acme', 'Acme'],
    ['Acme, Inc.', '"Acme, Inc."'],
    ['Say "hi"', '"Say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+33 1 23', "'+33 1 23"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\tindent', "'\tindent"],
    ['\rreturn', `"'\rreturn"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['=1,2', `"'=1,2"`],
    ['a = b', 'a = b'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('quotes on the delimiter it is given', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('a\tb', '\t')).toBe('"a\tb"');
  });
});

describe('csvLine', () => {
  it('joins cells without a trailing line break', () => {
    expect(csvLine(['Acme', 1200, null, undefined, 'a,b', '=1'])).toBe('Acme,1200,,,"a,b",\'=1');
    expect(csvLine(['a;b', 'c,d', 2.5], ';')).toBe('"a;b";c,d;2.5');
    expect(csvLine([])).toBe('');
  });
});
