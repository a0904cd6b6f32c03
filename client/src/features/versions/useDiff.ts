import { useEffect, useState } from 'react';
import type { IcpDiffDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { versionsApi } from '../../api/versionsApi.js';

/** The server's comparison of two versions (or a version and the draft); null while `from` is unset. */
export function useDiff(icpId: string, from: string | null, to: string) {
  const key = `${icpId}|${from}|${to}`;
  const [state, setState] = useState<{ key: string; diff: IcpDiffDto | null; error: ApiError | null } | null>(
    null,
  );
  useEffect(() => {
    if (!from) return;
    let cancelled = false;
    const current = `${icpId}|${from}|${to}`;
    versionsApi.diff(icpId, from, to).then(
      (diff) => !cancelled && setState({ key: current, diff, error: null }),
      (e: unknown) => !cancelled && setState({ key: current, diff: null, error: asApiError(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [icpId, from, to]);
  const mine = state?.key === key ? state : null;
  return { diff: mine?.diff ?? null, error: mine?.error ?? null, loading: from !== null && mine === null };
}
