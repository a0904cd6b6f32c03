import { useCoachOptional } from './coachContext.js';
import { revealChecklist } from './revealSection.js';

/**
 * In the request-sign-off form: the coach's open warnings on the draft about to be recorded. It
 * informs, never blocks: reviewers see what was open with the version.
 */
export function SignOffOpenWarnings() {
  const coach = useCoachOptional();
  if (!coach?.ready) return null;
  const warnings = coach.open.filter((item) => item.finding.severity === 'warning');
  if (warnings.length === 0) return null;
  return (
    <div
      className="coach-signoff"
      data-testid="signoff-open-warnings"
      data-count={warnings.length}
      role="status"
    >
      <p className="coach-signoff-title">
        <strong>
          {warnings.length === 1 ? '1 coach warning is open' : `${warnings.length} coach warnings are open`}
        </strong>
      </p>
      <ul className="coach-signoff-list">
        {warnings.map((item) => (
          <li key={item.key}>{item.finding.message}</li>
        ))}
      </ul>
      <p className="coach-signoff-note">
        Sign-off is not blocked by them; reviewers will see what was open.{' '}
        <button type="button" className="btn-link" onClick={revealChecklist}>
          See the checklist
        </button>
      </p>
    </div>
  );
}
