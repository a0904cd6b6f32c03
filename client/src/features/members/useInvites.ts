import { useCallback, useEffect, useState } from 'react';
import type { InviteDto } from '@bullseye/shared';
import { invitesApi } from '../../api/invitesApi.js';
import { asApiError, type ApiError } from '../../api/apiError.js';

export interface Invites {
  invites: InviteDto[] | null;
  error: ApiError | null;
  reload: () => Promise<void>;
  add: (invite: InviteDto) => void;
  forget: (inviteId: string) => void;
}

/** The workspace's active invite links (admins only). */
export function useInvites(workspaceId: string): Invites {
  const [loaded, setLoaded] = useState<{ workspaceId: string; invites: InviteDto[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(
    () =>
      invitesApi.list(workspaceId).then(
        (invites) => {
          setLoaded({ workspaceId, invites });
          setError(null);
        },
        (e: unknown) => setError(asApiError(e)),
      ),
    [workspaceId],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const add = useCallback((invite: InviteDto) => {
    setLoaded((current) => current && { ...current, invites: [invite, ...current.invites] });
  }, []);

  const forget = useCallback((inviteId: string) => {
    setLoaded(
      (current) => current && { ...current, invites: current.invites.filter((i) => i.id !== inviteId) },
    );
  }, []);

  const invites = loaded?.workspaceId === workspaceId ? loaded.invites : null;
  return { invites, error, reload, add, forget };
}
