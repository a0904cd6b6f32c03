import { useCallback, useEffect, useState } from 'react';
import type { DatasetDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { datasetsApi } from '../../api/datasetsApi.js';

export interface Datasets {
  datasets: DatasetDto[] | null;
  error: ApiError | null;
  reload: () => Promise<DatasetDto[] | null>;
  /** Shows a dataset the server answered (new ones first). */
  put: (dataset: DatasetDto) => void;
  forget: (id: string) => void;
}

/** The account datasets of a workspace, newest first, refreshed when the window regains focus. */
export function useDatasets(workspaceId: string): Datasets {
  const [loaded, setLoaded] = useState<{ workspaceId: string; datasets: DatasetDto[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(
    () =>
      datasetsApi.list(workspaceId).then(
        (datasets) => {
          setLoaded({ workspaceId, datasets });
          setError(null);
          return datasets;
        },
        (e: unknown) => {
          setError(asApiError(e));
          return null;
        },
      ),
    [workspaceId],
  );

  useEffect(() => {
    void reload();
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  const put = useCallback(
    (dataset: DatasetDto) =>
      setLoaded((current) => {
        if (!current) return { workspaceId, datasets: [dataset] };
        const exists = current.datasets.some((d) => d.id === dataset.id);
        return {
          ...current,
          datasets: exists
            ? current.datasets.map((d) => (d.id === dataset.id ? dataset : d))
            : [dataset, ...current.datasets],
        };
      }),
    [workspaceId],
  );

  const forget = useCallback(
    (id: string) =>
      setLoaded(
        (current) => current && { ...current, datasets: current.datasets.filter((d) => d.id !== id) },
      ),
    [],
  );

  const datasets = loaded?.workspaceId === workspaceId ? loaded.datasets : null;
  return { datasets, error, reload, put, forget };
}
