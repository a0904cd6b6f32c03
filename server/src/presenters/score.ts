import type {
  DatasetScoringDto,
  GradeThresholds,
  ModelSourceDto,
  Evidence,
  ScoredCriterionDto,
  ScoreResult,
  ScoreResultDto,
  ScoringModel,
} from '@bullseye/shared';
import type { DatasetRow } from '../db/datasetStore.js';
import type { ScoringRow } from '../db/scoringStore.js';
import type { DatasetScoreSummary } from '../scoring/scoreDataset.js';
import { person } from './review.js';

/** What a stored scoring's `summary` column holds. */
export interface StoredScoringSummary extends DatasetScoreSummary {
  source: ModelSourceDto;
  thresholds: GradeThresholds;
  elapsedMs: number;
}

/** The model's criteria as a score answer names them once (label, importance, weight, rule, evidence). */
export function presentScoredCriteria(model: ScoringModel): ScoredCriterionDto[] {
  return model.criteria.map((c) => {
    const evidence: Evidence[] =
      c.kind === 'list'
        ? c.values.flatMap((v) => (v.evidence ? [v.evidence] : []))
        : c.evidence
          ? [c.evidence]
          : [];
    return { key: c.key, label: c.label, importance: c.importance, weight: c.weight, rule: c.rule, evidence };
  });
}

/**
 * One account's score as the API answers it: the lines keep what differs per account (outcome,
 * value, match, points) and name their criterion by key; the rest is in the answer once.
 */
export function presentScore(result: ScoreResult, id: string | undefined): ScoreResultDto {
  const dto: ScoreResultDto = {
    score: result.score,
    grade: result.grade,
    confidence: result.confidence,
    disqualifiedBy: result.disqualifiedBy,
    cappedBy: result.cappedBy,
    criteria: result.criteria.map((line) => {
      const out: ScoreResultDto['criteria'][number] = {
        key: line.key,
        outcome: line.outcome,
        value: line.value,
        matched: line.matched,
        points: line.points,
        maxPoints: line.maxPoints,
      };
      if (line.note !== undefined) out.note = line.note;
      return out;
    }),
  };
  return id === undefined ? dto : { id, ...dto };
}

/** A stored dataset scoring, `stale` once the dataset's revision moved past the one scored. */
export function presentScoring(
  row: Omit<ScoringRow, 'model'>,
  summary: StoredScoringSummary,
  dataset: DatasetRow,
  names: ReadonlyMap<string, string>,
): DatasetScoringDto {
  return {
    id: row.id,
    icpId: row.icp_id,
    datasetId: row.dataset_id,
    datasetName: dataset.name,
    revision: row.dataset_revision,
    stale: dataset.revision !== row.dataset_revision,
    source: summary.source,
    thresholds: summary.thresholds,
    createdAt: row.created_at,
    createdBy: person(row.created_by, row.created_by ? (names.get(row.created_by) ?? null) : null),
    total: summary.total,
    grades: summary.grades,
    histogram: summary.histogram,
    hasOutcomes: summary.hasOutcomes,
    topAccounts: summary.topAccounts,
    elapsedMs: summary.elapsedMs,
  };
}
