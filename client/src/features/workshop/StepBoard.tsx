import type { WorkshopStepDto } from '@bullseye/shared';
import { ClosedPhase } from './ClosedPhase.js';
import { RevealedPhase } from './RevealedPhase.js';
import { VotingPhase } from './VotingPhase.js';
import { WritingPhase } from './WritingPhase.js';
import { useWorkshop } from './workshopContext.js';

const PHASE_LABEL = {
  writing: 'Silent writing',
  revealed: 'Notes revealed',
  voting: 'Voting',
  closed: 'Results',
} as const;

/** The current brainstorm step's board, by phase: write, reveal and merge, vote, results. */
export function StepBoard({ step }: { step: WorkshopStepDto }) {
  const { workshop } = useWorkshop();
  if (!workshop) return null;
  const notes = workshop.notes.filter((n) => n.stepId === step.id);
  return (
    <section className="workshop-board" aria-labelledby="workshop-board-title" data-testid="workshop-board">
      <header className="workshop-board-head">
        <h3 id="workshop-board-title">{step.title}</h3>
        <span className="badge" data-testid="workshop-phase" data-phase={step.phase}>
          {PHASE_LABEL[step.phase]}
        </span>
      </header>
      {step.prompt && <p className="workshop-prompt">{step.prompt}</p>}
      {step.phase === 'writing' && <WritingPhase step={step} notes={notes} />}
      {step.phase === 'revealed' && <RevealedPhase step={step} notes={notes} />}
      {step.phase === 'voting' && <VotingPhase step={step} notes={notes} />}
      {step.phase === 'closed' && <ClosedPhase step={step} notes={notes} />}
    </section>
  );
}
