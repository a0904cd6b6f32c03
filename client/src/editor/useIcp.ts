import { useCallback, useEffect, useState } from 'react';
import type { IcpDto } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import type { ApiError } from '../api/apiError.js';

/** The ICP's record (title, archive state) as the HTTP API answers it. */
export function useIcp(id: string) {
  const [icp, setIcp] = useState<IcpDto | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(() => {
    icpApi.get(id).then(
      (loaded) => {
        setIcp(loaded);
        setError(null);
      },
      (e: ApiError) => setError(e),
    );
  }, [id]);

  useEffect(load, [load]);

  // Until the new ICP has loaded, never show the previous one's record.
  const current = icp?.id === id ? icp : null;
  return { icp: current, error: current ? null : error, reload: load, setIcp };
}
