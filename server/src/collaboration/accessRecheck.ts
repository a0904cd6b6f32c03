import { CloseCode } from '@bullseye/shared';
import type { Authenticator } from '../auth/authenticator.js';
import type { WorkspaceStore } from '../db/workspaceStore.js';
import type { Connection } from './connection.js';

/**
 * Checks open sockets' access again, as their upgrade did: a socket whose credential no longer
 * works (signed out, token revoked) is closed as unauthorized; one whose member was removed or
 * whose role, function or approver flag changed is closed as access changed (the client asks the
 * API what is left and reconnects). Each credential and each membership is read once, however
 * many sockets share it. Access changes normally close sockets at once, on every instance; this
 * is the net for a change whose message was lost (Redis unreachable).
 */
export function accessRecheck(authenticator: Authenticator, workspaces: WorkspaceStore) {
  return async (connections: Iterable<Connection>): Promise<void> => {
    const open = [...connections];
    const credentials = new Map<string, Promise<string | null>>();
    const memberships = new Map<string, Promise<string | null>>();
    await Promise.all(
      open.map(async (connection) => {
        const { authorization, cookie } = connection.credential;
        const credentialKey = `${authorization ?? ''}\n${cookie ?? ''}`;
        let who = credentials.get(credentialKey);
        if (!who) {
          who = authenticator
            .fromHeaders({ authorization, cookie })
            .then((actor) => (actor && actor.scope === 'full' ? actor.user.id : null));
          credentials.set(credentialKey, who);
        }
        const userId = connection.actor.user.id;
        const { workspaceId } = connection.room;
        const memberKey = `${workspaceId}\n${userId}`;
        let access = memberships.get(memberKey);
        if (!access) {
          access = workspaces
            .membership(workspaceId, userId)
            .then((m) => (m ? `${m.role}|${m.function ?? ''}|${m.approver}` : null));
          memberships.set(memberKey, access);
        }
        const [currentUser, currentAccess] = await Promise.all([who, access]);
        const { role, function: fn, approver } = connection.reviewer;
        if (currentUser !== userId) connection.close(CloseCode.unauthorized, 'credential revoked');
        else if (currentAccess !== `${role}|${fn ?? ''}|${approver}`)
          connection.close(CloseCode.accessChanged, 'access changed');
      }),
    );
  };
}
