import { MemoryStore, type Options, type Store } from 'express-rate-limit';
import { describe, expect, it, vi } from 'vitest';
import { FallbackStore } from './sharedLimitStore.js';

const options = { windowMs: 60_000 } as Options;

function failingStore(): Store {
  const fail = () => Promise.reject(new Error('ECONNREFUSED'));
  return { increment: fail, decrement: fail, resetKey: fail } as unknown as Store;
}

describe('FallbackStore (shared sign-in limits)', () => {
  it('counts in the shared store while it answers', async () => {
    const shared = new MemoryStore();
    const store = new FallbackStore(shared, new MemoryStore(), () => true);
    store.init(options);
    await store.increment('k');
    expect((await store.increment('k')).totalHits).toBe(2);
    expect((await shared.get('k'))?.totalHits).toBe(2);
  });

  it('counts on this instance when the shared store is down or failing, and still limits', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let up = false;
    const store = new FallbackStore(failingStore(), new MemoryStore(), () => up);
    store.init(options);
    expect((await store.increment('k')).totalHits).toBe(1);
    up = true; // says it is up, yet fails: the fallback still counts
    expect((await store.increment('k')).totalHits).toBe(2);
    await store.decrement('k');
    expect((await store.increment('k')).totalHits).toBe(2);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
