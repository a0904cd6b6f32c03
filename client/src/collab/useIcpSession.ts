import { useEffect, useState, useSyncExternalStore } from 'react';
import { IcpSession, type PresenceUser } from './IcpSession.js';
import type { SessionStatus } from './saveTracker.js';

/**
 * Opens the collaboration session of one ICP for as long as the component is mounted. Returns null
 * until the copy kept in this browser is loaded, so editors never start from an empty document
 * when this browser already has the text.
 */
export function useIcpSession(icpId: string, user: PresenceUser | null): IcpSession | null {
  const [session, setSession] = useState<IcpSession | null>(null);
  const hasUser = user !== null;

  useEffect(() => {
    if (!user) return;
    const created = new IcpSession(icpId, user);
    let cancelled = false;
    void created.localCopyLoaded.then(() => {
      if (!cancelled) setSession(created);
    });
    return () => {
      cancelled = true;
      setSession(null);
      created.destroy();
    };
    // The session is per ICP and per person; a renamed person is applied below without reconnecting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [icpId, hasUser]);

  useEffect(() => {
    if (session && user) session.setUser(user);
  }, [session, user]);

  return session;
}

const OFFLINE_STATUS: SessionStatus = {
  connection: 'connecting',
  save: 'idle',
  synced: false,
  closeReason: null,
  unsaved: null,
};

/** The live connection and save status of a session. */
export function useSessionStatus(session: IcpSession | null): SessionStatus {
  return useSyncExternalStore(
    (listener) => (session ? session.tracker.subscribe(listener) : () => {}),
    () => session?.tracker.status ?? OFFLINE_STATUS,
  );
}
