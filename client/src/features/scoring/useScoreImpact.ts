import { useEffect, useState } from 'react';
import type { ScoreImpactDto } from '@bullseye/shared';
import { datasetScoringApi, type VersionChoice } from '../../api/datasetScoringApi.js';
import { asApiError, type ApiError } from '../../api/apiError.js';

interface Answer<T> {
  key: string;
  data: T | null;
  error: ApiError | null;
}

export interface ScoreImpactState {
  impact: ScoreImpactDto | null;
  loading: boolean;
  error: ApiError | null;
}

/** How many accounts of a dataset change grade from one model to the other (asked again on change). */
export function useScoreImpact(
  icpId: string,
  datasetId: string | null,
  from: VersionChoice | null,
  to: VersionChoice | null,
): ScoreImpactState {
  const key = datasetId && from !== null && to !== null ? JSON.stringify([icpId, datasetId, from, to]) : null;
  const [answer, setAnswer] = useState<Answer<ScoreImpactDto> | null>(null);
  useEffect(() => {
    if (!key) return;
    const [icp, dataset, a, b] = JSON.parse(key) as [string, string, VersionChoice, VersionChoice];
    let live = true;
    datasetScoringApi.impact(icp, dataset, a, b).then(
      (impact) => {
        if (live) setAnswer({ key, data: impact, error: null });
      },
      (e: unknown) => {
        if (live) setAnswer({ key, data: null, error: asApiError(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key]);
  const current = key !== null && answer?.key === key ? answer : null;
  return { impact: current?.data ?? null, loading: key !== null && !current, error: current?.error ?? null };
}
