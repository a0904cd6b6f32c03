import { useId, type ReactNode } from 'react';
import { LIMITS } from '@bullseye/shared';

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
        maxLength={LIMITS.maxVersionNameLength}
        autoFocus
        onChange={(e) => props.onNameChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onEscape?.();
        }}
      />
      <label htmlFor={`${id}-note`} className="field-label">
        {props.noteLabel} <span className="muted">(optional)</span>
      </label>
      <textarea
        id={`${id}-note`}
        className="input textarea"
        rows={2}
        value={props.note}
        maxLength={LIMITS.maxVersionNoteLength}
        placeholder={props.notePlaceholder}
        onChange={(e) => props.onNoteChange(e.target.value)}
      />
      {!props.draftSaved && (
        <p className="muted small" role="status">
          Waiting for your last edits to reach the server, so the version includes them…
        </p>
      )}
    </>
  );
}
