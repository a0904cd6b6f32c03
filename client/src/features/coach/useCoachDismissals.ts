import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoachDismissalDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { coachApi } from '../../api/coachApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useReconnected } from '../../collab/useReconnected.js';

export interface CoachDismissals {
  dismissals: CoachDismissalDto[];
  loaded: boolean;
  error: ApiError | null;
  /** Applies the whole list an HTTP answer carried. */
  apply: (dismissals: CoachDismissalDto[]) => void;
  reload: () => void;
}

/**
 * The dismissed coach findings of one ICP, live: loaded over HTTP, replaced by each
 * `coach.dismissals` event (which carries the whole list), reloaded after every reconnection.
 */
export function useCoachDismissals(session: IcpSession, icpId: string): CoachDismissals {
  const [state, setState] = useState<{
    dismissals: CoachDismissalDto[];
    loaded: boolean;
    error: ApiError | null;
  }>({ dismissals: [], loaded: false, error: null });
  /** Bumped by every load and every newer list, so an older answer in flight is ignored. */
  const generation = useRef(0);

  const apply = useCallback((dismissals: CoachDismissalDto[]) => {
    generation.current++;
    setState({ dismissals, loaded: true, error: null });
  }, []);

  const reload = useCallback(() => {
    const current = ++generation.current;
    coachApi.dismissals(icpId).then(
      (list) => {
        if (generation.current === current)
          setState({ dismissals: list.dismissals, loaded: true, error: null });
      },
      (e: unknown) => {
        if (generation.current === current) setState((s) => ({ ...s, loaded: true, error: asApiError(e) }));
      },
    );
  }, [icpId]);

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
        if (event.type === 'coach.dismissals' && event.icpId === icpId) apply(event.dismissals);
      }),
    [session, icpId, apply],
  );

  // Events sent while the socket was down (or before it first connected) are gone: catch up.
  useReconnected(session, reload, { firstConnection: true });

  return { ...state, apply, reload };
}
