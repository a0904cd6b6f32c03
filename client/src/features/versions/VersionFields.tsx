import { useId, type ReactNode } from 'react';
import { lengthState, LIMITS } from '@bullseye/shared';
import { LengthHint } from '../../ui/LengthHint.js';

interface VersionFieldsProps {
  name: string;
  note: string;
  onNameChange: (name: string) => void;
  onNoteChange: (note: string) => void;
  noteLabel: ReactNode;
  namePlaceholder?: string;
  notePlaceholder?: string;
  /** Whether this browser's edits are all stored, so a version taken now includes them. */
  draftSaved: boolean;
  onEscape?: () => void;
}

/** The name and note of a new version, and a notice while this browser's last edits are on their way. */
export function VersionFields(props: VersionFieldsProps) {
  const id = useId();
  const nameTooLong = lengthState(props.name, LIMITS.maxVersionNameLength).over > 0;
  const noteTooLong = lengthState(props.note, LIMITS.maxVersionNoteLength).over > 0;
  return (
    <>
      <label htmlFor={`${id}-name`} className="field-label">
        Version name
      </label>
      <input
        id={`${id}-name`}
        className="input"
        value={props.name}
        placeholder={props.namePlaceholder}
        dir="auto"
        aria-invalid={nameTooLong ? true : undefined}
        aria-describedby={`${id}-name-length`}
        autoFocus
        onChange={(e) => props.onNameChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onEscape?.();
        }}
      />
      <LengthHint
        id={`${id}-name-length`}
        text={props.name}
        max={LIMITS.maxVersionNameLength}
        action="save"
      />
      <label htmlFor={`${id}-note`} className="field-label">
        {props.noteLabel} <span className="muted">(optional)</span>
      </label>
      <textarea
        id={`${id}-note`}
        className="input textarea"
        rows={2}
        value={props.note}
        dir="auto"
        aria-invalid={noteTooLong ? true : undefined}
        aria-describedby={`${id}-note-length`}
        placeholder={props.notePlaceholder}
        onChange={(e) => props.onNoteChange(e.target.value)}
      />
      <LengthHint
        id={`${id}-note-length`}
        text={props.note}
        max={LIMITS.maxVersionNoteLength}
        action="save"
      />
      {!props.draftSaved && (
        <p className="muted small" role="status">
          Waiting for your last edits to reach the server, so the version includes them…
        </p>
      )}
    </>
  );
}
