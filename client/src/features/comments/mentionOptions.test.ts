import { describe, expect, it } from 'vitest';
import { mentionOptions, insertMention, type MentionPerson } from './mentionOptions.js';

const people: MentionPerson[] = [
  { id: '1', name: 'Ada Lovelace', function: 'product' },
  { id: '2', name: 'Grace Hopper', function: 'sales' },
  { id: '3', name: 'Alan Turing', function: 'product' },
];

const keys = (query: string) => mentionOptions(query, people).map((o) => o.key);

describe('mention options', () => {
  it('lists the four functions, then people, for a bare @', () => {
    expect(keys('')).toEqual([
      'function:sales',
      'function:marketing',
      'function:product',
      'function:customer_success',
      'person:1',
      'person:3',
      'person:2',
    ]);
  });

  it('counts the members of each function', () => {
    const product = mentionOptions('prod', people)[0];
    expect(product).toMatchObject({ kind: 'function', label: 'Product', insert: 'product', members: 2 });
  });

  it('matches the start of any word, case-insensitively', () => {
    expect(keys('a')).toEqual(['person:1', 'person:3']);
    expect(keys('LOVE')).toEqual(['person:1']);
    expect(keys('ada lo')).toEqual(['person:1']);
    expect(keys('succ')).toEqual(['function:customer_success']);
    expect(keys('customer_s')).toEqual(['function:customer_success']);
    expect(keys('zzz')).toEqual([]);
  });

  it('leaves the writer out of the people but counts them in their function', () => {
    const options = mentionOptions('', people, '1');
    expect(options.map((o) => o.key)).not.toContain('person:1');
    expect(options.find((o) => o.key === 'function:product')).toMatchObject({ members: 2 });
  });

  it('inserts a complete mention and moves the caret after it', () => {
    expect(insertMention('Ask @gr', 4, 7, 'Grace Hopper')).toEqual({ text: 'Ask @Grace Hopper ', caret: 18 });
    expect(insertMention('@pro about it', 0, 4, 'product')).toEqual({ text: '@product about it', caret: 9 });
  });
});
