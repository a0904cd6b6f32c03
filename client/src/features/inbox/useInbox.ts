import { useCallback, useEffect, useRef, useState } from 'react';
import type { InboxDto, InboxItemDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { inboxApi } from '../../api/inboxApi.js';
import { appendPage, mergeFirstPage, type InboxPageState } from './mergeInboxPage.js';
import { unreadInbox, useUnreadInbox } from './unreadInbox.js';

export type InboxView = 'unread' | 'all';

interface Loaded extends InboxPageState {
  /** The view asked for (null: the default) and the one shown. */
  requested: InboxView | null;
  view: InboxView;
}

export interface Inbox {
  /** The view shown; null until the first page has come (the default view depends on it). */
  view: InboxView | null;
  items: InboxItemDto[] | null;
  hasMore: boolean;
  unreadCount: number;
  error: ApiError | null;
  loadingMore: boolean;
  reload: () => Promise<void>;
  /** Resolves false when the page could not be loaded. */
  loadMore: () => Promise<boolean>;
  /** Marks items read at once; resolves false (and puts them back) when the server refused. */
  markRead: (ids: string[]) => Promise<boolean>;
  markAllRead: () => Promise<boolean>;
}

/**
 * The inbox's items in one view, newest first, page by page. With no view asked for it opens on
 * Unread when there is something unread, else on All. It keeps the app's unread count in step, and
 * reloads its first page when that count changes behind its back (polling, another tab).
 */
export function useInbox(requested: InboxView | null): Inbox {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const unreadCount = useUnreadInbox();
  /** Bumped by every reload, so answers to earlier requests are dropped. */
  const generation = useRef(0);
  /** The count this view last heard from the server; a different one in the store means news. */
  const knownUnread = useRef<number | null>(null);

  const current = loaded?.requested === requested ? loaded : null;
  const view = current?.view ?? null;

  const accept = useCallback((count: number) => {
    knownUnread.current = count;
    unreadInbox.set(count);
  }, []);

  const reload = useCallback(() => {
    const gen = ++generation.current;
    return firstPage(requested).then(
      ({ view: shown, page }) => {
        if (gen !== generation.current) return;
        accept(page.unreadCount);
        setLoaded({ requested, view: shown, items: page.items, nextBefore: page.nextBefore });
        setError(null);
      },
      (e: unknown) => {
        if (gen === generation.current) setError(asApiError(e));
      },
    );
  }, [requested, accept]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const refreshFirstPage = useCallback(async () => {
    if (!view) return;
    const gen = generation.current;
    try {
      const page = await inboxApi.list({ unread: view === 'unread' });
      if (gen !== generation.current) return;
      accept(page.unreadCount);
      setLoaded((state) => (state?.view === view ? { ...state, ...mergeFirstPage(state, page) } : state));
    } catch {
      // The list stays as it is; the next change of the count or focus of the window tries again.
    }
  }, [view, accept]);

  useEffect(() => {
    if (view && knownUnread.current !== null && unreadCount !== knownUnread.current) void refreshFirstPage();
  }, [unreadCount, view, refreshFirstPage]);

  const loadMore = useCallback(async () => {
    if (!current?.nextBefore) return true;
    const gen = generation.current;
    setLoadingMore(true);
    try {
      const page = await inboxApi.list({ unread: current.view === 'unread', before: current.nextBefore });
      if (gen !== generation.current) return true;
      // A count other than the one this view knows means news at the top: see the effect above.
      unreadInbox.set(page.unreadCount);
      setLoaded((state) => state && { ...state, ...appendPage(state, page) });
      return true;
    } catch {
      return false;
    } finally {
      setLoadingMore(false);
    }
  }, [current]);

  const setReadAt = useCallback((ids: ReadonlySet<string>, from: string | null, to: string | null) => {
    setLoaded(
      (state) =>
        state && {
          ...state,
          items: state.items.map((item) =>
            ids.has(item.id) && item.readAt === from ? { ...item, readAt: to } : item,
          ),
        },
    );
  }, []);

  const markRead = useCallback(
    async (ids: string[]) => {
      const newlyRead = new Set(
        (current?.items ?? []).filter((item) => ids.includes(item.id) && !item.readAt).map((item) => item.id),
      );
      if (newlyRead.size === 0) return true;
      const readAt = new Date().toISOString();
      const before = knownUnread.current ?? unreadInbox.get();
      setReadAt(newlyRead, null, readAt);
      accept(Math.max(0, before - newlyRead.size));
      try {
        unreadInbox.set((await inboxApi.markRead({ ids: [...newlyRead] })).unreadCount);
        return true;
      } catch {
        setReadAt(newlyRead, readAt, null);
        accept(before);
        return false;
      }
    },
    [current, accept, setReadAt],
  );

  const markAllRead = useCallback(async () => {
    const readAt = new Date().toISOString();
    // In the Unread view everything leaves at once, which shows "all caught up".
    setLoaded(
      (state) =>
        state &&
        (state.view === 'unread'
          ? { ...state, items: [], nextBefore: null }
          : { ...state, items: state.items.map((item) => (item.readAt ? item : { ...item, readAt })) }),
    );
    accept(0);
    try {
      unreadInbox.set((await inboxApi.markRead({ all: true })).unreadCount);
      return true;
    } catch {
      void reload();
      return false;
    }
  }, [accept, reload]);

  return {
    view,
    items: current?.items ?? null,
    hasMore: Boolean(current?.nextBefore),
    unreadCount,
    error,
    loadingMore,
    reload,
    loadMore,
    markRead,
    markAllRead,
  };
}

/** The first page of a view; with none asked for, of Unread when something is unread, else of All. */
async function firstPage(requested: InboxView | null): Promise<{ view: InboxView; page: InboxDto }> {
  const page = await inboxApi.list({ unread: requested !== 'all' });
  if (requested === null && page.unreadCount === 0) {
    return { view: 'all', page: await inboxApi.list({ unread: false }) };
  }
  return { view: requested ?? 'unread', page };
}
