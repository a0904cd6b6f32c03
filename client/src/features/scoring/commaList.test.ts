import { describe, expect, it } from 'vitest';
import { splitCommaList } from './commaList.js';

describe('comma-separated lists', () => {
  it('trims values and drops blanks and repeats in any case', () => {
    expect(splitCommaList(' Government,  education ,,government, Non  profit')).toEqual([
      'Government',
      'education',
      'Non profit',
    ]);
    expect(splitCommaList(' , ')).toEqual([]);
  });
});
