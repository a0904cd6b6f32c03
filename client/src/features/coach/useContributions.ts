import { useEffect, useState } from 'react';
import type { IcpContributionsDto } from '@bullseye/shared';
import { coachApi } from '../../api/coachApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useReconnected } from '../../collab/useReconnected.js';

/** How long after an edit the counts are read again (the server writes them every 5 s). */
const AFTER_EDITS_MS = 6_000;
/** While edits keep coming, the counts are still read this often. */
const MAX_WAIT_MS = 15_000;

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

  // After edits (anyone's), once the server has written its counts (every 5 s), read them again:
  // 6 s after the last edit of a burst, and at least every 15 s while edits keep coming; a read
  // that came too soon after the last edit is followed by one more.
  useEffect(() => {
    let timer = 0;
    let burstStart = 0;
    let lastUpdate = 0;
    const fire = () => {
      timer = 0;
      setEdited((n) => n + 1);
      const since = Date.now() - lastUpdate;
      if (since < AFTER_EDITS_MS) {
        burstStart = Date.now();
        timer = window.setTimeout(fire, AFTER_EDITS_MS - since);
      } else burstStart = 0;
    };
    const onUpdate = () => {
      lastUpdate = Date.now();
      if (!burstStart) burstStart = lastUpdate;
      window.clearTimeout(timer);
      const wait = Math.min(AFTER_EDITS_MS, Math.max(0, burstStart + MAX_WAIT_MS - lastUpdate));
      timer = window.setTimeout(fire, wait);
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
