import { findSection, noteSections, type WorkshopNoteDto, type WorkshopStepDto } from '@bullseye/shared';
import { MyNoteItem } from './MyNoteItem.js';
import { NoteComposer } from './NoteComposer.js';
import { useWorkshop } from './workshopContext.js';

/** Silent writing: a composer per section, this person's notes, how many others wrote; Reveal. */
export function WritingPhase({ step, notes }: { step: WorkshopStepDto; notes: WorkshopNoteDto[] }) {
  const { workshop, act } = useWorkshop();
  if (!workshop) return null;
  const mine = notes.filter((n) => n.mine);
  const total = step.hiddenNotes + notes.length;
  return (
    <div className="workshop-phase" data-phase="writing">
      <p className="workshop-hidden" data-testid="workshop-hidden-count" role="status">
        {step.hiddenNotes > 0
          ? `${step.hiddenNotes} ${step.hiddenNotes === 1 ? 'note' : 'notes'} from ${step.hiddenAuthors} ${step.hiddenAuthors === 1 ? 'person' : 'people'}, hidden until the facilitator reveals them.`
          : 'Write silently: notes stay hidden from the others until the facilitator reveals them all at once.'}
      </p>
      {workshop.you.mayPropose ? (
        noteSections(step).map((section) => {
          const own = mine.filter((n) => n.section === section);
          return (
            <div key={section} className="workshop-section-notes">
              <NoteComposer section={section} />
              {own.length > 0 && (
                <ul className="notes" aria-label={`Your notes for ${findSection(section)?.title ?? section}`}>
                  {own.map((note) => (
                    <MyNoteItem key={note.id} note={note} />
                  ))}
                </ul>
              )}
            </div>
          );
        })
      ) : (
        <p className="muted small">Viewers watch; commenters, editors and admins write notes and vote.</p>
      )}
      {workshop.you.facilitator && (
        <button
          type="button"
          className="btn btn-primary btn-block"
          data-testid="workshop-reveal"
          disabled={total === 0}
          onClick={() => void act({ type: 'reveal' })}
        >
          Reveal all notes{total > 0 ? ` (${total})` : ''}
        </button>
      )}
    </div>
  );
}
