import type { Comparison, Evidence, InsightDimension } from '@bullseye/shared';
import { formatInterval, formatLift, formatShare } from './format.js';

/**
 * Whether the numbers behind a criterion still hold. A criterion keeps the evidence it was added
 * with; the dataset may since have been re-imported (a new revision) or deleted. Re-importing alone
 * does not make evidence wrong: it is stale only when the current insights for the same value
 * differ materially (the lift left the old 95% interval, or the share among the best customers
 * moved by more than 5 points), or when the dataset is gone. Without current insights to compare
 * with, a new revision only says "re-imported since".
 */

/** The dataset as the workspace lists it now. */
export interface CurrentDataset {
  id: string;
  name: string;
  revision: number;
}

/** Insights loaded now, with what they were asked for (only comparable ones are used). */
export interface CurrentInsights {
  datasetId: string;
  revision: number;
  comparison: Comparison;
  /** The best-customer definition in words (comparison included), as evidence records it. */
  bestCustomers: string;
  traits: readonly { dimension: InsightDimension; value: string; lift: number; shareBest: number }[];
}

export type Staleness =
  /** The datasets are not known (yet): nothing to say. */
  | { state: 'unknown' }
  /** The dataset is at the revision the evidence came from. */
  | { state: 'current' }
  /** Re-imported since, and the current insights still agree. */
  | { state: 'confirmed'; revision: number; note: string }
  /** Re-imported since; not compared (no comparable insights loaded, or the value is not among them). */
  | { state: 'reimported'; revision: number; reason: string }
  | { state: 'stale'; reason: string };

/** Points (as a share) the share among best customers may move before evidence is stale. */
export const SHARE_TOLERANCE = 0.05;

export function evidenceStaleness(
  evidence: Evidence,
  datasets: readonly CurrentDataset[] | null,
  insights: CurrentInsights | null,
): Staleness {
  if (datasets === null) return { state: 'unknown' };
  const dataset = datasets.find((d) => d.id === evidence.datasetId);
  if (!dataset) return { state: 'stale', reason: `dataset “${evidence.datasetName}” no longer exists` };

  const usable =
    insights !== null &&
    insights.datasetId === evidence.datasetId &&
    insights.comparison === evidence.comparison &&
    insights.bestCustomers === evidence.bestCustomers
      ? insights
      : null;
  const revision = Math.max(dataset.revision, usable?.revision ?? -1);
  if (revision === evidence.revision) return { state: 'current' };

  const reimported = `dataset re-imported since (now revision ${revision})`;
  if (!usable || usable.revision === evidence.revision) {
    return { state: 'reimported', revision, reason: reimported };
  }
  const wanted = evidence.value.trim().toLocaleLowerCase();
  const now = usable.traits.find(
    (t) => t.dimension === evidence.dimension && t.value.trim().toLocaleLowerCase() === wanted,
  );
  if (!now) {
    return {
      state: 'reimported',
      revision,
      reason: `${reimported}; this value is not among the current insights`,
    };
  }
  // The interval as recorded, widened to hold the recorded lift itself (a lift of 0 can sit just
  // below an interval whose lower bound is corrected away from 0): an unchanged lift is never stale.
  const low = Math.min(evidence.low, evidence.lift);
  const high = Math.max(evidence.high, evidence.lift);
  if (now.lift < low || now.lift > high) {
    return {
      state: 'stale',
      reason: `dataset re-imported (revision ${revision}): lift is now ${formatLift(now.lift)}, outside the earlier ${formatInterval(evidence.low, evidence.high)}`,
    };
  }
  const moved = Math.round(Math.abs(now.shareBest - evidence.shareBest) * 1e6) / 1e6;
  if (moved > SHARE_TOLERANCE) {
    return {
      state: 'stale',
      reason: `dataset re-imported (revision ${revision}): now ${formatShare(now.shareBest)} of best customers, was ${formatShare(evidence.shareBest)}`,
    };
  }
  return {
    state: 'confirmed',
    revision,
    note: `re-checked against revision ${revision}: lift ${formatLift(now.lift)}, ${formatShare(now.shareBest)} of best customers`,
  };
}
