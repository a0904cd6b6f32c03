import { useState } from 'react';
import { findSection, type WorkshopNoteDto, type WorkshopStepDto } from '@bullseye/shared';
import { workshopApi } from '../../api/workshopApi.js';
import { notesBySection } from './notesBySection.js';
import { RevealedNote } from './RevealedNote.js';
import { useWorkshop } from './workshopContext.js';

/** Dot-voting: spread the budget over the notes (several on one allowed); totals stay hidden. */
export function VotingPhase({ step, notes }: { step: WorkshopStepDto; notes: WorkshopNoteDto[] }) {
  const { workshop, act } = useWorkshop();
  if (!workshop) return null;
  const canVote = workshop.you.mayPropose;
  return (
    <div className="workshop-phase" data-phase="voting">
      <p className="workshop-votes-left" role="status" data-testid="workshop-votes-left">
        {canVote ? (
          <>
            <strong>
              {step.myVotesLeft} of {step.voteBudget}
            </strong>{' '}
            {step.myVotesLeft === 1 ? 'vote' : 'votes'} left
          </>
        ) : (
          'Voting is open'
        )}
        <span className="muted">
          {' '}
          · {step.voters} {step.voters === 1 ? 'person has' : 'people have'} voted
          {step.anonymousVotes ? ' · anonymous' : ''}. Totals show when the round closes.
        </span>
      </p>
      {notesBySection(step, notes).map(({ section, notes: inSection }) => (
        <section key={section} className="workshop-section-notes" aria-label={findSection(section)?.title}>
          <h4 className="workshop-section-title">{findSection(section)?.title}</h4>
          <ul className="notes">
            {inSection.map((note) => (
              <RevealedNote key={note.id} note={note}>
                {canVote && <VoteButtons note={note} left={step.myVotesLeft} />}
              </RevealedNote>
            ))}
          </ul>
        </section>
      ))}
      {workshop.you.facilitator && (
        <button
          type="button"
          className="btn btn-primary btn-block"
          data-testid="workshop-close-voting"
          onClick={() => void act({ type: 'closeVoting' })}
        >
          Close voting and show results
        </button>
      )}
    </div>
  );
}

function VoteButtons({ note, left }: { note: WorkshopNoteDto; left: number }) {
  const { run } = useWorkshop();
  const [busy, setBusy] = useState(false);
  const set = async (count: number) => {
    setBusy(true);
    await run((id) => workshopApi.vote(id, note.id, count));
    setBusy(false);
  };
  return (
    <span className="vote-buttons" role="group" aria-label={`Your votes on “${note.text}”`}>
      <button
        type="button"
        className="icon-btn vote-btn"
        data-testid="vote-down"
        aria-label={`Remove a vote from “${note.text}”`}
        disabled={busy || note.myVotes === 0}
        onClick={() => void set(note.myVotes - 1)}
      >
        −
      </button>
      <span className="vote-count" data-testid="my-votes" aria-label={`${note.myVotes} of your votes`}>
        {note.myVotes}
      </span>
      <button
        type="button"
        className="icon-btn vote-btn"
        data-testid="vote-up"
        aria-label={`Add a vote to “${note.text}”`}
        disabled={busy || left === 0}
        onClick={() => void set(note.myVotes + 1)}
      >
        +
      </button>
    </span>
  );
}
