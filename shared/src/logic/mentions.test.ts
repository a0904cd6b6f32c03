import { describe, expect, it } from 'vitest';
import { mentionQueryAt, parseMentions, segmentMentions } from './mentions.js';

const people = [
  { id: 'u1', name: 'Ada Lovelace' },
  { id: 'u2', name: 'Ada' },
  { id: 'u3', name: 'Grace Hopper' },
];

describe('mentions', () => {
  it('finds functions and people, longest name first', () => {
    expect(parseMentions('@product can you check this with @Ada Lovelace and @ada?', people)).toEqual([
      { type: 'function', function: 'product' },
      { type: 'user', userId: 'u1', name: 'Ada Lovelace' },
      { type: 'user', userId: 'u2', name: 'Ada' },
    ]);
  });

  it('reaches all four functions, each once', () => {
    const body = '@sales @marketing @product @customer_success and again @sales';
    expect(parseMentions(body, []).map((m) => (m.type === 'function' ? m.function : m.userId))).toEqual([
      'sales',
      'marketing',
      'product',
      'customer_success',
    ]);
  });

  it('ignores email addresses, partial words and unknown names', () => {
    expect(parseMentions('write to ada@example.com or @salesforce or @Nobody', people)).toEqual([]);
    expect(parseMentions('@Grace Hopperish', people)).toEqual([]);
  });

  it('accepts punctuation after a mention', () => {
    expect(parseMentions('Thoughts, @Grace Hopper? (@marketing)', people)).toHaveLength(2);
  });

  it('splits a body into text and mention segments that rebuild it exactly', () => {
    const body = 'Hi @Grace Hopper, see @product.\nThanks';
    const segments = segmentMentions(body, people);
    expect(segments.map((s) => s.text).join('')).toBe(body);
    expect(segments.filter((s) => s.mention).map((s) => s.text)).toEqual(['@Grace Hopper', '@product']);
  });

  it('knows the mention being typed at the caret', () => {
    expect(mentionQueryAt('Ask @Gra', 8)).toEqual({ query: 'Gra', at: 4 });
    expect(mentionQueryAt('Ask @', 5)).toEqual({ query: '', at: 4 });
    expect(mentionQueryAt('mail ada@exa', 12)).toBeNull();
    expect(mentionQueryAt('@Ada\nnext line', 14)).toBeNull();
    expect(mentionQueryAt('no mention here', 15)).toBeNull();
  });
});
