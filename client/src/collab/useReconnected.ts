import { useEffect, useRef } from 'react';
import type { IcpSession } from './IcpSession.js';
import { useSessionStatus } from './useIcpSession.js';

/**
 * Calls `onConnected` each time the session's socket is connected again after a drop: server
 * events sent while it was down are gone, so the caller catches up from the HTTP API. With
 * `firstConnection`, also when the socket connects for the first time (for lists loaded before
 * the socket could deliver events). Also when the server says events may have been lost while the
 * socket stayed open (`events.missed`: its instances lost touch for a while).
 */
export function useReconnected(
  session: IcpSession,
  onConnected: () => void,
  options: { firstConnection?: boolean } = {},
): void {
  const connection = useSessionStatus(session).connection;
  const previous = useRef(connection);
  const firstConnection = options.firstConnection ?? false;
  useEffect(() => {
    const was = previous.current;
    previous.current = connection;
    if (connection !== 'connected' || was === 'connected') return;
    if (was !== 'connecting' || firstConnection) onConnected();
  }, [connection, onConnected, firstConnection]);
  useEffect(
    () =>
      session.onEvent((event) => {
        if (event.type === 'events.missed') onConnected();
      }),
    [session, onConnected],
  );
}
