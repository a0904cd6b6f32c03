import { useEffect, useState } from 'react';
import type { IcpContributionsDto } from '@bullseye/shared';
import { coachApi } from '../../api/coachApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useReconnected } from '../../collab/useReconnected.js';

/** How long after an edit the counts are read again (the server writes them every 5 s). */
const AFTER_EDITS_MS = 6_000;

/**
 * Who contributed to which section of the ICP, by function (edits and comments), and which
 * functions gave a sign-off with a reason, for the coach's ivory-tower rules and its map: loaded when the ICP opens, a few seconds after edits, as `refreshKey` changes
 * (the provider passes its minute clock) and after every reconnection. Null until known.
 */
export function useContributions(
  session: IcpSession,
  icpId: string,
  refreshKey: number,
): IcpContributionsDto | null {
  const [contributions, setContributions] = useState<IcpContributionsDto | null>(null);
  const [reconnects, setReconnects] = useState(0);
  useReconnected(session, () => setReconnects((n) => n + 1));
  const [edited, setEdited] = useState(0);

  // After edits, once the server has written its counts (every 5 s), read them again.
  useEffect(() => {
    let timer = 0;
    const onUpdate = () => {
      if (timer) return;
      timer = window.setTimeout(() => {
        timer = 0;
        setEdited((n) => n + 1);
      }, AFTER_EDITS_MS);
    };
    session.doc.on('update', onUpdate);
    return () => {
      session.doc.off('update', onUpdate);
      window.clearTimeout(timer);
    };
  }, [session]);

  useEffect(() => {
    let live = true;
    coachApi.contributions(icpId).then(
      (answer) => {
        if (live) setContributions(answer);
      },
      // The coach works without them; the next refresh tries again.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [icpId, refreshKey, reconnects, edited]);

  return contributions;
}
