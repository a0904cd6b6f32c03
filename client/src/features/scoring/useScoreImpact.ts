import { useEffect, useState } from 'react';
import type { DatasetDto, ScoreImpactDto } from '@bullseye/shared';
import { datasetScoringApi, type VersionChoice } from '../../api/datasetScoringApi.js';
import { insightsApi } from '../../api/insightsApi.js';
import { asApiError, type ApiError } from '../../api/apiError.js';

interface Answer<T> {
  key: string;
  data: T | null;
  error: ApiError | null;
}

/** The workspace's datasets that can be scored (null while loading). */
export function useReadyDatasets(workspaceId: string): {
  datasets: DatasetDto[] | null;
  error: ApiError | null;
} {
  const [answer, setAnswer] = useState<Answer<DatasetDto[]> | null>(null);
  useEffect(() => {
    let live = true;
    insightsApi.listDatasets(workspaceId).then(
      (list) => {
        if (live) setAnswer({ key: workspaceId, data: list.filter((d) => d.state === 'ready'), error: null });
      },
      (e: unknown) => {
        if (live) setAnswer({ key: workspaceId, data: null, error: asApiError(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [workspaceId]);
  const current = answer?.key === workspaceId ? answer : null;
  return { datasets: current?.data ?? null, error: current?.error ?? null };
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
