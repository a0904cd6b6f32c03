import { describe, expect, it } from 'vitest';
import type { ThreadDto } from '@bullseye/shared';
import { newerThread, reconcileLoaded, removeThread, upsertThread } from './threadMerge.js';

function thread(id: string, updatedAt: string, body = 'x'): ThreadDto {
  return {
    id,
    icpId: 'icp',
    anchor: { type: 'icp' },
    blocking: false,
    status: 'open',
    resolvedAt: null,
    resolvedBy: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt,
    comments: [
      {
        id,
        author: null,
        body,
        mentions: [],
        createdAt: '2025-01-01T00:00:00.000Z',
        editedAt: null,
        abilities: { update: false, delete: false },
      },
    ],
    abilities: { reply: true, resolve: true, setBlocking: false },
  };
}

describe('merging thread copies', () => {
  it('keeps the newest copy, the last one on a tie', () => {
    const old = thread('a', '2025-01-01T00:00:01.000Z', 'old');
    const fresh = thread('a', '2025-01-01T00:00:02.000Z', 'fresh');
    expect(newerThread(fresh, old)).toBe(fresh);
    expect(newerThread(old, fresh)).toBe(fresh);
    const tie = thread('a', '2025-01-01T00:00:02.000Z', 'tie');
    expect(newerThread(fresh, tie)).toBe(tie);
  });

  it('upserts and removes without copying when nothing changes', () => {
    const a = thread('a', '2025-01-01T00:00:02.000Z');
    const map = upsertThread(new Map(), a);
    expect(map.get('a')).toBe(a);
    expect(upsertThread(map, thread('a', '2025-01-01T00:00:01.000Z'))).toBe(map);
    expect(removeThread(map, 'b')).toBe(map);
    expect(removeThread(map, 'a').size).toBe(0);
  });

  it('keeps changes that arrived while the list was loading', () => {
    const loaded = [
      thread('a', '2025-01-01T00:00:01.000Z', 'stale'),
      thread('b', '2025-01-01T00:00:01.000Z'),
    ];
    const current = new Map([
      ['a', thread('a', '2025-01-01T00:00:05.000Z', 'edited meanwhile')],
      ['c', thread('c', '2025-01-01T00:00:05.000Z', 'created meanwhile')],
      ['old', thread('old', '2025-01-01T00:00:00.000Z', 'gone from the server')],
    ]);
    const next = reconcileLoaded(loaded, current, new Set(['a', 'c']), new Set(['b']));
    expect([...next.keys()].sort()).toEqual(['a', 'c']);
    expect(next.get('a')?.comments[0]?.body).toBe('edited meanwhile');
  });
});
