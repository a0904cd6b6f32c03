import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntryDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { auditApi } from '../../api/auditApi.js';

const PAGE = 50;

export interface AuditLog {
  /** Newest first; null until the first page is in. */
  entries: AuditEntryDto[] | null;
  error: ApiError | null;
  hasMore: boolean;
  loadingMore: boolean;
  reload: () => void;
  /** Resolves to false when the page could not be loaded. */
  loadMore: () => Promise<boolean>;
}

/** A workspace's audit log, newest first, a page at a time, optionally for one ICP. */
export function useAuditLog(workspaceId: string, icpId: string | null): AuditLog {
  const key = `${workspaceId}|${icpId ?? ''}`;
  const [state, setState] = useState<{
    key: string;
    entries: AuditEntryDto[];
    nextBefore: number | null;
  } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const current = ++generation.current;
    const forKey = `${workspaceId}|${icpId ?? ''}`;
    auditApi.list(workspaceId, { icpId, limit: PAGE }).then(
      (page) => {
        if (generation.current !== current) return;
        setState({ key: forKey, entries: page.entries, nextBefore: page.nextBefore });
        setError(null);
      },
      (e: unknown) => {
        if (generation.current === current) setError(asApiError(e));
      },
    );
  }, [workspaceId, icpId]);

  useEffect(reload, [reload]);

  const mine = state?.key === key ? state : null;

  const loadMore = useCallback(async () => {
    if (!mine?.nextBefore) return true;
    const current = generation.current;
    setLoadingMore(true);
    try {
      const page = await auditApi.list(workspaceId, { icpId, limit: PAGE, before: mine.nextBefore });
      if (generation.current === current) {
        setState((s) =>
          s && s.key === mine.key
            ? {
                ...s,
                entries: [
                  ...s.entries,
                  ...page.entries.filter((e) => !s.entries.some((o) => o.seq === e.seq)),
                ],
                nextBefore: page.nextBefore,
              }
            : s,
        );
      }
      return true;
    } catch {
      return false;
    } finally {
      setLoadingMore(false);
    }
  }, [mine, workspaceId, icpId]);

  return {
    entries: mine?.entries ?? null,
    error,
    hasMore: Boolean(mine?.nextBefore),
    loadingMore,
    reload,
    loadMore,
  };
}
