import type { ScoreResult, ScoringModel } from '@bullseye/shared';
import { EvidenceMarker } from '../insights/EvidenceMarker.js';
import { ImportanceBadge } from './ImportanceBadge.js';
import { OUTCOME_TEXT, formatPoints } from './explanationFormat.js';

/**
 * Why a score is what it is: each criterion with the account's value, how it went (match, ideal,
 * acceptable, miss, unknown), the points it earned of those it could earn and the rule, with the
 * evidence behind the criterion; then the disqualifier rules it was tested against and those a
 * person has to check.
 */
export function ScoreExplanation({ result, model }: { result: ScoreResult; model: ScoringModel }) {
  return (
    <>
      <table className="score-explanation" aria-label="Score explanation">
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Account</th>
            <th scope="col">Result</th>
            <th scope="col" className="num">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {result.criteria.map((line) => {
            const outcome = OUTCOME_TEXT[line.outcome];
            return (
              <tr key={line.key} data-testid={`explanation-${line.key}`}>
                <th scope="row">
                  <span className="explanation-label">
                    {line.label}
                    {line.evidence && (
                      <EvidenceMarker evidence={line.evidence} label={line.matched ?? line.label} />
                    )}
                  </span>
                  <ImportanceBadge importance={line.importance} />
                  <span className="explanation-rule">{line.rule}</span>
                </th>
                <td>
                  {line.value ?? <span className="muted">not given</span>}
                  {line.note && <span className="explanation-note">{line.note}</span>}
                </td>
                <td>
                  <span className={`outcome outcome-${line.outcome}`}>
                    <span aria-hidden="true">{outcome.sign}</span> {outcome.word}
                  </span>
                </td>
                <td className="num">
                  {line.points === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <>
                      {formatPoints(line.points)}
                      <span className="muted"> / {formatPoints(line.maxPoints)}</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {model.disqualifiers.length > 0 && !result.disqualifiedBy && (
        <p className="small explanation-rules">
          <span className="outcome outcome-match">
            <span aria-hidden="true">✓</span> No disqualifier applies:
          </span>{' '}
          {model.disqualifiers.map((d) => d.ruleText).join('; ')}.
        </p>
      )}
      {result.manualChecks.length > 0 && (
        <div className="manual-checks">
          <p className="field-label">Check by hand (not scored)</p>
          <ul>
            {result.manualChecks.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
