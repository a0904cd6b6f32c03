import { useEffect, useId, useRef, useState } from 'react';
import { agendaMinutes, WORKSHOP_LIMITS } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { workshopApi } from '../../api/workshopApi.js';
import { AgendaStepEditor } from './AgendaStepEditor.js';
import {
  addStep,
  agendaProblem,
  defaultDraft,
  moveStep,
  removeStep,
  toPlans,
  updateStep,
} from './agendaDraft.js';
import { useWorkshop } from './workshopContext.js';

/**
 * Plans and starts a session: the default 90-minute agenda, every step editable (title, minutes,
 * kind, sections, prompt), added, removed and reordered; the total shows as it changes.
 */
export function StartWorkshopDialog({ onClose }: { onClose: () => void }) {
  const { icpId, apply } = useWorkshop();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [steps, setSteps] = useState(defaultDraft);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = agendaProblem(steps);

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    element.showModal();
    return () => element.close();
  }, []);

  async function start() {
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      apply(await workshopApi.start(icpId, toPlans(steps)));
      onClose();
    } catch (e) {
      setError(asApiError(e).message);
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog card workshop-start-dialog"
      aria-labelledby={titleId}
      data-testid="workshop-start-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId}>Start a workshop</h2>
      <p className="muted small">
        You facilitate: everyone with the ICP open sees the session and joins with one click. Each step has a
        timebox; brainstorm steps collect notes hidden until you reveal them, then a dot-vote.
      </p>
      <ol className="agenda-editor" aria-label="Agenda">
        {steps.map((step, index) => (
          <AgendaStepEditor
            key={step.key}
            step={step}
            index={index}
            count={steps.length}
            onChange={(patch) => setSteps((s) => updateStep(s, index, patch))}
            onMove={(by) => setSteps((s) => moveStep(s, index, by))}
            onRemove={() => setSteps((s) => removeStep(s, index))}
            onAddAfter={() => setSteps((s) => addStep(s, index))}
          />
        ))}
      </ol>
      {steps.length === 0 && (
        <button type="button" className="btn btn-sm" onClick={() => setSteps((s) => addStep(s, -1))}>
          Add a step
        </button>
      )}
      <div className="workshop-start-foot">
        <p className="workshop-total" data-testid="workshop-total-minutes" aria-live="polite">
          {steps.length} {steps.length === 1 ? 'step' : 'steps'} ·{' '}
          <strong>{agendaMinutes(steps)} minutes</strong>
          {steps.length >= WORKSHOP_LIMITS.maxSteps && (
            <span className="muted"> (the most an agenda can have)</span>
          )}
        </p>
        {(error ?? problem) && (
          <p className="field-error" role="alert">
            {error ?? problem}
          </p>
        )}
        <div className="row end">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="workshop-start-confirm"
            disabled={busy || problem !== null}
            onClick={() => void start()}
          >
            Start workshop
          </button>
        </div>
      </div>
    </dialog>
  );
}
