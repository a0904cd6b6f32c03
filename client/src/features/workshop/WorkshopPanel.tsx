import { useState } from 'react';
import { AgendaList } from './AgendaList.js';
import { CoverageGrid } from './CoverageGrid.js';
import { PastWorkshops } from './PastWorkshops.js';
import { StartWorkshopDialog } from './StartWorkshopDialog.js';
import { StepBoard } from './StepBoard.js';
import { useWorkshop } from './workshopContext.js';

/**
 * The Workshop tab of the editor's panel: while a session runs, the current brainstorm's board
 * (notes, reveal, votes, results), the agenda and function coverage; otherwise Start workshop for
 * editors and admins. Past sessions link to their summaries either way.
 */
export function WorkshopPanel() {
  const { workshop, loaded, error, reload, mayStart, act } = useWorkshop();
  const [starting, setStarting] = useState(false);
  const step = workshop?.steps[workshop.currentStep];

  return (
    <div className="workshop-panel" data-testid="workshop-panel">
      {error && (
        <div className="comment-error" role="alert">
          <span className="grow">The workshop could not be loaded: {error.message}</span>
          <button type="button" className="btn btn-sm" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {!loaded && <p className="muted small">Loading…</p>}
      {loaded && !workshop && (
        <div className="workshop-intro">
          <p>
            Run a timeboxed ICP workshop here: an agenda of steps, a shared countdown, silent brainstorming,
            dot-voting, and a summary for whoever missed it.
          </p>
          {mayStart ? (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="workshop-start"
              onClick={() => setStarting(true)}
            >
              Start workshop…
            </button>
          ) : (
            <p className="muted small">No workshop is running. Editors and admins can start one.</p>
          )}
        </div>
      )}
      {workshop && !workshop.you.participant && (
        <div className="workshop-join-card">
          <p>
            <strong>{workshop.facilitator.name}</strong> is running a workshop on this ICP.
          </p>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="workshop-join-panel"
            onClick={() => void act({ type: 'join' })}
          >
            Join workshop
          </button>
        </div>
      )}
      {workshop && step?.kind === 'brainstorm' && <StepBoard step={step} />}
      {workshop && step?.kind === 'discuss' && (
        <section className="workshop-board" data-testid="workshop-board">
          <header className="workshop-board-head">
            <h3>{step.title}</h3>
            <span className="badge">Discussion</span>
          </header>
          {step.prompt && <p className="workshop-prompt">{step.prompt}</p>}
          <p className="muted small">Talk it through and edit the highlighted sections together.</p>
        </section>
      )}
      {workshop && (
        <>
          <h3 className="workshop-subhead">Agenda</h3>
          <AgendaList />
          <CoverageGrid />
        </>
      )}
      <PastWorkshops />
      {starting && <StartWorkshopDialog onClose={() => setStarting(false)} />}
    </div>
  );
}
