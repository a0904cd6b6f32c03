import { useEffect, useState } from 'react';
import type { VersionDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { versionsApi } from '../../api/versionsApi.js';

/** The versions of an ICP, fetched once (screens without a live session: compare). */
export function useVersionsOnce(icpId: string) {
  const [state, setState] = useState<{
    id: string;
    versions: VersionDto[] | null;
    error: ApiError | null;
  } | null>(null);
  useEffect(() => {
    let cancelled = false;
    versionsApi.list(icpId).then(
      (versions) => !cancelled && setState({ id: icpId, versions, error: null }),
      (e: unknown) => !cancelled && setState({ id: icpId, versions: null, error: asApiError(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [icpId]);
  const mine = state?.id === icpId ? state : null;
  return { versions: mine?.versions ?? null, error: mine?.error ?? null };
}
