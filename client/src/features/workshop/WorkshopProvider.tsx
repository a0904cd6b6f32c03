import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { IcpDto, WorkshopAction, WorkshopDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { workshopApi } from '../../api/workshopApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { usePresence } from '../../collab/usePresence.js';
import { useMe } from '../identity/useMe.js';
import { useToast } from '../../ui/Toast.js';
import { isFollowing } from './sectionFocus.js';
import { useLiveWorkshop } from './useLiveWorkshop.js';
import { WorkshopContext, type WorkshopValue } from './workshopContext.js';

/** Owns the open ICP's workshop session for the editor: the bar, the panel tab and the page read it. */
export function WorkshopProvider({
  icp,
  session,
  children,
}: {
  icp: IcpDto;
  session: IcpSession;
  children: ReactNode;
}) {
  const live = useLiveWorkshop(session, icp.id);
  const { apply, workshop } = live;
  const toast = useToast();
  const selfId = useMe().user.id;
  const people = usePresence(session);
  const [wantsToFollow, setWantsToFollow] = useState(true);

  const presentUserIds = useMemo(
    () => new Set([selfId, ...people.flatMap((p) => (p.user.id ? [p.user.id] : []))]),
    [people, selfId],
  );

  const workshopId = workshop?.id ?? null;
  const run = useCallback(
    async (send: (id: string) => Promise<WorkshopDto>) => {
      if (!workshopId) return null;
      try {
        const answer = await send(workshopId);
        apply(answer);
        return answer;
      } catch (e) {
        toast(asApiError(e).message, { tone: 'error' });
        return null;
      }
    },
    [workshopId, apply, toast],
  );
  const act = useCallback((action: WorkshopAction) => run((id) => workshopApi.act(id, action)), [run]);

  const value = useMemo<WorkshopValue>(
    () => ({
      ...live,
      icpId: icp.id,
      mayStart: icp.abilities.edit && icp.archivedAt === null,
      following: isFollowing(workshop, wantsToFollow),
      setWantsToFollow,
      presentUserIds,
      run,
      act,
    }),
    [live, icp.id, icp.abilities.edit, icp.archivedAt, workshop, wantsToFollow, presentUserIds, run, act],
  );
  return <WorkshopContext.Provider value={value}>{children}</WorkshopContext.Provider>;
}
