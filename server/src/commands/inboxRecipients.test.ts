import { describe, expect, it } from 'vitest';
import { inboxRecipients } from './inboxRecipients.js';

const members = [
  { userId: 'ann', function: 'sales' as const },
  { userId: 'bob', function: 'product' as const },
  { userId: 'cat', function: 'product' as const },
  { userId: 'dan', function: null },
];

const byUser = (items: { userId: string; reason: string }[]) =>
  Object.fromEntries(items.map((i) => [i.userId, i.reason]));

describe('inboxRecipients', () => {
  it('reaches mentioned people and every member of a mentioned function', () => {
    const items = inboxRecipients({
      authorId: 'ann',
      members,
      mentions: [
        { type: 'function', function: 'product' },
        { type: 'user', userId: 'dan', name: 'Dan' },
      ],
    });
    expect(byUser(items)).toEqual({ bob: 'mention', cat: 'mention', dan: 'mention' });
  });

  it('never notifies the author, nor people who are not members', () => {
    const items = inboxRecipients({
      authorId: 'bob',
      members,
      mentions: [
        { type: 'function', function: 'product' },
        { type: 'user', userId: 'gone', name: 'Gone' },
      ],
      participants: ['bob', 'left'],
      followers: ['bob', 'left'],
    });
    expect(byUser(items)).toEqual({ cat: 'mention' });
  });

  it('lets the most specific reason win, one item per person', () => {
    const items = inboxRecipients({
      authorId: 'dan',
      members,
      mentions: [{ type: 'user', userId: 'ann', name: 'Ann' }],
      participants: ['ann', 'bob'],
      followers: ['ann', 'bob', 'cat'],
    });
    expect(items).toHaveLength(3);
    expect(byUser(items)).toEqual({ ann: 'mention', bob: 'reply', cat: 'new_thread' });
  });

  it('records how a mention reached each person: by name wins over through their function', () => {
    const items = inboxRecipients({
      authorId: 'ann',
      members,
      mentions: [
        { type: 'function', function: 'product' },
        { type: 'user', userId: 'cat', name: 'Cat' },
      ],
      participants: ['dan'],
    });
    expect(items).toEqual([
      { userId: 'cat', reason: 'mention', mention: { type: 'user' } },
      { userId: 'bob', reason: 'mention', mention: { type: 'function', function: 'product' } },
      { userId: 'dan', reason: 'reply' },
    ]);
  });
});
