import { findSection, type WorkshopNoteDto, type WorkshopStepDto } from '@bullseye/shared';
import { byVotes, notesBySection } from './notesBySection.js';

/** At most this many notes per section fit the projector; the rest are counted. */
const MAX_NOTES = 12;

/** The brainstorm board for the room: revealed notes, or once voting closed, the results. */
export function ProjectorNotes({ step, notes }: { step: WorkshopStepDto; notes: WorkshopNoteDto[] }) {
  const results = step.phase === 'closed';
  const groups = notesBySection(step, notes);
  return (
    <>
      <p className="projector-status">
        {step.phase === 'revealed' && `${notes.length} ${notes.length === 1 ? 'note' : 'notes'} on the board`}
        {step.phase === 'voting' &&
          `Voting: ${step.voteBudget} votes each · ${step.voters} ${step.voters === 1 ? 'person has' : 'people have'} voted`}
        {results && 'Results'}
      </p>
      <div className="projector-sections" style={{ ['--count' as string]: Math.min(groups.length, 4) }}>
        {groups.map(({ section, notes: inSection }) => {
          const shown = (results ? byVotes(inSection) : inSection).slice(0, MAX_NOTES);
          const more = inSection.length - shown.length;
          return (
            <section key={section} className="projector-section" aria-labelledby={`projector-${section}`}>
              <h2 id={`projector-${section}`}>{findSection(section)?.title}</h2>
              <ul className={`projector-notes ${results ? 'projector-results' : ''}`}>
                {shown.map((note) => (
                  <li key={note.id} className={note.promoted ? 'projector-note-promoted' : ''}>
                    <span className="projector-note-text">{note.text}</span>
                    {results && <span className="projector-votes">{note.votes ?? 0}</span>}
                  </li>
                ))}
              </ul>
              {more > 0 && <p className="projector-more">+ {more} more</p>}
            </section>
          );
        })}
      </div>
    </>
  );
}
