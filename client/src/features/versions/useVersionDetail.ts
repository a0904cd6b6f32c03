import { useEffect, useState } from 'react';
import type { VersionDetailDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { versionsApi } from '../../api/versionsApi.js';

/** One version with its content; never the previous id's while the next one loads. */
export function useVersionDetail(versionId: string) {
  const [state, setState] = useState<{
    id: string;
    version: VersionDetailDto | null;
    error: ApiError | null;
  } | null>(null);
  useEffect(() => {
    let cancelled = false;
    versionsApi.get(versionId).then(
      (version) => !cancelled && setState({ id: versionId, version, error: null }),
      (e: unknown) => !cancelled && setState({ id: versionId, version: null, error: asApiError(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [versionId]);
  const mine = state?.id === versionId ? state : null;
  return { version: mine?.version ?? null, error: mine?.error ?? null };
}
