import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  bestCustomersMap,
  describeBestCustomers,
  readBestCustomers,
  writeBestCustomers,
  type BandMode,
  type BestCustomerCondition,
  type BestCustomerDefinition,
  type Comparison,
  type DatasetDto,
} from '@bullseye/shared';
import type * as Y from 'yjs';
import { insightsApi } from '../../api/insightsApi.js';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { useYValue } from '../../collab/useYValue.js';
import { useToast } from '../../ui/Toast.js';
import type { CurrentInsights } from './evidenceStaleness.js';
import {
  INSIGHTS_DEBOUNCE_MS,
  InsightsContext,
  type InsightsContextValue,
  type InsightsRequest,
  type InsightsState,
} from './insightsContext.js';

const NO_CONDITIONS: BestCustomerCondition[] = [];

interface InsightsProviderProps {
  doc: Y.Doc;
  workspaceId: string;
  canEdit: boolean;
  children: ReactNode;
}

/** Owns the customer data of the editor: datasets, the live definition and the latest insights. */
export function InsightsProvider({ doc, workspaceId, canEdit, children }: InsightsProviderProps) {
  const toast = useToast();
  const definition = useYValue(bestCustomersMap(doc), () => readBestCustomers(doc));

  // ---------- datasets ----------
  const [datasets, setDatasets] = useState<DatasetDto[] | null>(null);
  const [datasetsError, setDatasetsError] = useState<ApiError | null>(null);
  const datasetsSeq = useRef(0);
  const reloadDatasets = useCallback(() => {
    const seq = ++datasetsSeq.current;
    insightsApi.listDatasets(workspaceId).then(
      (list) => {
        if (seq !== datasetsSeq.current) return;
        setDatasets(list);
        setDatasetsError(null);
      },
      (e: unknown) => {
        if (seq === datasetsSeq.current) setDatasetsError(asApiError(e));
      },
    );
  }, [workspaceId]);
  useEffect(reloadDatasets, [reloadDatasets]);

  const readyDatasets = useMemo(() => (datasets ?? []).filter((d) => d.state === 'ready'), [datasets]);

  // ---------- which dataset, which comparison ----------
  const [pickedDatasetId, setPickedDatasetId] = useState<string | null>(null);
  const [localComparison, setLocalComparison] = useState<Comparison>('all');
  const byId = (id: string | null | undefined) => readyDatasets.find((d) => d.id === id) ?? null;
  const definitionDataset = byId(definition?.datasetId);
  const definitionDatasetMissing = definition !== null && datasets !== null && definitionDataset === null;
  const picked = byId(pickedDatasetId);
  // Editors look at the definition's dataset (they move it for everyone); others may look elsewhere.
  const dataset =
    (canEdit && definitionDataset ? definitionDataset : (picked ?? definitionDataset)) ??
    readyDatasets[0] ??
    null;
  const comparison = definition?.comparison ?? localComparison;
  const conditions = definition?.conditions ?? NO_CONDITIONS;

  const writeDefinition = useCallback(
    (next: BestCustomerDefinition | null) => {
      try {
        writeBestCustomers(doc, next);
        return true;
      } catch (e) {
        toast(`The definition could not be saved: ${e instanceof Error ? e.message : 'invalid'}`, {
          tone: 'error',
        });
        return false;
      }
    },
    [doc, toast],
  );

  const chooseDataset = useCallback(
    (datasetId: string) => {
      // Editors move the team's definition to the dataset; everyone else just looks.
      if (canEdit && definition) {
        if (definition.datasetId !== datasetId) writeDefinition({ ...definition, datasetId });
        setPickedDatasetId(null);
      } else {
        setPickedDatasetId(datasetId);
      }
    },
    [canEdit, definition, writeDefinition],
  );

  const setComparison = useCallback(
    (next: Comparison) => {
      if (canEdit && definition) writeDefinition({ ...definition, comparison: next });
      else setLocalComparison(next);
    },
    [canEdit, definition, writeDefinition],
  );

  // ---------- insights ----------
  const [bands, setBands] = useState<BandMode>('standard');
  const [minSample, setMinSample] = useState(30);
  const [insights, setInsights] = useState<InsightsState>({
    data: null,
    request: null,
    loading: false,
    error: null,
  });
  const [activeCount, setActiveCount] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const retryInsights = useCallback(() => setAttempt((n) => n + 1), []);
  const activate = useCallback(() => {
    setActiveCount((n) => n + 1);
    return () => setActiveCount((n) => n - 1);
  }, []);

  const datasetId = dataset?.id ?? null;
  const datasetRevision = dataset?.revision ?? null;
  const requestKey =
    datasetId && conditions.length > 0
      ? JSON.stringify({ datasetId, datasetRevision, comparison, conditions, bands, minSample })
      : null;
  const hasData = useRef(false);
  const insightsSeq = useRef(0);

  useEffect(() => {
    if (!activeCount || !requestKey) return;
    const parsed = JSON.parse(requestKey) as Omit<InsightsRequest, 'bestCustomers'>;
    const request: InsightsRequest = {
      datasetId: parsed.datasetId,
      comparison: parsed.comparison,
      conditions: parsed.conditions,
      bands: parsed.bands,
      minSample: parsed.minSample,
      bestCustomers: describeBestCustomers(parsed.conditions, parsed.comparison),
    };
    const timer = setTimeout(
      () => {
        const seq = ++insightsSeq.current;
        setInsights((s) => ({ ...s, loading: true }));
        insightsApi
          .getInsights(request.datasetId, {
            comparison: request.comparison,
            conditions: request.conditions,
            bands: request.bands,
            minSample: request.minSample,
          })
          .then(
            (data) => {
              if (seq !== insightsSeq.current) return;
              hasData.current = true;
              setInsights({ data, request, loading: false, error: null });
            },
            (e: unknown) => {
              if (seq !== insightsSeq.current) return;
              setInsights((s) => ({ ...s, loading: false, error: asApiError(e) }));
            },
          );
      },
      hasData.current ? INSIGHTS_DEBOUNCE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [activeCount, requestKey, attempt]);

  // An answer from a newer revision than the list knows: someone re-imported; refresh the list.
  const answeredRevision = insights.data?.revision;
  const answeredDataset = insights.data?.datasetId;
  useEffect(() => {
    if (answeredRevision === undefined || !datasets) return;
    const listed = datasets.find((d) => d.id === answeredDataset);
    if (listed && listed.revision < answeredRevision) reloadDatasets();
  }, [answeredRevision, answeredDataset, datasets, reloadDatasets]);

  // While the tab shows, coming back to the window refreshes the list (imports happen elsewhere).
  useEffect(() => {
    if (!activeCount) return;
    const onFocus = () => reloadDatasets();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [activeCount, reloadDatasets]);

  const currentInsights = useMemo<CurrentInsights | null>(() => {
    const { data, request } = insights;
    if (!data || !request) return null;
    return {
      datasetId: data.datasetId,
      revision: data.revision,
      comparison: request.comparison,
      bestCustomers: request.bestCustomers,
      traits: data.traits,
    };
  }, [insights]);

  const value = useMemo<InsightsContextValue>(
    () => ({
      doc,
      workspaceId,
      canEdit,
      datasets,
      datasetsError,
      reloadDatasets,
      readyDatasets,
      definition,
      dataset,
      definitionDatasetMissing,
      chooseDataset,
      comparison,
      setComparison,
      conditions,
      writeDefinition,
      bands,
      setBands,
      minSample,
      setMinSample,
      insights,
      retryInsights,
      currentInsights,
      activate,
    }),
    [
      doc,
      workspaceId,
      canEdit,
      datasets,
      datasetsError,
      reloadDatasets,
      readyDatasets,
      definition,
      dataset,
      definitionDatasetMissing,
      chooseDataset,
      comparison,
      setComparison,
      conditions,
      writeDefinition,
      bands,
      minSample,
      insights,
      retryInsights,
      currentInsights,
      activate,
    ],
  );
  return <InsightsContext.Provider value={value}>{children}</InsightsContext.Provider>;
}
