import type { IcpDto } from '@bullseye/shared';
import { useSidePanel } from '../../editor/sidePanelContext.js';
import { Countdown } from './Countdown.js';
import { FacilitatorControls } from './FacilitatorControls.js';
import { TakeOverButton } from './TakeOverButton.js';
import { useWorkshop } from './workshopContext.js';

/**
 * Above the page while a session runs: the step ("2/7 Firmographics"), its prompt and the shared
 * countdown for everyone; Join for those not taking part yet, Follow / Stop following for
 * participants, Take over for other editors; the facilitator's controls below.
 */
export function WorkshopBar({ icp }: { icp: IcpDto }) {
  const { workshop, receivedAt, following, setWantsToFollow, act } = useWorkshop();
  const panel = useSidePanel();
  if (!workshop) return null;
  const step = workshop.steps[workshop.currentStep];
  const { you } = workshop;
  return (
    <section className="workshop-bar" aria-label="Workshop" data-testid="workshop-bar">
      <div className="workshop-bar-main">
        <span className="workshop-live" aria-hidden="true" />
        <div className="workshop-bar-step">
          <p className="workshop-bar-title">
            <span className="workshop-step-count" data-testid="workshop-step-count">
              <span className="visually-hidden">Step </span>
              {workshop.currentStep + 1}/{workshop.steps.length}
            </span>{' '}
            <strong data-testid="workshop-step-title">{step?.title}</strong>
            {step?.kind === 'brainstorm' && <span className="badge workshop-kind">Brainstorm</span>}
          </p>
          {step?.prompt && (
            <p className="workshop-bar-prompt" title={step.prompt}>
              {step.prompt}
            </p>
          )}
        </div>
        <Countdown timer={workshop.timer} receivedAt={receivedAt} className="workshop-bar-countdown" />
        <div className="workshop-bar-actions">
          {!you.participant && (
            <button
              type="button"
              className="btn btn-sm btn-primary"
              data-testid="workshop-join"
              onClick={() => void act({ type: 'join' })}
            >
              Join workshop
            </button>
          )}
          {you.participant && !you.facilitator && (
            <button
              type="button"
              className={`btn btn-sm ${following ? '' : 'btn-primary'}`}
              data-testid="workshop-follow-toggle"
              data-following={String(following)}
              title={
                following
                  ? 'Your view follows the facilitator’s step. Stop to look around freely.'
                  : 'Jump to the facilitator’s step and follow it again'
              }
              onClick={() => setWantsToFollow(!following)}
            >
              {following ? 'Stop following' : 'Follow facilitator'}
            </button>
          )}
          {you.mayFacilitate && !you.facilitator && <TakeOverButton />}
          <button
            type="button"
            className="btn btn-sm"
            data-testid="workshop-open-panel"
            onClick={() => panel.show('workshop')}
          >
            {step?.kind === 'brainstorm' ? 'Notes and votes' : 'Agenda'}
          </button>
        </div>
      </div>
      <p className="workshop-bar-who muted small">
        {you.facilitator ? 'You are facilitating' : `Facilitated by ${workshop.facilitator.name}`} ·{' '}
        {workshop.participants.length} {workshop.participants.length === 1 ? 'participant' : 'participants'}
        {workshop.locked && ' · Other sections locked'}
      </p>
      {you.facilitator && <FacilitatorControls icp={icp} />}
    </section>
  );
}
