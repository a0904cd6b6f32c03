import {
  coachDatasetChoice,
  computeInsights,
  definitionOf,
  driftInsightsBody,
  driftOf,
  driftQueries,
  driftQueryKey,
  matchShareOfAll,
  profileCriteriaOf,
  type AccountColumns,
  type CanonicalIcp,
  type CoachDataset,
  type CoachDatasetRef,
  type CoachDrift,
  type DriftTrait,
} from '@bullseye/shared';
import type { DatasetStore } from '../db/datasetStore.js';
import type { ReviewStore } from '../db/reviewStore.js';
import type { VersionStore } from '../db/versionStore.js';
import { LruMap } from '../lruMap.js';
import type { ColumnsCache } from './columnsCache.js';

/** How long recording a version waits for a dataset's columns to be built (a cold cache). */
const COLUMNS_WAIT_MS = 3_000;
/** Insights answers kept for drift (per dataset revision and definition). */
const MAX_CACHED_TRAITS = 16;
/** Datasets whose columns one version's figures may load (the coach's and the evidence's). */
const MAX_DATASETS = 3;

/**
 * What the coach's data rules need, loaded before the version's transaction opens: reading the
 * accounts into columns (a cold cache) is a scan that must not run while the transaction holds the
 * database (on SQLite it has the only connection), so the figures themselves are computed inside it
 * from what was loaded here.
 */
export interface CoachDataContext {
  /** The workspace's ready datasets, newest first. */
  ready: CoachDatasetRef[];
  /** Columns loaded, by dataset id (at the revision in `ready`). */
  columns: Map<string, AccountColumns>;
  /** The canonical JSON of the ICP's approved version, if any. */
  approved: CanonicalIcp | null;
}

/**
 * The coach's dataset figures when a version is recorded (`CoachDataset`): the share of all
 * accounts the version's criteria match, on the dataset its best-customer definition names or the
 * workspace's newest ready one (as the browser picks it), with the same shared functions as the
 * coverage route; and the drift of the approved version's evidence-backed criteria against the
 * latest import's insights. Never throws: a failure is logged and the figures are null (the data
 * rules then stay quiet), so recording a version never fails because of them.
 */
export class CoachFigures {
  private readonly traits = new LruMap<string, DriftTrait[]>(MAX_CACHED_TRAITS);

  constructor(
    private readonly datasets: DatasetStore,
    private readonly columns: ColumnsCache,
    private readonly versions: VersionStore,
    private readonly reviews: ReviewStore,
  ) {}

  /**
   * Outside any transaction: the ready datasets, the approved version, and the columns of the
   * dataset `hint` (the content about to be recorded, when known; else the approved version)
   * would be read against, plus those of datasets the approved version's evidence came from and
   * that were re-imported since. Null without a ready dataset, or on any error.
   */
  async prepare(
    icp: { id: string; workspace_id: string | null },
    hint: CanonicalIcp | null,
  ): Promise<CoachDataContext | null> {
    try {
      if (!icp.workspace_id) return null;
      const ready: CoachDatasetRef[] = (await this.datasets.list(icp.workspace_id))
        .filter((d) => d.state === 'ready')
        .map((d) => ({ id: d.id, revision: d.revision }));
      if (ready.length === 0) return null;
      const approval = await this.reviews.latestApproval(icp.id);
      const content = approval && (await this.versions.content(approval.version_id));
      const approved = content ? (JSON.parse(content.canonical) as CanonicalIcp) : null;

      const wanted = new Set<string>();
      // Without the content (read later, under a lock), the approved version's definition guesses.
      const chosen = coachDatasetChoice(definitionOf(hint ?? approved)?.datasetId, ready);
      if (chosen) wanted.add(chosen.id);
      if (approved) {
        for (const q of driftQueries(approved, [definitionOf(approved), definitionOf(hint)], ready)) {
          wanted.add(q.datasetId);
        }
      }
      const columns = new Map<string, AccountColumns>();
      for (const id of [...wanted].slice(0, MAX_DATASETS)) {
        const loaded = await this.loadColumns(ready.find((d) => d.id === id)!);
        if (loaded) columns.set(id, loaded);
      }
      return { ready, columns, approved };
    } catch (error) {
      console.error('could not load the dataset figures for the coach; recording without them', error);
      return null;
    }
  }

  /** The figures for `canonical` from a prepared context (null without one, or on any error). */
  figures(context: CoachDataContext | null, canonical: CanonicalIcp): CoachDataset | null {
    if (!context) return null;
    try {
      const chosen = coachDatasetChoice(definitionOf(canonical)?.datasetId, context.ready);
      if (!chosen) return null;
      const columns = context.columns.get(chosen.id);
      return {
        matchShareOfAll: columns ? matchShareOfAll(columns, profileCriteriaOf(canonical)) : null,
        driftSinceApproval: this.drift(context, canonical),
      };
    } catch (error) {
      console.error('could not compute the dataset figures for the coach; recording without them', error);
      return null;
    }
  }

  private drift(context: CoachDataContext, canonical: CanonicalIcp): CoachDrift[] {
    const { approved } = context;
    if (!approved) return [];
    const queries = driftQueries(approved, [definitionOf(approved), definitionOf(canonical)], context.ready);
    return queries.flatMap((query) => {
      const columns = context.columns.get(query.datasetId);
      if (!columns) return [];
      const key = driftQueryKey(query);
      let traits = this.traits.get(key);
      if (!traits) {
        traits = computeInsights(columns, driftInsightsBody(query)).traits.map(
          ({ dimension, value, band, lift, shareBest }) => ({ dimension, value, band, lift, shareBest }),
        );
        this.traits.set(key, traits);
      }
      return driftOf(query.criteria, traits);
    });
  }

  /** The dataset's columns, unless building them takes longer than COLUMNS_WAIT_MS (they stay cached). */
  private async loadColumns(dataset: CoachDatasetRef): Promise<AccountColumns | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), COLUMNS_WAIT_MS);
    });
    try {
      const columns = await Promise.race([this.columns.get(dataset), late]);
      if (!columns) {
        console.warn(
          `dataset ${dataset.id} is still being read; the coach records this version without its figures`,
        );
      }
      return columns;
    } catch (error) {
      console.error(`could not read dataset ${dataset.id} for the coach`, error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
