import { useSyncExternalStore } from 'react';
import { awarenessStateSchema, type AwarenessState } from '@bullseye/shared';
import type { IcpSession } from './IcpSession.js';

export interface Participant extends AwarenessState {
  clientId: number;
  isSelf: boolean;
}

const cache = new WeakMap<IcpSession, { version: number; value: Participant[] }>();
const versions = new WeakMap<IcpSession, number>();

/**
 * Everyone present in the ICP, this person first, then by name. Peers' states come from the
 * network, so each is validated; a malformed one is left out rather than rendered.
 */
export function usePresence(session: IcpSession): Participant[] {
  return useSyncExternalStore(
    (listener) => {
      const onChange = () => {
        versions.set(session, (versions.get(session) ?? 0) + 1);
        listener();
      };
      session.awareness.on('change', onChange);
      return () => session.awareness.off('change', onChange);
    },
    () => {
      const version = versions.get(session) ?? 0;
      const cached = cache.get(session);
      if (cached && cached.version === version) return cached.value;
      const value = readParticipants(session);
      cache.set(session, { version, value });
      return value;
    },
  );
}

function readParticipants(session: IcpSession): Participant[] {
  const self = session.doc.clientID;
  const people: Participant[] = [];
  for (const [clientId, raw] of session.awareness.getStates()) {
    const parsed = awarenessStateSchema.safeParse(raw);
    if (!parsed.success) continue;
    people.push({ ...parsed.data, clientId, isSelf: clientId === self });
  }
  return people.sort((a, b) =>
    a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.user.name.localeCompare(b.user.name),
  );
}
