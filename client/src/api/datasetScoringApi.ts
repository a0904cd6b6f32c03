import type { DatasetScoringDto, DatasetScoringListDto, ScoreImpactDto } from '@bullseye/shared';
import { request } from './request.js';

const enc = encodeURIComponent;

/** Which model of an ICP: the approved version, the live draft, or a version by number. */
export type VersionChoice = 'approved' | 'draft' | number;

/**
 * Putting an ICP to work on a dataset: score every account with a version's model (stored, with
 * its grade distribution and backtest), read the stored scorings back, download one as CSV, and
 * see how many accounts change grade between two versions.
 */
export const datasetScoringApi = {
  /** Scores every account of the dataset (a few seconds for a million); 409 `no_approved_version`. */
  score: (icpId: string, datasetId: string, version: VersionChoice) =>
    request<DatasetScoringDto>('POST', `/icps/${enc(icpId)}/scorings`, { datasetId, version }),
  /** The latest stored scoring per dataset and model source, newest first. */
  list: (icpId: string, datasetId: string) =>
    request<DatasetScoringListDto>(
      'GET',
      `/icps/${enc(icpId)}/scorings?${new URLSearchParams({ datasetId }).toString()}`,
    ).then((r) => r.scorings),
  /** Where the browser downloads a scoring as CSV (a plain link: the server streams it). */
  exportUrl: (scoringId: string) => `/api/scorings/${enc(scoringId)}/export`,
  /** How many accounts of the dataset move between grades from one model to the other. */
  impact: (icpId: string, datasetId: string, from: VersionChoice, to: VersionChoice) =>
    request<ScoreImpactDto>(
      'GET',
      `/icps/${enc(icpId)}/score-impact?${new URLSearchParams({
        datasetId,
        from: String(from),
        to: String(to),
      }).toString()}`,
    ),
};
