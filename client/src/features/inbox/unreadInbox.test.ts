import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type * as StoreModule from './unreadInbox.js';

const inbox = (unreadCount: number) =>
  new Response(JSON.stringify({ items: [], unreadCount, nextBefore: null }), { status: 200 });

let fetchMock: ReturnType<typeof vi.fn>;
let unreadInbox: typeof StoreModule.unreadInbox;

beforeEach(async () => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  vi.resetModules();
  ({ unreadInbox } = await import('./unreadInbox.js'));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('unreadInbox', () => {
  it('starts at 0, and set() notifies subscribers only on change', () => {
    const listener = vi.fn();
    const unsubscribe = unreadInbox.subscribe(listener);
    expect(unreadInbox.get()).toBe(0);
    unreadInbox.set(3);
    unreadInbox.set(3);
    expect(unreadInbox.get()).toBe(3);
    expect(listener).toHaveBeenCalledTimes(1);
    unreadInbox.set(-2);
    expect(unreadInbox.get()).toBe(0);
    unsubscribe();
    unreadInbox.set(5);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('refresh() asks for one unread item and takes the count', async () => {
    fetchMock.mockResolvedValue(inbox(7));
    await unreadInbox.refresh();
    expect(unreadInbox.get()).toBe(7);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/inbox?unread=true&limit=1');
  });

  it('shares one request between concurrent refreshes', async () => {
    fetchMock.mockResolvedValue(inbox(2));
    await Promise.all([unreadInbox.refresh(), unreadInbox.refresh(), unreadInbox.refresh()]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('does not let an older answer overwrite a count set meanwhile', async () => {
    let answer: (r: Response) => void = () => {};
    fetchMock.mockReturnValue(new Promise<Response>((resolve) => (answer = resolve)));
    const refreshing = unreadInbox.refresh();
    unreadInbox.set(4); // e.g. the editor's socket said so
    answer(inbox(1));
    await refreshing;
    expect(unreadInbox.get()).toBe(4);
  });

  it('keeps the count on failure and backs off instead of asking again at once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    unreadInbox.set(2);
    fetchMock.mockRejectedValue(new TypeError('offline'));
    await unreadInbox.refresh();
    await unreadInbox.refresh();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(unreadInbox.get()).toBe(2);

    vi.setSystemTime(Date.now() + 31_000);
    fetchMock.mockResolvedValue(inbox(0));
    await unreadInbox.refresh();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(unreadInbox.get()).toBe(0);
  });
});
