import { useId } from 'react';
import { ICP_KINDS, type IcpKind } from '@bullseye/shared';
import { KIND_TEXT } from './kindText.js';
import '../../styles/icpKinds.css';

/** The choice between an ICP (who we sell to) and a negative ICP (who we never sell to). */
export function IcpKindField({
  value,
  onChange,
  legend = 'Kind',
}: {
  value: IcpKind;
  onChange: (kind: IcpKind) => void;
  legend?: string;
}) {
  const id = useId();
  return (
    <fieldset className="kind-choice">
      <legend className="field-label">{legend}</legend>
      {ICP_KINDS.map((kind) => (
        <div key={kind} className={`kind-choice-option ${value === kind ? 'kind-choice-selected' : ''}`}>
          <input
            type="radio"
            id={`${id}-${kind}`}
            name={`${id}-kind`}
            value={kind}
            checked={value === kind}
            aria-describedby={`${id}-${kind}-hint`}
            onChange={() => onChange(kind)}
          />
          <div>
            <label htmlFor={`${id}-${kind}`}>{KIND_TEXT[kind].label}</label>
            <p id={`${id}-${kind}-hint`} className="muted small">
              {KIND_TEXT[kind].description}
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
