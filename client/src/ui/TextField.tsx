import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { lengthState, type TextMeasure } from '@bullseye/shared';
import { LengthHint } from './LengthHint.js';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  label: string;
  /** Shown under the input until there is an error, and read out with it. */
  hint?: ReactNode;
  error?: string | null | undefined;
  /** Something after the input on the same line, e.g. a "Show" button. */
  addon?: ReactNode;
  /** Draw the addon inside the input's right edge. */
  addonInset?: boolean;
  ref?: Ref<HTMLInputElement>;
  /**
   * A length limit, shown as a counter near it and a refusal past it (never `maxLength`, which
   * cuts pastes silently). `action` finishes "shorten it to …".
   */
  limit?: { max: number; measure?: TextMeasure; action: string };
}

/** A labelled input with its hint and its error, tied together for screen readers. */
export function TextField({ label, hint, error, addon, addonInset, limit, ref, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const lengthId = `${id}-length`;
  const text = typeof input.value === 'string' ? input.value : '';
  const length = limit ? lengthState(text, limit.max, limit.measure) : null;
  const describedBy = [hint ? hintId : null, length?.near ? lengthId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className={addon ? `field-control ${addonInset ? 'field-control-inset' : ''}` : undefined}>
        <input
          ref={ref}
          id={id}
          className="input"
          aria-invalid={error || (length && length.over > 0) ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...input}
        />
        {addon}
      </div>
      {hint && !error && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {hint && error && (
        <span id={hintId} hidden>
          {hint}
        </span>
      )}
      {limit && <LengthHint id={lengthId} text={text} {...limit} />}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
