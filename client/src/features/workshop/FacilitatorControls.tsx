import { useState } from 'react';
import { Link } from 'react-router';
import type { IcpDto } from '@bullseye/shared';
import { EndWorkshopButton } from './EndWorkshopButton.js';
import { HandOverMenu } from './HandOverMenu.js';
import { useWorkshop } from './workshopContext.js';
import { projectorPath } from './workshopPaths.js';

/** The facilitator's row: steps, timer, lock, hand over, projector, end. */
export function FacilitatorControls({ icp }: { icp: IcpDto }) {
  const { workshop, act } = useWorkshop();
  // The switch moves at once; the session's answer (or a refusal) settles it.
  const [locking, setLocking] = useState<boolean | null>(null);
  if (!workshop) return null;
  const index = workshop.currentStep;
  const last = index >= workshop.steps.length - 1;
  const paused = workshop.timer.status === 'paused';
  return (
    <div className="workshop-controls" role="toolbar" aria-label="Facilitator controls">
      <div className="workshop-controls-group">
        <button
          type="button"
          className="btn btn-sm"
          data-testid="workshop-previous"
          disabled={index === 0}
          onClick={() => void act({ type: 'goToStep', index: index - 1 })}
        >
          ← Previous
        </button>
        <button
          type="button"
          className="btn btn-sm btn-primary"
          data-testid="workshop-next"
          disabled={last}
          onClick={() => void act({ type: 'goToStep', index: index + 1 })}
        >
          Next step →
        </button>
      </div>
      <div className="workshop-controls-group">
        <button
          type="button"
          className="btn btn-sm"
          data-testid="workshop-pause"
          onClick={() => void act({ type: paused ? 'resume' : 'pause' })}
        >
          {paused ? 'Resume timer' : 'Pause timer'}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          data-testid="workshop-extend"
          aria-label="Add 5 minutes to this step"
          onClick={() => void act({ type: 'extend', minutes: 5 })}
        >
          +5 min
        </button>
      </div>
      <label className="workshop-lock">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          data-testid="workshop-lock"
          checked={locking ?? workshop.locked}
          onChange={(e) => {
            const locked = e.target.checked;
            setLocking(locked);
            void act({ type: 'lock', locked }).finally(() => setLocking(null));
          }}
        />
        Lock other sections
      </label>
      <div className="workshop-controls-group workshop-controls-end">
        <Link
          to={projectorPath(icp.id)}
          target="_blank"
          rel="noopener"
          className="btn btn-sm"
          data-testid="workshop-projector-link"
        >
          Projector view
          <span className="visually-hidden"> (opens in a new tab)</span>
        </Link>
        <HandOverMenu workspaceId={icp.workspaceId} />
        <EndWorkshopButton />
      </div>
    </div>
  );
}
