import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WorkshopDto, WorkshopListDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { workshopApi } from '../../api/workshopApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useReconnected } from '../../collab/useReconnected.js';
import { isNewer } from './acceptWorkshop.js';

export interface LiveWorkshop {
  /** The running session as this person sees it; null when none runs. */
  workshop: WorkshopDto | null;
  /** When (this browser's clock) the shown state arrived: the countdown counts from it. */
  receivedAt: number;
  past: WorkshopListDto['past'];
  loaded: boolean;
  error: ApiError | null;
  /** Shows a state from an HTTP answer (the matching event may come before or after). */
  apply: (workshop: WorkshopDto) => void;
  reload: () => void;
}

interface State {
  workshop: WorkshopDto | null;
  receivedAt: number;
  past: WorkshopListDto['past'];
  loaded: boolean;
  error: ApiError | null;
}

const EMPTY: State = { workshop: null, receivedAt: 0, past: [], loaded: false, error: null };

/**
 * The workshop session of one ICP, live: loaded over HTTP, kept current by the server's
 * `workshop.updated` events, and loaded again after a reconnection (events are lost while offline).
 * An ended session leaves `workshop` and is fetched into `past` again.
 */
export function useLiveWorkshop(session: IcpSession, icpId: string): LiveWorkshop {
  const [state, setState] = useState<State>(EMPTY);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const current = ++generation.current;
    workshopApi.list(icpId).then(
      (list) => {
        if (generation.current !== current) return;
        setState({
          workshop: list.current,
          receivedAt: Date.now(),
          past: list.past,
          loaded: true,
          error: null,
        });
      },
      (e: unknown) => {
        if (generation.current === current) setState((s) => ({ ...s, loaded: true, error: asApiError(e) }));
      },
    );
  }, [icpId]);

  const apply = useCallback(
    (incoming: WorkshopDto) => {
      if (incoming.icpId !== icpId) return;
      if (incoming.status === 'ended') {
        setState((s) => (s.workshop?.id === incoming.id ? { ...s, workshop: null } : s));
        reload();
        return;
      }
      setState((s) =>
        isNewer(s.workshop, incoming)
          ? { ...s, workshop: incoming, receivedAt: Date.now(), loaded: true }
          : s,
      );
    },
    [icpId, reload],
  );

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
        if (event.type === 'workshop.updated') apply(event.workshop);
      }),
    [session, apply],
  );

  useReconnected(session, reload);

  return useMemo(() => ({ ...state, apply, reload }), [state, apply, reload]);
}
