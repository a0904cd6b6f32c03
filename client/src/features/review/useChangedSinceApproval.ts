import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IcpDiffDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { versionsApi } from '../../api/versionsApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';

/** How long the document must be quiet before the comparison is asked again. */
const QUIET_MS = 2000;

export interface SinceApproval {
  /**
   * `none`: nothing approved; `checking`: the first answer is on its way; `same` / `changed`: the
   * live draft equals / differs from the approved version; `error`: the server could not say.
   */
  status: 'none' | 'checking' | 'same' | 'changed' | 'error';
  /** The approved version compared with. */
  versionId: string | null;
  /** The latest comparison (kept while a newer one is on its way). */
  diff: IcpDiffDto | null;
  error: ApiError | null;
  /** Asks the server again now. */
  refresh: () => void;
}

/**
 * Whether the live draft still matches the approved version: the server compares them (approved
 * -> draft) when the panel opens and again after the document has been quiet for two seconds, once
 * this browser's edits are stored (the server compares what it has).
 */
export function useChangedSinceApproval(
  session: IcpSession,
  icpId: string,
  approvedId: string | null,
): SinceApproval {
  const [result, setResult] = useState<{
    versionId: string;
    diff: IcpDiffDto | null;
    error: ApiError | null;
  } | null>(null);
  const generation = useRef(0);

  const refresh = useCallback(() => {
    if (!approvedId) return;
    const current = ++generation.current;
    versionsApi.diff(icpId, approvedId, 'draft').then(
      (diff) => {
        if (generation.current === current) setResult({ versionId: approvedId, diff, error: null });
      },
      (e: unknown) => {
        if (generation.current !== current) return;
        setResult((r) => ({
          versionId: approvedId,
          diff: r?.versionId === approvedId ? r.diff : null,
          error: asApiError(e),
        }));
      },
    );
  }, [icpId, approvedId]);

  useEffect(() => {
    refresh();
    const loads = generation;
    return () => {
      loads.current++;
    };
  }, [refresh]);

  useEffect(() => {
    if (!approvedId) return;
    let timer = 0;
    const check = () => {
      // The server compares what it has stored: wait until this browser's edits are there.
      if (session.tracker.status.save === 'saving') timer = window.setTimeout(check, QUIET_MS);
      else refresh();
    };
    const onUpdate = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, QUIET_MS);
    };
    session.doc.on('update', onUpdate);
    return () => {
      session.doc.off('update', onUpdate);
      window.clearTimeout(timer);
    };
  }, [session, approvedId, refresh]);

  const mine = result && result.versionId === approvedId ? result : null;
  let status: SinceApproval['status'] = 'none';
  if (approvedId) {
    if (mine?.diff) status = mine.diff.changed ? 'changed' : 'same';
    else status = mine?.error ? 'error' : 'checking';
  }
  const diff = mine?.diff ?? null;
  const error = mine?.error ?? null;
  return useMemo(
    () => ({ status, versionId: approvedId, diff, error, refresh }),
    [status, approvedId, diff, error, refresh],
  );
}
