import { useState } from 'react';
import { formatExact, readAmount } from './numberFormat.js';
import type { AmountProblem } from './rangeMessages.js';

interface BoundInputProps {
  label: string;
  placeholder: string;
  value: number | null;
  readOnly: boolean;
  /** The largest value the section accepts. */
  max: number;
  onCommit: (value: number | null) => boolean;
  onInvalid: (problem: AmountProblem) => void;
  /** Takes the keyboard when it appears (opened on request). */
  autoFocus?: boolean;
}

/**
 * One bound of a band: shows the stored value, or while typing the person's own text, read (250k,
 * 2.5M) and committed on Enter or when leaving; Escape goes back to the stored value.
 */
export function BoundInput({
  label,
  placeholder,
  value,
  readOnly,
  max,
  onCommit,
  onInvalid,
  autoFocus,
}: BoundInputProps) {
  const [draft, setDraft] = useState<string | null>(null);

  function commit() {
    if (draft === null) return;
    const reading = readAmount(draft, max);
    if (!reading.ok) {
      onInvalid(reading.problem);
      return;
    }
    if (reading.value === value || onCommit(reading.value)) setDraft(null);
  }

  return (
    <input
      className="input input-sm range-input"
      inputMode="decimal"
      aria-label={label}
      placeholder={placeholder}
      autoFocus={autoFocus}
      value={draft ?? formatExact(value)}
      readOnly={readOnly}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          setDraft(null);
        }
      }}
    />
  );
}
