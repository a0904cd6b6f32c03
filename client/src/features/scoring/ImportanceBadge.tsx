import { importanceLabel, type Importance } from '@bullseye/shared';
import '../../styles/scoring.css';

/** What the importances mean, as tooltips and the importance control's description say it. */
export const IMPORTANCE_HINT =
  'How much this criterion counts in the fit score. Must have counts 3 and a miss caps the grade at C; ' +
  'Strong counts 2 (the default); Nice to have counts 1; a custom weight is anything from 0 to 10 ' +
  '(0: shown, not scored). Weights are relative: only how they compare matters.';

/** The CSS modifier of an importance: its level, or `explicit` for a custom weight. */
export function importanceClass(importance: Importance): string {
  return `importance-${typeof importance === 'number' ? 'explicit' : importance}`;
}

/** A criterion's importance, read-only: "Must have", "Strong", "Nice to have", "Weight 4.5". */
export function ImportanceBadge({ importance, testId }: { importance: Importance; testId?: string }) {
  return (
    <span
      className={`importance importance-badge ${importanceClass(importance)}`}
      title={IMPORTANCE_HINT}
      data-testid={testId}
    >
      <span className="visually-hidden">Importance: </span>
      {importanceLabel(importance)}
    </span>
  );
}
