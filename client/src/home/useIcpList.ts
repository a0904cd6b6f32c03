import { useCallback, useEffect, useState } from 'react';
import type { IcpDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import type { ApiError } from '../api/apiError.js';

export interface IcpList {
  icps: IcpDto[] | null;
  error: ApiError | null;
  reload: () => Promise<void>;
  /** Applies a change the server confirmed without waiting for a reload. */
  replace: (icp: IcpDto) => void;
}

/** The active or archived ICPs, refreshed when the window regains focus. */
export function useIcpList(archived: boolean): IcpList {
  const [loaded, setLoaded] = useState<{ archived: boolean; icps: IcpDto[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(
    () =>
      icpApi.list(archived).then(
        (icps) => {
          setLoaded({ archived, icps });
          setError(null);
        },
        (e: ApiError) => setError(e),
      ),
    [archived],
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
        if (!current || current.archived !== archived) return current;
        const belongs = (icp.archivedAt !== null) === archived;
        const without = current.icps.filter((i) => i.id !== icp.id);
        const icps = belongs
          ? [icp, ...without].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          : without;
        return { archived, icps };
      });
    },
    [archived],
  );

  // A list fetched for the other tab is never shown under this one.
  const icps = loaded?.archived === archived ? loaded.icps : null;
  return { icps, error, reload, replace };
}
