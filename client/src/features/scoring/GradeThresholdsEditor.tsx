import { useId, useState } from 'react';
import {
  DEFAULT_THRESHOLDS,
  IcpValueError,
  readScoringSettings,
  scoringMapOf,
  thresholdsIn,
  writeThresholds,
  type Grade,
  type GradeThresholds,
} from '@bullseye/shared';
import type * as Y from 'yjs';
import { useYValue } from '../../collab/useYValue.js';
import { GradeLetter } from './GradeLetter.js';

const BOUNDS = ['a', 'b', 'c'] as const;
type Bound = (typeof BOUNDS)[number];
const GRADE_OF = { a: 'A', b: 'B', c: 'C' } as const satisfies Record<Bound, Grade>;

const isDefault = (t: GradeThresholds) =>
  t.a === DEFAULT_THRESHOLDS.a && t.b === DEFAULT_THRESHOLDS.b && t.c === DEFAULT_THRESHOLDS.c;

/**
 * Where grades A, B and C start on the 0–100 fit score (below C is D), set per ICP in the shared
 * document: a change regrades every account, here and in the dataset scorings of the draft.
 */
export function GradeThresholdsEditor({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const thresholds = useYValue(scoringMapOf(doc), () => thresholdsIn(readScoringSettings(doc)));
  const [drafts, setDrafts] = useState<Partial<Record<Bound, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const errorId = useId();

  function write(next: GradeThresholds | null): boolean {
    try {
      writeThresholds(doc, next === null || isDefault(next) ? null : next);
      setError(null);
      return true;
    } catch (e) {
      if (!(e instanceof IcpValueError)) throw e;
      const bound = /\.(a|b|c)$/.exec(e.field)?.[1];
      const message = e.message.charAt(0).toUpperCase() + e.message.slice(1);
      setError(
        bound && !/^[ABC] /.test(e.message) ? `Grade ${bound.toUpperCase()} ${e.message}.` : `${message}.`,
      );
      return false;
    }
  }

  function commit(bound: Bound) {
    const draft = drafts[bound];
    if (draft === undefined) return;
    const value = draft.trim() === '' ? Number.NaN : Number(draft);
    if (value === thresholds[bound] || write({ ...thresholds, [bound]: value })) {
      setDrafts(({ [bound]: _done, ...rest }) => rest);
    }
  }

  return (
    <section className="data-card grades" aria-labelledby={titleId} data-testid="grade-thresholds">
      <div className="data-card-head">
        <h3 id={titleId}>Grades</h3>
        {!readOnly && !isDefault(thresholds) && (
          <button
            type="button"
            className="btn-link small"
            onClick={() => {
              setDrafts({});
              write(null);
            }}
          >
            Reset to {DEFAULT_THRESHOLDS.a} / {DEFAULT_THRESHOLDS.b} / {DEFAULT_THRESHOLDS.c}
          </button>
        )}
      </div>
      <p className="muted small">
        Where each grade starts on the 0–100 fit score; for this ICP, for everyone.
      </p>
      <div className="grade-steps">
        {BOUNDS.map((bound) => {
          const grade = GRADE_OF[bound];
          return (
            <span key={bound} className="grade-step">
              <GradeLetter grade={grade} small />
              <span className="grade-step-from">from</span>
              {readOnly ? (
                <strong data-testid={`threshold-${bound}`}>{thresholds[bound]}</strong>
              ) : (
                <input
                  className="input input-sm grade-input"
                  type="number"
                  min={1}
                  max={100}
                  step={1}
                  aria-label={`Grade ${grade} from`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  value={drafts[bound] ?? String(thresholds[bound])}
                  onChange={(e) => setDrafts((d) => ({ ...d, [bound]: e.target.value }))}
                  onBlur={() => commit(bound)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      commit(bound);
                    }
                  }}
                />
              )}
            </span>
          );
        })}
        <span className="grade-step">
          <GradeLetter grade="D" small />
          <span className="grade-step-from">below {thresholds.c}</span>
        </span>
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
