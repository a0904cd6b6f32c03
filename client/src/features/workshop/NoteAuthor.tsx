import { FUNCTION_LABELS, type WorkshopNoteDto } from '@bullseye/shared';

/** "Ana · Sales": who wrote a note and for which function. */
export function NoteAuthor({ author }: { author: WorkshopNoteDto['author'] }) {
  return (
    <span className="note-author">
      {author.name}
      {author.function && (
        <span className={`fn-tag fn-${author.function}`}>{FUNCTION_LABELS[author.function]}</span>
      )}
    </span>
  );
}
