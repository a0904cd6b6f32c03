import { useId, useState, type FormEvent } from 'react';
import { findSection, WORKSHOP_LIMITS, type SectionKey } from '@bullseye/shared';
import { workshopApi } from '../../api/workshopApi.js';
import { useWorkshop } from './workshopContext.js';

/** Writes one note (a candidate criterion) for one section of the step; hidden from others until revealed. */
export function NoteComposer({ section }: { section: SectionKey }) {
  const { run } = useWorkshop();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const title = findSection(section)?.title ?? section;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (!value || busy) return;
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
          maxLength={WORKSHOP_LIMITS.maxNoteLength}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="submit"
          className="btn btn-sm"
          disabled={busy || !text.trim()}
          aria-label={`Add note to ${title}`}
        >
          Add
        </button>
      </div>
    </form>
  );
}
