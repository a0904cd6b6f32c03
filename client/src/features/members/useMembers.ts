import { useCallback, useEffect, useState } from 'react';
import type { MemberDto } from '@bullseye/shared';
import { membersApi } from '../../api/membersApi.js';
import { asApiError, type ApiError } from '../../api/apiError.js';

export interface Members {
  members: MemberDto[] | null;
  error: ApiError | null;
  reload: () => Promise<void>;
  /** Applies a change the server confirmed. */
  replace: (member: MemberDto) => void;
  forget: (userId: string) => void;
}

/** The members of a workspace, refreshed when the window regains focus. */
export function useMembers(workspaceId: string): Members {
  const [loaded, setLoaded] = useState<{ workspaceId: string; members: MemberDto[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(
    () =>
      membersApi.list(workspaceId).then(
        (members) => {
          setLoaded({ workspaceId, members });
          setError(null);
        },
        (e: unknown) => setError(asApiError(e)),
      ),
    [workspaceId],
  );

  useEffect(() => {
    void reload();
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  const replace = useCallback((member: MemberDto) => {
    setLoaded(
      (current) =>
        current && {
          ...current,
          members: current.members.map((m) => (m.user.id === member.user.id ? member : m)),
        },
    );
  }, []);

  const forget = useCallback((userId: string) => {
    setLoaded(
      (current) => current && { ...current, members: current.members.filter((m) => m.user.id !== userId) },
    );
  }, []);

  const members = loaded?.workspaceId === workspaceId ? loaded.members : null;
  return { members, error, reload, replace, forget };
}
