import type { GradeThresholds, ScoreResult } from '@bullseye/shared';
import { EvidenceMarker } from '../insights/EvidenceMarker.js';
import { confidenceText } from './explanationFormat.js';
import { GradeLetter } from './GradeLetter.js';

interface FitScoreProps {
  result: ScoreResult;
  thresholds: GradeThresholds;
}

/**
 * The headline of a tried account: its 0–100 fit score and grade against the live draft, how much
 * of the profile its data covered, and what overrides the sum (a disqualifier, a missed must-have).
 */
export function FitScore({ result, thresholds }: FitScoreProps) {
  const { score, grade, disqualifiedBy, cappedBy } = result;
  return (
    <div className="fit-score" data-testid="fit-score" data-grade={grade ?? ''}>
      <div className="fit-score-main">
        <p className="fit-score-number">
          <span className="fit-score-value" data-testid="score-value">
            {score ?? '—'}
          </span>
          <span className="fit-score-of"> / 100</span>
        </p>
        {grade && <GradeLetter grade={grade} />}
        <div className="fit-score-words">
          <p className="fit-score-title">Fit with the live draft</p>
          <p className="muted small" data-testid="confidence">
            {score === null ? 'None of what you entered is scored by the draft.' : confidenceText(result)}
          </p>
        </div>
      </div>
      {/* Someone else's edit can change the score: said aloud, not only shown. */}
      <p className="visually-hidden" role="status">
        {score === null ? 'No score' : `Score ${score} of 100${grade ? `, grade ${grade}` : ''}`}
        {disqualifiedBy ? ', disqualified' : ''}
      </p>
      {disqualifiedBy && (
        <p className="score-alert score-alert-disqualified" data-testid="disqualified">
          <strong>Disqualified:</strong> {disqualifiedBy.rule} (this account: {disqualifiedBy.value}), from “
          {disqualifiedBy.text}”.
          {disqualifiedBy.evidence && (
            <EvidenceMarker evidence={disqualifiedBy.evidence} label={disqualifiedBy.text} />
          )}
        </p>
      )}
      {cappedBy && (
        <p className="score-alert score-alert-capped" data-testid="capped">
          <strong>Capped below B:</strong> it misses {cappedBy.label}, a must-have, so the score stays under{' '}
          {thresholds.b}.
        </p>
      )}
    </div>
  );
}
