import { useCallback, useEffect, useState } from 'react';
import type { IcpDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import { asApiError, type ApiError } from '../api/apiError.js';

export interface IcpList {
  icps: IcpDto[] | null;
  error: ApiError | null;
  reload: () => Promise<void>;
  /** Applies a change the server confirmed without waiting for a reload. */
  replace: (icp: IcpDto) => void;
}

/** A workspace's active or archived ICPs, refreshed when the window regains focus. */
export function useIcpList(workspaceId: string, archived: boolean): IcpList {
  const [loaded, setLoaded] = useState<{ key: string; icps: IcpDto[] } | null>(null);
  const key = `${workspaceId}:${archived}`;
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(
    () =>
      icpApi.list(workspaceId, archived).then(
        (icps) => {
          setLoaded({ key: `${workspaceId}:${archived}`, icps });
          setError(null);
        },
        (e: unknown) => setError(asApiError(e)),
      ),
    [workspaceId, archived],
  );

  useEffect(() => {
    void reload();
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  const replace = useCallback(
    (icp: IcpDto) => {
      setLoaded((current) => {
        if (!current || current.key !== key) return current;
        const belongs = (icp.archivedAt !== null) === archived && icp.workspaceId === workspaceId;
        const without = current.icps.filter((i) => i.id !== icp.id);
        const icps = belongs
          ? [icp, ...without].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          : without;
        return { key, icps };
      });
    },
    [key, archived, workspaceId],
  );

  // A list fetched for the other tab or workspace is never shown under this one.
  const icps = loaded?.key === key ? loaded.icps : null;
  return { icps, error, reload, replace };
}
