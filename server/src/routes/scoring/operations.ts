import { z } from 'zod';
import {
  datasetScoringDtoSchema,
  datasetScoringListDtoSchema,
  datasetScoringParamsSchema,
  icpScoringsQuerySchema,
  scoreBodySchema,
  scoreDatasetBodySchema,
  scoreImpactDtoSchema,
  scoreImpactQuerySchema,
  scoreResponseSchema,
  scoringModelResponseSchema,
  scoringParamsSchema,
  scoringQuerySchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/**
 * Fit scoring: the approved version's model scores accounts for people and other systems (a
 * `scoring` API token reaches only scoreAccounts and getScoringModel); datasets scored per version
 * with their backtest; the grade moves between two versions.
 */
export const scoringOperations = {
  getScoringModel: {
    method: 'get',
    path: '/icps/{id}/scoring-model',
    summary:
      'The scoring model of the approved version (default), of a version (`version=12` or its id) or of ' +
      'the live draft (`version=draft`): criteria with importance, weight, bands and evidence, ' +
      'disqualifier rules, manual checks, grade thresholds, and the model hash (409 ' +
      '`no_approved_version` when nothing is approved and no version is named)',
    params: scoringParamsSchema,
    query: scoringQuerySchema,
    response: { status: 200, schema: scoringModelResponseSchema },
    errors: [400, 401, 403, 404, 409],
  },
  scoreAccounts: {
    method: 'post',
    path: '/icps/{id}/score',
    summary:
      'Fit score 0–100, grade A–D, confidence and explanation (each criterion’s points, the value it ' +
      'matched or missed, the rule, the evidence) for `{ account }` or `{ accounts: [...] }` (up to ' +
      '10,000; more is 413), with the approved version’s model unless `version` names another; the ' +
      'answer names the version and model hash',
    params: scoringParamsSchema,
    query: scoringQuerySchema,
    body: scoreBodySchema,
    response: { status: 200, schema: scoreResponseSchema },
    errors: [400, 401, 403, 404, 409, 413],
  },
  scoreDataset: {
    method: 'post',
    path: '/icps/{id}/scorings',
    summary:
      'Score every account of a dataset with a version’s model (approved by default, or `draft`, or a ' +
      'version number) and keep the result: grade counts, win rate and mean ACV per grade (backtest), ' +
      'score deciles, top accounts per grade',
    params: scoringParamsSchema,
    body: scoreDatasetBodySchema,
    response: { status: 201, schema: datasetScoringDtoSchema },
    errors: [400, 401, 403, 404, 409],
  },
  listScorings: {
    method: 'get',
    path: '/icps/{id}/scorings',
    summary: 'The ICP’s stored dataset scorings (one per dataset and version), newest first',
    params: scoringParamsSchema,
    query: icpScoringsQuerySchema,
    response: { status: 200, schema: datasetScoringListDtoSchema },
    errors: [400, 401, 403, 404],
  },
  exportScoring: {
    method: 'get',
    path: '/scorings/{id}/export',
    summary:
      'Download a stored scoring as CSV: every account with its score, grade, confidence and reasons ' +
      '(spreadsheet formulas neutralised); 409 `stale_scoring` once the dataset was re-imported',
    params: datasetScoringParamsSchema,
    response: { status: 200, schema: z.string(), content: { 'text/csv': z.string() } },
    errors: [401, 403, 404, 409],
  },
  getScoreImpact: {
    method: 'get',
    path: '/icps/{id}/score-impact',
    summary:
      'How many accounts of a dataset change grade between two versions (or a version and the draft): ' +
      'every grade move with its count and the accounts that moved most',
    params: scoringParamsSchema,
    query: scoreImpactQuerySchema,
    response: { status: 200, schema: scoreImpactDtoSchema },
    errors: [400, 401, 403, 404, 409],
  },
} satisfies Record<string, Operation>;
