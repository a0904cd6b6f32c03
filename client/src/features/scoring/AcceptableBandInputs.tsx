import { useState } from 'react';
import {
  IcpValueError,
  writeAcceptableBand,
  type IcpRangeSection,
  type RangeValue,
  type ScoringBand,
} from '@bullseye/shared';
import type * as Y from 'yjs';
import { BoundInput } from '../../editor/BoundInput.js';
import { rangeSummary } from '../../editor/rangeSummary.js';
import {
  acceptableErrorText,
  acceptableLabel,
  acceptableProblemText,
  widenedAcceptable,
} from './acceptableBand.js';
import { AcceptableBandSummary } from './AcceptableBandSummary.js';
import '../../styles/scoring.css';

interface AcceptableBandInputsProps {
  doc: Y.Doc;
  section: IcpRangeSection;
  /** The range as the document holds it now (ideal band and acceptable band). */
  value: RangeValue;
  /** "employees" or "revenue", for messages. */
  noun: string;
  /** Shows a message where the range shows its own (null clears it). */
  onError: (message: string | null) => void;
}

/**
 * A range's acceptable band, below its ideal band: accounts inside it but outside the ideal band
 * earn half the criterion's points. Folded to one line (the band in words, or a button to add
 * one) until someone edits it, so four ranges to a row stay short.
 */
export function AcceptableBandInputs({ doc, section, value, noun, onError }: AcceptableBandInputsProps) {
  const [open, setOpen] = useState(false);
  const acceptable = value.acceptable ?? { min: null, max: null };
  const widened = widenedAcceptable(value);
  const testId = `acceptable-${section.key}`;

  function write(band: ScoringBand): boolean {
    try {
      writeAcceptableBand(doc, section.key, band);
      onError(null);
      return true;
    } catch (e) {
      if (!(e instanceof IcpValueError)) throw e;
      onError(acceptableErrorText(e, noun));
      return false;
    }
  }

  const warning = widened && (
    <p className="field-warning" role="status">
      The acceptable band no longer holds the ideal band; scoring uses{' '}
      {widened.min === null && widened.max === null
        ? 'none'
        : rangeSummary({ ...widened, currency: value.currency }, section)}
      .
    </p>
  );

  if (!open) {
    return (
      <div className="acceptable-band acceptable-band-folded">
        {value.acceptable ? (
          <div className="acceptable-line">
            <AcceptableBandSummary range={value} section={section} testId={testId} />
            <button
              type="button"
              className="btn-link acceptable-edit"
              aria-label={`Edit the acceptable band of ${section.title}`}
              onClick={() => setOpen(true)}
            >
              Edit
            </button>
          </div>
        ) : (
          <button
            type="button"
            className="btn-link acceptable-edit"
            aria-label={`Add an acceptable band to ${section.title}`}
            title="A wider band whose accounts earn half the points"
            onClick={() => setOpen(true)}
          >
            + Acceptable band
          </button>
        )}
        {warning}
      </div>
    );
  }

  return (
    <div className="acceptable-band" data-testid={testId}>
      <p className="acceptable-caption">
        Acceptable band <span className="muted">· half points</span>
      </p>
      <div className="row range-inputs">
        <BoundInput
          label={acceptableLabel('min', noun)}
          placeholder="Min"
          value={acceptable.min}
          readOnly={false}
          max={section.max}
          autoFocus
          onCommit={(min) => write({ min, max: acceptable.max })}
          onInvalid={(problem) => onError(acceptableProblemText('min', noun, problem, section.max))}
        />
        <span className="range-sep" aria-hidden="true">
          to
        </span>
        <BoundInput
          label={acceptableLabel('max', noun)}
          placeholder="Max"
          value={acceptable.max}
          readOnly={false}
          max={section.max}
          onCommit={(max) => write({ min: acceptable.min, max })}
          onInvalid={(problem) => onError(acceptableProblemText('max', noun, problem, section.max))}
        />
        <button type="button" className="btn btn-sm" onClick={() => setOpen(false)}>
          Done
        </button>
      </div>
      {warning}
    </div>
  );
}
