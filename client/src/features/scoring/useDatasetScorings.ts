import { useCallback, useEffect, useState } from 'react';
import type { DatasetScoringDto } from '@bullseye/shared';
import { datasetScoringApi } from '../../api/datasetScoringApi.js';
import { asApiError, type ApiError } from '../../api/apiError.js';

/** What the Score tab scores a dataset with: the approved version or the live draft. */
export type ScoringModelKind = 'approved' | 'draft';

interface Stored {
  datasetId: string | null;
  /** Null while loading. */
  scorings: DatasetScoringDto[] | null;
  error: ApiError | null;
}

interface Run {
  datasetId: string;
  kind: ScoringModelKind;
}

export interface DatasetScorings {
  /** The latest stored scoring with the approved version, and with the draft (null when none). */
  approved: DatasetScoringDto | null;
  draft: DatasetScoringDto | null;
  /** The stored scorings are loading (the first time for this dataset). */
  loading: boolean;
  loadError: ApiError | null;
  reload: () => void;
  /** The model being scored with right now, or null. */
  running: ScoringModelKind | null;
  /** Why the last scoring failed, and with which model. */
  runError: { kind: ScoringModelKind; error: ApiError } | null;
  score: (kind: ScoringModelKind) => void;
}

/**
 * The scorings of one dataset with an ICP: the stored ones, read when the dataset changes, and a
 * new one on demand (which replaces the stored one of the same model).
 */
export function useDatasetScorings(icpId: string, datasetId: string | null): DatasetScorings {
  const [stored, setStored] = useState<Stored>({ datasetId: null, scorings: null, error: null });
  const [run, setRun] = useState<Run | null>(null);
  const [runError, setRunError] = useState<(Run & { error: ApiError }) | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!datasetId) return;
    let live = true;
    datasetScoringApi.list(icpId, datasetId).then(
      (scorings) => {
        if (live) setStored({ datasetId, scorings, error: null });
      },
      (e: unknown) => {
        if (live) setStored({ datasetId, scorings: null, error: asApiError(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [icpId, datasetId, attempt]);

  const score = useCallback(
    (kind: ScoringModelKind) => {
      if (!datasetId) return;
      setRun({ datasetId, kind });
      setRunError(null);
      datasetScoringApi.score(icpId, datasetId, kind).then(
        (scoring) => {
          setRun((r) => (r?.datasetId === datasetId && r.kind === kind ? null : r));
          setStored((s) =>
            s.datasetId === datasetId
              ? { ...s, scorings: [scoring, ...(s.scorings ?? []).filter((o) => kindOf(o) !== kind)] }
              : s,
          );
        },
        (e: unknown) => {
          setRun((r) => (r?.datasetId === datasetId && r.kind === kind ? null : r));
          setRunError({ datasetId, kind, error: asApiError(e) });
        },
      );
    },
    [icpId, datasetId],
  );

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const scorings = stored.datasetId === datasetId ? stored.scorings : null;
  return {
    approved: scorings?.find((s) => kindOf(s) === 'approved') ?? null,
    draft: scorings?.find((s) => kindOf(s) === 'draft') ?? null,
    loading: datasetId !== null && stored.datasetId !== datasetId,
    loadError: stored.datasetId === datasetId ? stored.error : null,
    reload,
    running: run?.datasetId === datasetId ? run.kind : null,
    runError: runError?.datasetId === datasetId ? { kind: runError.kind, error: runError.error } : null,
    score,
  };
}

/** Scorings made with a version named by number are neither the approved one nor the draft. */
function kindOf(scoring: DatasetScoringDto): ScoringModelKind | 'version' {
  return scoring.source.source;
}
