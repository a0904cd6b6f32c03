import type {
  Evidence,
  ScoredCriterionDto,
  ScoreResult,
  ScoreResultDto,
  ScoringModel,
} from '@bullseye/shared';

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
