import { useEffect, useState } from 'react';
import { contributionsForCoach, type CoachContribution } from '@bullseye/shared';
import { coachApi } from '../../api/coachApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useReconnected } from '../../collab/useReconnected.js';

/**
 * Who contributed to which section of the ICP, by function (edits and comments), for the coach's
 * ivory-tower rules: loaded when the ICP opens, again as `refreshKey` changes (the provider passes
 * its minute clock) and after every reconnection. Null until known, or when nobody with a function
 * has contributed yet (the rules then stay quiet rather than name every function missing).
 */
export function useContributions(
  session: IcpSession,
  icpId: string,
  refreshKey: number,
): CoachContribution[] | null {
  const [contributions, setContributions] = useState<CoachContribution[] | null>(null);
  const [reconnects, setReconnects] = useState(0);
  useReconnected(session, () => setReconnects((n) => n + 1));

  useEffect(() => {
    let live = true;
    coachApi.contributions(icpId).then(
      (answer) => {
        if (live) setContributions(contributionsForCoach(answer.contributions));
      },
      // The coach works without them; the next refresh tries again.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [icpId, refreshKey, reconnects]);

  return contributions;
}
