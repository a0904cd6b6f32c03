import { useId, useState } from 'react';
import { findSection, WORKSHOP_LIMITS, type WorkshopNoteDto, type WorkshopStepDto } from '@bullseye/shared';
import { notesBySection } from './notesBySection.js';
import { RevealedNote } from './RevealedNote.js';
import { useWorkshop } from './workshopContext.js';

/** Every note on the board, by section; the facilitator merges duplicates and opens the vote. */
export function RevealedPhase({ step, notes }: { step: WorkshopStepDto; notes: WorkshopNoteDto[] }) {
  const { workshop } = useWorkshop();
  if (!workshop) return null;
  const facilitator = workshop.you.facilitator;
  return (
    <div className="workshop-phase" data-phase="revealed">
      {notesBySection(step, notes).map(({ section, notes: inSection }) => (
        <section key={section} className="workshop-section-notes" aria-label={findSection(section)?.title}>
          <h4 className="workshop-section-title">
            {findSection(section)?.title} <span className="muted small">({inSection.length})</span>
          </h4>
          {inSection.length === 0 ? (
            <p className="muted small">No notes.</p>
          ) : (
            <ul className="notes">
              {inSection.map((note) => (
                <RevealedNote key={note.id} note={note}>
                  {facilitator && inSection.length > 1 && <MergeSelect note={note} others={inSection} />}
                </RevealedNote>
              ))}
            </ul>
          )}
        </section>
      ))}
      {facilitator && <StartVotingForm />}
    </div>
  );
}

function MergeSelect({ note, others }: { note: WorkshopNoteDto; others: WorkshopNoteDto[] }) {
  const { act } = useWorkshop();
  return (
    <select
      className="input input-sm note-merge"
      aria-label={`Merge “${note.text}” into…`}
      data-testid="workshop-merge"
      value=""
      onChange={(e) => {
        if (e.target.value) void act({ type: 'merge', noteId: note.id, intoId: e.target.value });
      }}
    >
      <option value="">Merge into…</option>
      {others
        .filter((o) => o.id !== note.id)
        .map((o) => (
          <option key={o.id} value={o.id}>
            {o.text.length > 50 ? `${o.text.slice(0, 49)}…` : o.text}
          </option>
        ))}
    </select>
  );
}

function StartVotingForm() {
  const { act } = useWorkshop();
  const [budget, setBudget] = useState<number>(WORKSHOP_LIMITS.defaultVoteBudget);
  const [anonymous, setAnonymous] = useState(false);
  const budgetId = useId();
  const valid = Number.isInteger(budget) && budget >= 1 && budget <= WORKSHOP_LIMITS.maxVoteBudget;
  return (
    <form
      className="workshop-vote-setup"
      aria-label="Start voting"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void act({ type: 'startVoting', budget, anonymous });
      }}
    >
      <div className="row">
        <label htmlFor={budgetId} className="small">
          Votes per person
        </label>
        <input
          id={budgetId}
          type="number"
          className="input input-sm workshop-budget"
          data-testid="workshop-vote-budget"
          min={1}
          max={WORKSHOP_LIMITS.maxVoteBudget}
          value={Number.isNaN(budget) ? '' : budget}
          onChange={(e) => setBudget(e.target.valueAsNumber)}
        />
        <label className="check small">
          <input
            type="checkbox"
            data-testid="workshop-vote-anonymous"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
          />
          Anonymous
        </label>
      </div>
      <button
        type="submit"
        className="btn btn-primary btn-block"
        data-testid="workshop-start-voting"
        disabled={!valid}
      >
        Start voting
      </button>
    </form>
  );
}
