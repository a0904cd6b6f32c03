import { useId, useState, type FormEvent } from 'react';
import { findSection, lengthState, WORKSHOP_LIMITS, type SectionKey } from '@bullseye/shared';
import { LengthHint } from '../../ui/LengthHint.js';
import { workshopApi } from '../../api/workshopApi.js';
import { useWorkshop } from './workshopContext.js';

/** Writes one note (a candidate criterion) for one section of the step; hidden from others until revealed. */
export function NoteComposer({ section }: { section: SectionKey }) {
  const { run } = useWorkshop();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const definition = findSection(section);
  const title = definition?.title ?? section;
  // A note for a list becomes its criterion when promoted, so it has the criterion's limit.
  const max = definition?.kind === 'list' ? definition.maxLength : WORKSHOP_LIMITS.maxNoteLength;
  const tooLong = lengthState(text, max, 'collapse').over > 0;
  const hintId = `${id}-length`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (!value || busy || tooLong) return;
    setBusy(true);
    const answer = await run((workshopId) => workshopApi.addNote(workshopId, section, value));
    setBusy(false);
    // Whatever was typed while the note was on its way stays in the field.
    if (answer) setText((current) => (current.trim() === value ? '' : current));
  }

  return (
    <form className="note-composer" data-testid={`note-composer-${section}`} onSubmit={(e) => void submit(e)}>
      <label htmlFor={id} className="note-composer-label">
        {title}
      </label>
      <div className="note-composer-row">
        <input
          id={id}
          className="input input-sm"
          data-testid={`note-input-${section}`}
          placeholder="One idea per note"
          aria-label={`New note for ${title}`}
          value={text}
          aria-describedby={hintId}
          aria-invalid={tooLong || undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="submit"
          className="btn btn-sm"
          disabled={busy || !text.trim() || tooLong}
          aria-label={`Add note to ${title}`}
        >
          Add
        </button>
      </div>
      <LengthHint id={hintId} text={text} max={max} measure="collapse" action="add it" />
    </form>
  );
}
