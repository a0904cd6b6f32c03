import { describe, expect, it } from 'vitest';
import {
  collapseWhitespace,
  lengthCounter,
  lengthState,
  measuredLength,
  tooLongMessage,
} from './textLength.js';
import { listItemTextSchema } from './icp.js';

describe('text length', () => {
  it('measures text the way the validators clean it', () => {
    expect(measuredLength('  Fintech  ')).toBe(7);
    expect(measuredLength('  Fin \n\t tech ', 'collapse')).toBe(8);
    expect(measuredLength('  pass  ', 'exact')).toBe(8);
    expect(collapseWhitespace('  a \n b  ')).toBe('a b');
    // The criterion validator stores exactly what collapse measures.
    const text = ` ${'word '.repeat(20)}\n `;
    expect(listItemTextSchema(200).parse(text).length).toBe(measuredLength(text, 'collapse'));
  });

  it('shows a counter from 90% of the limit and counts the overshoot', () => {
    expect(lengthState('x'.repeat(71), 80)).toMatchObject({ near: false, over: 0 });
    expect(lengthState('x'.repeat(72), 80)).toMatchObject({ length: 72, near: true, over: 0 });
    expect(lengthState('x'.repeat(80), 80)).toMatchObject({ near: true, over: 0 });
    expect(lengthState('x'.repeat(187), 80)).toMatchObject({ near: true, over: 107 });
    expect(lengthState('x'.repeat(3599), 4000).near).toBe(false);
    expect(lengthState('x'.repeat(3600), 4000).near).toBe(true);
  });

  it('words the counter and the refusal', () => {
    expect(lengthCounter(72, 80)).toBe('72 / 80');
    expect(lengthCounter(5000, 4000)).toBe('5,000 / 4,000');
    expect(tooLongMessage(107, 'add')).toBe('Too long by 107 characters — shorten it to add');
    expect(tooLongMessage(1, 'post')).toBe('Too long by 1 character — shorten it to post');
    expect(tooLongMessage(1000, 'save')).toBe('Too long by 1,000 characters — shorten it to save');
  });
});
