import { findSection } from '@bullseye/shared';
import { formatDuration } from './formatDuration.js';
import { useWorkshop } from './workshopContext.js';

/** The agenda: each step's timebox and time spent, the current one marked; the facilitator jumps. */
export function AgendaList() {
  const { workshop, act } = useWorkshop();
  if (!workshop) return null;
  return (
    <ol className="agenda" aria-label="Agenda" data-testid="workshop-agenda">
      {workshop.steps.map((step, index) => {
        const current = index === workshop.currentStep;
        const spent = step.spentMs + (current ? workshop.timer.elapsedMs : 0);
        return (
          <li
            key={step.id}
            className={`agenda-step ${current ? 'agenda-step-current' : ''} ${index < workshop.currentStep ? 'agenda-step-done' : ''}`}
            aria-current={current ? 'step' : undefined}
          >
            <span className="agenda-index" aria-hidden="true">
              {index + 1}
            </span>
            <div className="agenda-main">
              <span className="agenda-title">
                {step.title}
                {step.kind === 'brainstorm' && <span className="muted small"> · brainstorm</span>}
              </span>
              <span className="muted small">
                {step.sections.map((s) => findSection(s)?.title ?? s).join(', ')}
              </span>
            </div>
            <span className="agenda-time small" title="Time spent / planned">
              {spent > 0 ? `${formatDuration(spent)} / ` : ''}
              {step.minutes} min
            </span>
            {workshop.you.facilitator && !current && (
              <button
                type="button"
                className="btn-link small agenda-go"
                aria-label={`Go to step ${index + 1}, ${step.title}`}
                onClick={() => void act({ type: 'goToStep', index })}
              >
                Go
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
