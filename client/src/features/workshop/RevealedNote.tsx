import type { ReactNode } from 'react';
import type { WorkshopNoteDto } from '@bullseye/shared';
import { NoteAuthor } from './NoteAuthor.js';

/** A note everyone can see: its text, author and function, the duplicates merged into it. */
export function RevealedNote({
  note,
  children,
  lead,
  meta,
  className = '',
}: {
  note: WorkshopNoteDto;
  /** Before the text: a vote total. */
  lead?: ReactNode;
  /** After the author: who voted. */
  meta?: ReactNode;
  /** Controls beside it: merge, votes, a winner checkbox. */
  children?: ReactNode;
  className?: string;
}) {
  return (
    <li
      className={`note ${note.promoted ? 'note-promoted' : ''} ${className}`}
      data-testid="workshop-note"
      data-note-id={note.id}
    >
      {lead}
      <div className="note-main">
        <span className="note-text" dir="auto">
          {note.text}
        </span>
        <span className="note-meta small">
          <NoteAuthor author={note.author} />
          {note.mergedFrom.length > 0 && (
            <span
              className="note-merged"
              title={note.mergedFrom.map((m) => `“${m.text}” (${m.author.name})`).join('\n')}
            >
              {' '}
              · merged with {note.mergedFrom.map((m) => m.author.name).join(', ')}
            </span>
          )}
          {meta}
          {note.promoted && (
            <span className="badge badge-promoted" data-testid="note-promoted">
              In the ICP
            </span>
          )}
        </span>
      </div>
      {children}
    </li>
  );
}
