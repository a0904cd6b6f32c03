import { useEffect, useSyncExternalStore } from 'react';
import { inboxApi } from '../../api/inboxApi.js';
import { useAuth } from '../identity/useAuth.js';

type Listener = () => void;

const POLL_MS = 30_000;
/** After a failed refresh, wait this long (doubling up to the maximum) before asking again. */
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 5 * 60_000;

let count = 0;
/** Bumped on every set(), so a refresh that started earlier cannot overwrite a newer count. */
let version = 0;
const listeners = new Set<Listener>();
let inFlight: Promise<void> | null = null;
let backoffMs = 0;
let retryAt = 0;

/**
 * The signed-in person's unread inbox count, shared by the whole app (header badge, editor top
 * bar, inbox page). Anyone who learns the count (an inbox response, a socket event) sets it.
 */
export const unreadInbox = {
  get: (): number => count,

  set(n: number): void {
    const next = Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
    version += 1;
    if (next === count) return;
    count = next;
    listeners.forEach((listener) => listener());
  },

  /** Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },

  /**
   * Asks the server for the count. Concurrent calls share one request; failures are silent (the badge
   * keeps its last value) and back off, so an unreachable server is not asked every few seconds.
   */
  refresh(): Promise<void> {
    if (inFlight) return inFlight;
    if (Date.now() < retryAt) return Promise.resolve();
    const started = version;
    const request: Promise<void> = inboxApi
      .list({ unread: true, limit: 1 })
      .then(
        (inbox) => {
          backoffMs = 0;
          retryAt = 0;
          if (version === started) unreadInbox.set(inbox.unreadCount);
        },
        () => {
          backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs ? backoffMs * 2 : FIRST_BACKOFF_MS);
          retryAt = Date.now() + backoffMs;
        },
      )
      .finally(() => {
        if (inFlight === request) inFlight = null;
      });
    inFlight = request;
    return request;
  },
};

let mounted = 0;
let stopPolling: (() => void) | null = null;

function startPolling(): () => void {
  const refresh = () => {
    if (document.visibilityState !== 'hidden') void unreadInbox.refresh();
  };
  const timer = window.setInterval(refresh, POLL_MS);
  window.addEventListener('focus', refresh);
  document.addEventListener('visibilitychange', refresh);
  return () => {
    window.clearInterval(timer);
    window.removeEventListener('focus', refresh);
    document.removeEventListener('visibilitychange', refresh);
  };
}

/** Whose count the store holds, so another person signing in on this tab never sees it. */
let owner: string | null = null;

/**
 * The unread count, kept fresh while any component using it is mounted: on mount, when the window
 * regains focus, and every 30 seconds. However many components use it, there is one timer.
 */
export function useUnreadInbox(): number {
  const { state } = useAuth();
  const userId = state.status === 'signedIn' ? state.me.user.id : null;

  useEffect(() => {
    mounted += 1;
    if (mounted === 1) stopPolling = startPolling();
    return () => {
      mounted -= 1;
      if (mounted === 0) {
        stopPolling?.();
        stopPolling = null;
      }
    };
  }, []);

  useEffect(() => {
    if (owner !== userId) {
      owner = userId;
      // set() also makes an answer still on its way for the previous person be dropped.
      unreadInbox.set(0);
      inFlight = null;
      backoffMs = 0;
      retryAt = 0;
    }
    void unreadInbox.refresh();
  }, [userId]);

  const count = useSyncExternalStore(unreadInbox.subscribe, unreadInbox.get);
  return owner === userId ? count : 0;
}
