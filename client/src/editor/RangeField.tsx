import { useState } from 'react';
import {
  CURRENCIES,
  IcpValueError,
  rangeOf,
  readRange,
  writeRange,
  type Currency,
  type IcpRangeSection,
  type RangeSection,
  type RangeValue,
} from '@bullseye/shared';
import type * as Y from 'yjs';
import { useYValue } from '../collab/useYValue.js';
import { EvidenceMarker } from '../features/insights/EvidenceMarker.js';
import { AcceptableBandInputs } from '../features/scoring/AcceptableBandInputs.js';
import { AcceptableBandSummary } from '../features/scoring/AcceptableBandSummary.js';
import { BoundInput } from './BoundInput.js';
import { boundProblemText, rangeErrorText } from './rangeMessages.js';
import { rangeSummary } from './rangeSummary.js';

interface RangeFieldProps {
  doc: Y.Doc;
  section: IcpRangeSection;
  readOnly: boolean;
}

const NOUN: Record<RangeSection['unit'], string> = { employees: 'employees', money: 'revenue' };

/**
 * A numeric band (employees, revenue with currency). Each bound is its own Yjs key, so one person
 * setting the minimum while another sets the maximum keeps both. Values are written when the
 * person presses Enter or leaves the field; amounts accept shorthand such as 250k or 2.5M.
 */
export function RangeField({ doc, section, readOnly }: RangeFieldProps) {
  const value = useYValue(rangeOf(doc, section.key), () => readRange(doc, section.key));
  const [error, setError] = useState<string | null>(null);
  const noun = NOUN[section.unit];

  function write(patch: Partial<RangeValue>): boolean {
    try {
      writeRange(doc, section.key, patch);
      setError(null);
      return true;
    } catch (e) {
      if (!(e instanceof IcpValueError)) throw e;
      setError(rangeErrorText(e, noun));
      return false;
    }
  }

  const crossed = value.min !== null && value.max !== null && value.min > value.max;
  return (
    <div className="range-field">
      {!readOnly && (
        <div className="row range-inputs">
          <BoundInput
            label={`Minimum ${noun}`}
            placeholder="Min"
            value={value.min}
            readOnly={readOnly}
            max={section.max}
            onCommit={(min) => write({ min })}
            onInvalid={(problem) => setError(boundProblemText('Minimum', noun, problem, section.max))}
          />
          <span className="range-sep" aria-hidden="true">
            to
          </span>
          <BoundInput
            label={`Maximum ${noun}`}
            placeholder="Max"
            value={value.max}
            readOnly={readOnly}
            max={section.max}
            onCommit={(max) => write({ max })}
            onInvalid={(problem) => setError(boundProblemText('Maximum', noun, problem, section.max))}
          />
          {section.unit === 'money' && (
            <select
              className="input input-sm currency"
              aria-label="Currency"
              value={value.currency ?? 'USD'}
              disabled={readOnly}
              onChange={(e) => write({ currency: e.target.value as Currency })}
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      <div className="range-evidence">
        <p
          className={
            readOnly && (value.min !== null || value.max !== null)
              ? 'range-summary range-summary-readonly'
              : 'range-summary muted small'
          }
          data-testid={`range-${section.key}`}
        >
          {rangeSummary(value, section)}
        </p>
        {value.evidence && <EvidenceMarker evidence={value.evidence} label={section.title} />}
      </div>
      {readOnly ? (
        <AcceptableBandSummary range={value} section={section} testId={`acceptable-${section.key}`} />
      ) : (
        <AcceptableBandInputs doc={doc} section={section} value={value} noun={noun} onError={setError} />
      )}
      {crossed && !readOnly && (
        <p className="field-warning" role="status">
          The minimum is above the maximum (two people may have edited at once). Fix one of them.
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
