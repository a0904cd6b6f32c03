import { useMemo, type ReactNode } from 'react';
import type { IcpDto } from '@bullseye/shared';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useSessionStatus } from '../../collab/useIcpSession.js';
import { useVersionList } from './useVersionList.js';
import { VersionsContext, type VersionsValue } from './versionsContext.js';

/** The versions of the open ICP, live, for the editor's panels. Key it by ICP id. */
export function VersionsProvider({
  icp,
  session,
  children,
}: {
  icp: IcpDto;
  session: IcpSession;
  children: ReactNode;
}) {
  const list = useVersionList(session, icp.id);
  const save = useSessionStatus(session).save;
  const draftSaved = save === 'saved' || save === 'idle';
  const value = useMemo<VersionsValue>(() => ({ ...list, icp, draftSaved }), [list, icp, draftSaved]);
  return <VersionsContext.Provider value={value}>{children}</VersionsContext.Provider>;
}
