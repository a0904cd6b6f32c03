import { createContext, useContext } from 'react';
import type {
  BandMode,
  BestCustomerCondition,
  BestCustomerDefinition,
  Comparison,
  DatasetDto,
  InsightsDto,
} from '@bullseye/shared';
import type * as Y from 'yjs';
import type { ApiError } from '../../api/apiError.js';
import type { CurrentInsights } from './evidenceStaleness.js';

/** Wait after the definition, the draft or the settings change before asking the server again. */
export const INSIGHTS_DEBOUNCE_MS = 400;

/** What one insights answer was asked for. */
export interface InsightsRequest {
  datasetId: string;
  comparison: Comparison;
  conditions: BestCustomerCondition[];
  bands: BandMode;
  minSample: number;
  /** The definition in words, comparison included, as evidence records it (shared's describeBestCustomers). */
  bestCustomers: string;
}

export interface InsightsState {
  /** The latest answer (kept while a newer one loads) and what it answered. */
  data: InsightsDto | null;
  request: InsightsRequest | null;
  loading: boolean;
  error: ApiError | null;
}

/**
 * The customer data behind one ICP, for the Data tab and for the evidence beside each criterion:
 * the workspace's datasets, the team's best-customer definition (live, from the Y.Doc) and the
 * latest insights.
 */
export interface InsightsContextValue {
  doc: Y.Doc;
  workspaceId: string;
  /** May this person change the definition and add criteria now (role, archive, connection)? */
  canEdit: boolean;
  /** Every dataset of the workspace (null until loaded). */
  datasets: DatasetDto[] | null;
  datasetsError: ApiError | null;
  reloadDatasets: () => void;
  /** The datasets insights can be asked of. */
  readyDatasets: DatasetDto[];
  /** The team's definition, as the Y.Doc holds it now. */
  definition: BestCustomerDefinition | null;
  /** The dataset being looked at: the definition's, or one picked by this person. */
  dataset: DatasetDto | null;
  /** The definition names a dataset that is no longer there (or not ready). */
  definitionDatasetMissing: boolean;
  chooseDataset: (datasetId: string) => void;
  comparison: Comparison;
  setComparison: (comparison: Comparison) => void;
  conditions: BestCustomerCondition[];
  /** Writes the definition to the shared document (null removes it); false if refused. */
  writeDefinition: (definition: BestCustomerDefinition | null) => boolean;
  bands: BandMode;
  setBands: (bands: BandMode) => void;
  minSample: number;
  setMinSample: (minSample: number) => void;
  insights: InsightsState;
  /** Asks for the same insights again (after an error). */
  retryInsights: () => void;
  /** The loaded insights, for comparing evidence with (null when none). */
  currentInsights: CurrentInsights | null;
  /** The Data tab is showing: load insights while it does. Returns the cleanup. */
  activate: () => () => void;
}

export const InsightsContext = createContext<InsightsContextValue | null>(null);

export function useInsights(): InsightsContextValue {
  const value = useContext(InsightsContext);
  if (!value) throw new Error('useInsights needs an InsightsProvider');
  return value;
}

/** The insights context, or null outside the editor (a read-only version). */
export function useInsightsOptional(): InsightsContextValue | null {
  return useContext(InsightsContext);
}
