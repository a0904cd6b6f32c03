import { useMemo, useState } from 'react';
import { findSection, type WorkshopNoteDto, type WorkshopStepDto } from '@bullseye/shared';
import { byVotes, notesBySection } from './notesBySection.js';
import { RevealedNote } from './RevealedNote.js';
import { suggestedWinners } from './winners.js';
import { useWorkshop } from './workshopContext.js';

/** Results by votes, with voters unless anonymous; the facilitator adds the winners to the ICP. */
export function ClosedPhase({ step, notes }: { step: WorkshopStepDto; notes: WorkshopNoteDto[] }) {
  const { workshop, act } = useWorkshop();
  const suggested = useMemo(() => suggestedWinners(notes), [notes]);
  const suggestedKey = suggested.join(',');
  const [selection, setSelection] = useState(() => ({ key: suggestedKey, ids: new Set(suggested) }));
  const [busy, setBusy] = useState(false);
  // A merge or a promotion changes what leads: suggest again.
  if (selection.key !== suggestedKey) setSelection({ key: suggestedKey, ids: new Set(suggested) });
  const selected = selection.ids;
  if (!workshop) return null;
  const facilitator = workshop.you.facilitator;
  const chosen = [...selected].filter((id) => notes.some((n) => n.id === id && !n.promoted));

  const toggle = (id: string, on: boolean) =>
    setSelection((s) => {
      const ids = new Set(s.ids);
      if (on) ids.add(id);
      else ids.delete(id);
      return { ...s, ids };
    });

  async function promote() {
    setBusy(true);
    await act({ type: 'promote', noteIds: chosen });
    setBusy(false);
  }

  return (
    <div className="workshop-phase" data-phase="closed">
      <p className="muted small">
        Results{step.anonymousVotes ? ' (anonymous round)' : ''}: {step.voters}{' '}
        {step.voters === 1 ? 'person' : 'people'} voted.
        {facilitator && ' The leading notes are selected; change the selection, then add them to the ICP.'}
      </p>
      {notesBySection(step, notes).map(({ section, notes: inSection }) => (
        <section key={section} className="workshop-section-notes" aria-label={findSection(section)?.title}>
          <h4 className="workshop-section-title">{findSection(section)?.title}</h4>
          <ol className="notes notes-results">
            {byVotes(inSection).map((note) => (
              <RevealedNote
                key={note.id}
                note={note}
                lead={
                  <span
                    className="note-votes"
                    data-testid="note-votes"
                    aria-label={`${note.votes ?? 0} votes`}
                  >
                    {note.votes ?? 0}
                  </span>
                }
                meta={
                  note.voters &&
                  note.voters.length > 0 && (
                    <span className="note-voters"> · voted: {note.voters.map((v) => v.name).join(', ')}</span>
                  )
                }
              >
                {facilitator && !note.promoted && (
                  <input
                    type="checkbox"
                    className="note-select"
                    data-testid="workshop-select-winner"
                    aria-label={`Add “${note.text}” to the ICP`}
                    checked={selected.has(note.id)}
                    onChange={(e) => toggle(note.id, e.target.checked)}
                  />
                )}
              </RevealedNote>
            ))}
          </ol>
        </section>
      ))}
      {facilitator && (
        <button
          type="button"
          className="btn btn-primary btn-block"
          data-testid="workshop-promote"
          disabled={busy || chosen.length === 0}
          onClick={() => void promote()}
        >
          Add to ICP{chosen.length > 0 ? ` (${chosen.length})` : ''}
        </button>
      )}
    </div>
  );
}
