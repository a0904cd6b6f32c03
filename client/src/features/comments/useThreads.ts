import { useCallback, useEffect, useRef, useState } from 'react';
import type { ThreadDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { commentsApi } from '../../api/commentsApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useReconnected } from '../../collab/useReconnected.js';
import { reconcileLoaded, removeThread, upsertThread } from './threadMerge.js';

export interface ThreadsState {
  /** Every thread of the ICP this person may see, open and resolved, by id. */
  threads: ReadonlyMap<string, ThreadDto>;
  following: boolean;
  loaded: boolean;
  error: ApiError | null;
}

export interface Threads extends ThreadsState {
  /** Applies a thread from an HTTP answer (the matching server event may come before or after). */
  apply: (thread: ThreadDto) => void;
  /** Forgets a deleted thread. */
  forget: (threadId: string) => void;
  setFollowing: (following: boolean) => void;
  reload: () => void;
}

const EMPTY: ThreadsState = { threads: new Map(), following: false, loaded: false, error: null };

/**
 * The comment threads of one ICP, live: loaded over HTTP, kept current by the server's
 * `comments.thread` / `comments.threadDeleted` events, and reloaded after every reconnection to
 * catch what was missed while the socket was down.
 */
export function useThreads(session: IcpSession, icpId: string): Threads {
  const [state, setState] = useState<ThreadsState>(EMPTY);
  /** What changed while a load was in flight, so its older answer does not undo it. */
  const inFlight = useRef<{ generation: number; touched: Set<string>; deleted: Set<string> } | null>(null);
  const generation = useRef(0);

  const apply = useCallback(
    (thread: ThreadDto) => {
      if (thread.icpId !== icpId) return;
      inFlight.current?.touched.add(thread.id);
      setState((s) => {
        const threads = upsertThread(s.threads, thread);
        return threads === s.threads ? s : { ...s, threads };
      });
    },
    [icpId],
  );

  const forget = useCallback((threadId: string) => {
    inFlight.current?.deleted.add(threadId);
    setState((s) => {
      const threads = removeThread(s.threads, threadId);
      return threads === s.threads ? s : { ...s, threads };
    });
  }, []);

  const reload = useCallback(() => {
    const current = ++generation.current;
    const changes = { generation: current, touched: new Set<string>(), deleted: new Set<string>() };
    inFlight.current = changes;
    commentsApi.list(icpId).then(
      (list) => {
        if (generation.current !== current) return;
        inFlight.current = null;
        setState((s) => ({
          threads: reconcileLoaded(list.threads, s.threads, changes.touched, changes.deleted),
          following: list.following,
          loaded: true,
          error: null,
        }));
      },
      (e: unknown) => {
        if (generation.current !== current) return;
        inFlight.current = null;
        setState((s) => ({ ...s, loaded: true, error: asApiError(e) }));
      },
    );
  }, [icpId]);

  // The provider is keyed by ICP, so this runs once per ICP (twice in StrictMode, the first ignored).
  useEffect(() => {
    reload();
    const loads = generation;
    return () => {
      loads.current++;
    };
  }, [reload]);

  useEffect(
    () =>
      session.onEvent((event) => {
        if (event.type === 'comments.thread') apply(event.thread);
        else if (event.type === 'comments.threadDeleted' && event.icpId === icpId) forget(event.threadId);
      }),
    [session, icpId, apply, forget],
  );

  // Events sent while the socket was down (or before it first connected) are gone: catch up.
  useReconnected(session, reload, { firstConnection: true });

  // The server makes an editor follow the ICP on their first edit: hear about it without a reload.
  useEffect(() => {
    let timer = 0;
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === session.provider || origin === session.persistence) return;
      session.doc.off('update', onUpdate);
      timer = window.setTimeout(reload, 2000);
    };
    session.doc.on('update', onUpdate);
    return () => {
      session.doc.off('update', onUpdate);
      window.clearTimeout(timer);
    };
  }, [session, reload]);

  const setFollowing = useCallback((following: boolean) => setState((s) => ({ ...s, following })), []);

  return { ...state, apply, forget, setFollowing, reload };
}
