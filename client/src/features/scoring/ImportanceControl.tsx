import { useId, useState } from 'react';
import {
  DEFAULT_IMPORTANCE,
  IMPORTANCE_LABELS,
  IMPORTANCE_LEVELS,
  IcpValueError,
  MAX_EXPLICIT_WEIGHT,
  importanceIn,
  importanceWeight,
  readScoringSettings,
  scoringMapOf,
  writeImportance,
  type Importance,
  type ScoredSection,
} from '@bullseye/shared';
import type * as Y from 'yjs';
import { useYValue } from '../../collab/useYValue.js';
import { IMPORTANCE_HINT, ImportanceBadge, importanceClass } from './ImportanceBadge.js';

interface ImportanceControlProps {
  doc: Y.Doc;
  section: ScoredSection;
  /** The section's title, naming the control ("Importance of Industries"). */
  title: string;
  readOnly: boolean;
}

const CUSTOM = 'custom';

/**
 * A scored criterion's importance, in its section's header: Must have, Strong, Nice to have or a
 * custom weight, written to the shared document so everyone sees it change. Read-only people see
 * the importance without the control.
 */
export function ImportanceControl({ doc, section, title, readOnly }: ImportanceControlProps) {
  const importance = useYValue(scoringMapOf(doc), () => importanceIn(readScoringSettings(doc), section));
  const [weightDraft, setWeightDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const custom = typeof importance === 'number';

  if (readOnly) return <ImportanceBadge importance={importance} testId={`importance-${section}`} />;

  function write(next: Importance): boolean {
    try {
      // The default is stored as nothing, so an ICP nobody weighed keeps its canonical JSON.
      writeImportance(doc, section, next === DEFAULT_IMPORTANCE ? null : next);
      setError(null);
      return true;
    } catch (e) {
      if (!(e instanceof IcpValueError)) throw e;
      setError(`The weight ${e.message}.`);
      return false;
    }
  }

  function commitWeight() {
    if (weightDraft === null) return;
    const weight = Number(weightDraft.replace(',', '.'));
    if (weightDraft.trim() === '' || !Number.isFinite(weight)) {
      setError(`The weight must be a number from 0 to ${MAX_EXPLICIT_WEIGHT}.`);
      return;
    }
    if (weight === importance || write(weight)) setWeightDraft(null);
  }

  return (
    <span className={`importance ${importanceClass(importance)}`} data-testid={`importance-${section}`}>
      <select
        className="input importance-select"
        aria-label={`Importance of ${title}`}
        aria-describedby={hintId}
        title={IMPORTANCE_HINT}
        value={custom ? CUSTOM : importance}
        onChange={(e) => {
          setWeightDraft(null);
          // A custom weight starts from the weight the criterion has now.
          write(e.target.value === CUSTOM ? importanceWeight(importance) : (e.target.value as Importance));
        }}
      >
        {IMPORTANCE_LEVELS.map((l) => (
          <option key={l} value={l}>
            {IMPORTANCE_LABELS[l]}
          </option>
        ))}
        <option value={CUSTOM}>Custom weight</option>
      </select>
      {custom && (
        <input
          className="input importance-weight"
          type="number"
          min={0}
          max={MAX_EXPLICIT_WEIGHT}
          step={0.5}
          aria-label={`Weight of ${title}`}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          value={weightDraft ?? String(importance)}
          onChange={(e) => setWeightDraft(e.target.value)}
          onBlur={commitWeight}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commitWeight();
            } else if (e.key === 'Escape') {
              setWeightDraft(null);
              setError(null);
            }
          }}
        />
      )}
      <span id={hintId} className="visually-hidden">
        {IMPORTANCE_HINT}
      </span>
      {error && (
        <span className="importance-error field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
