import { useCallback, useEffect, useState } from 'react';
import type { IcpDto, IcpListItemDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import { asApiError, type ApiError } from '../api/apiError.js';
import { withOnePrimary } from './icpGroups.js';

/** How often a visible list asks again (who is in each ICP, drafts that moved on). */
const REFRESH_MS = 20_000;

export interface IcpList {
  icps: IcpListItemDto[] | null;
  error: ApiError | null;
  reload: () => Promise<void>;
  /** Applies a change the server confirmed without waiting for a reload. */
  replace: (icp: IcpDto) => void;
}

/** What the list knows of an ICP beyond its record, before the server said (never "current"). */
const UNKNOWN = {
  draft: { hash: null, editedSinceApproval: null, changedSinceReview: null, completeness: null },
  lastEditor: null,
  activeUsers: [],
} satisfies Omit<IcpListItemDto, keyof IcpDto>;

/**
 * A workspace's active or archived ICPs, refreshed when the window regains focus and every 20
 * seconds while the page is visible (presence and "edited since" change without anyone here
 * doing anything).
 */
export function useIcpList(workspaceId: string, archived: boolean): IcpList {
  const [loaded, setLoaded] = useState<{ key: string; icps: IcpListItemDto[] } | null>(null);
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
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, REFRESH_MS);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.clearInterval(timer);
    };
  }, [reload]);

  const replace = useCallback(
    (icp: IcpDto) => {
      setLoaded((current) => {
        if (!current || current.key !== key) return current;
        const belongs = (icp.archivedAt !== null) === archived && icp.workspaceId === workspaceId;
        const before = current.icps.find((i) => i.id === icp.id);
        // One primary ICP per workspace: marking this one cleared the others' mark on the server.
        const without = withOnePrimary(
          current.icps.filter((i) => i.id !== icp.id),
          icp,
        );
        // The record changed (title, archive state, kind, primary mark); what the list adds is kept
        // until the next load.
        const item: IcpListItemDto = {
          ...icp,
          draft: before?.draft ?? UNKNOWN.draft,
          lastEditor: before?.lastEditor ?? UNKNOWN.lastEditor,
          activeUsers: before?.activeUsers ?? UNKNOWN.activeUsers,
        };
        const icps = belongs
          ? [item, ...without].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
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
