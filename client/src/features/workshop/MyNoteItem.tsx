import { useState } from 'react';
import { WORKSHOP_LIMITS, type WorkshopNoteDto } from '@bullseye/shared';
import { workshopApi } from '../../api/workshopApi.js';
import { useWorkshop } from './workshopContext.js';

/** One of this person's notes while the step is writing: edit in place, or delete. */
export function MyNoteItem({ note }: { note: WorkshopNoteDto }) {
  const { run } = useWorkshop();
  const [draft, setDraft] = useState<string | null>(null);

  async function save() {
    const text = draft?.trim();
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
          maxLength={WORKSHOP_LIMITS.maxNoteLength}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
        <button type="button" className="btn btn-sm btn-primary" onClick={() => void save()}>
          Save
        </button>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => setDraft(null)}>
          Cancel
        </button>
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
