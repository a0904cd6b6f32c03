import { useCallback, useEffect, useState } from 'react';
import { asApiError } from '../../api/apiError.js';
import { scoringApi, type ScoringModelAnswer } from '../../api/scoringApi.js';
import { useInheritedDisqualifiers } from '../icpKinds/inheritedContext.js';

export type ApprovedModel =
  | { state: 'loading' }
  | { state: 'ready'; answer: ScoringModelAnswer }
  | { state: 'none' }
  | { state: 'error'; message: string };

/**
 * The scoring model of the ICP's approved version (what the API scores with), fetched again when
 * another version is approved (`approvedVersionId` changes) or when what the workspace's negative
 * ICPs disqualify changes (one of them approved another version).
 */
export function useApprovedModel(
  icpId: string,
  approvedVersionId: string | null,
): ApprovedModel & { retry: () => void } {
  const [result, setResult] = useState<{ key: string; model: ApprovedModel } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const { sourcesKey } = useInheritedDisqualifiers();
  const key = `${icpId}:${approvedVersionId ?? ''}:${sourcesKey}:${attempt}`;

  useEffect(() => {
    let current = true;
    scoringApi.getModel(icpId, 'approved').then(
      (answer) => {
        if (current) setResult({ key, model: { state: 'ready', answer } });
      },
      (e: unknown) => {
        if (!current) return;
        const error = asApiError(e);
        const model: ApprovedModel =
          error.code === 'no_approved_version'
            ? { state: 'none' }
            : { state: 'error', message: error.message };
        setResult({ key, model });
      },
    );
    return () => {
      current = false;
    };
  }, [icpId, key]);

  return { ...(result?.key === key ? result.model : { state: 'loading' }), retry };
}
