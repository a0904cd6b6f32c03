import { useState } from 'react';
import { findSection, lengthState, WORKSHOP_LIMITS, type WorkshopNoteDto } from '@bullseye/shared';
import { LengthHint } from '../../ui/LengthHint.js';
import { workshopApi } from '../../api/workshopApi.js';
import { useWorkshop } from './workshopContext.js';

/** One of this person's notes while the step is writing: edit in place, or delete. */
export function MyNoteItem({ note }: { note: WorkshopNoteDto }) {
  const { run } = useWorkshop();
  const [draft, setDraft] = useState<string | null>(null);
  const section = findSection(note.section);
  // A note for a list becomes its criterion when promoted, so it has the criterion's limit.
  const max = section?.kind === 'list' ? section.maxLength : WORKSHOP_LIMITS.maxNoteLength;
  const tooLong = draft !== null && lengthState(draft, max, 'collapse').over > 0;

  async function save() {
    const text = draft?.trim();
    if (tooLong) return;
    if (!text || text === note.text) return setDraft(null);
    const answer = await run((id) => workshopApi.editNote(id, note.id, text));
    if (answer) setDraft(null);
  }

  if (draft !== null) {
    return (
      <li className="note note-mine note-editing" data-testid="my-note" data-note-id={note.id}>
        <input
          className="input input-sm grow"
          aria-label="Edit note"
          value={draft}
          aria-invalid={tooLong || undefined}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
        <button
          type="button"
          className="btn btn-sm btn-primary"
          disabled={tooLong}
          onClick={() => void save()}
        >
          Save
        </button>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => setDraft(null)}>
          Cancel
        </button>
        <LengthHint text={draft} max={max} measure="collapse" action="save" />
      </li>
    );
  }
  return (
    <li className="note note-mine" data-testid="my-note" data-note-id={note.id}>
      <span className="note-text grow" dir="auto">
        {note.text}
      </span>
      <button
        type="button"
        className="btn-link small"
        aria-label={`Edit note “${note.text}”`}
        onClick={() => setDraft(note.text)}
      >
        Edit
      </button>
      <button
        type="button"
        className="btn-link small note-delete"
        aria-label={`Delete note “${note.text}”`}
        onClick={() => void run((id) => workshopApi.deleteNote(id, note.id))}
      >
        Delete
      </button>
    </li>
  );
}
