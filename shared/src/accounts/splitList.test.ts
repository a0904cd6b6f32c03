import { describe, expect, it } from 'vitest';
import { splitListCell } from './splitList.js';

describe('splitListCell', () => {
  it.each([
    ['Salesforce; HubSpot;Slack', ';', ['Salesforce', 'HubSpot', 'Slack']],
    ['  Google   Analytics ; Segment ', ';', ['Google Analytics', 'Segment']],
    ['a;;  ; b;', ';', ['a', 'b']],
    ['Slack, slack, SLACK, Zoom', ',', ['Slack', 'Zoom']],
    ['React|Vue|react', '|', ['React', 'Vue']],
    ['Salesforce\nHubSpot', '\n', ['Salesforce', 'HubSpot']],
    ['One value, with a comma', ';', ['One value, with a comma']],
    ['', ';', []],
    ['   ', ';', []],
    [' Whole cell ', '', ['Whole cell']],
  ])('splits %j on %j', (cell, separator, expected) => {
    expect(splitListCell(cell, separator)).toEqual(expected);
  });

  it('keeps at most 50 values', () => {
    const cell = Array.from({ length: 60 }, (_, i) => `tech${i}`).join(';');
    const values = splitListCell(cell, ';');
    expect(values).toHaveLength(50);
    expect(values[0]).toBe('tech0');
    expect(values[49]).toBe('tech49');
  });

  it('counts the 50 after removing duplicates and empties', () => {
    const cell = ['a', 'A', '', ...Array.from({ length: 60 }, (_, i) => `t${i}`)].join(';');
    const values = splitListCell(cell, ';');
    expect(values).toHaveLength(50);
    expect(values.slice(0, 2)).toEqual(['a', 't0']);
  });

  it('cuts each value to 80 characters', () => {
    expect(splitListCell(`${'x'.repeat(100)};short`, ';')).toEqual(['x'.repeat(80), 'short']);
    // Cut by characters, not UTF-16 units: no half emoji.
    const emoji = '😀'.repeat(90);
    expect(splitListCell(emoji, ';')).toEqual(['😀'.repeat(80)]);
    // A value ending in a space at the cut is trimmed.
    expect(splitListCell(`${'y'.repeat(79)} tail`, ';')).toEqual(['y'.repeat(79)]);
  });
});
