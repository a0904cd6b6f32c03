import { useCallback, useEffect, useState } from 'react';
import type { IcpComparisonDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { icpApi } from '../../api/icpApi.js';

/**
 * The server's comparison of two ICPs (their drafts as they stand), with the accounts of
 * `datasetId` (the workspace's newest ready dataset when null); `reload` asks again.
 */
export function useIcpComparison(id: string, otherId: string, datasetId: string | null) {
  const key = `${id}|${otherId}|${datasetId ?? ''}`;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{
    key: string;
    comparison: IcpComparisonDto | null;
    error: ApiError | null;
  } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const current = `${id}|${otherId}|${datasetId ?? ''}`;
    icpApi.compare(id, otherId, datasetId).then(
      (comparison) => !cancelled && setState({ key: current, comparison, error: null }),
      (e: unknown) => !cancelled && setState({ key: current, comparison: null, error: asApiError(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [id, otherId, datasetId, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const mine = state?.key === key ? state : null;
  return { comparison: mine?.comparison ?? null, error: mine?.error ?? null, loading: mine === null, reload };
}
