import { useId } from 'react';
import { LengthHint } from '../../ui/LengthHint.js';
import {
  ICP_SECTIONS,
  STEP_KINDS,
  WORKSHOP_LIMITS,
  type AgendaStepPlan,
  type SectionKey,
  type StepKind,
} from '@bullseye/shared';
import { stepProblem, type DraftStep } from './agendaDraft.js';

interface AgendaStepEditorProps {
  step: DraftStep;
  index: number;
  count: number;
  onChange: (patch: Partial<AgendaStepPlan>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onAddAfter: () => void;
}

const KIND_LABEL: Record<StepKind, string> = { discuss: 'Discussion', brainstorm: 'Brainstorm' };

/** One step of the agenda form. */
export function AgendaStepEditor({
  step,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  onAddAfter,
}: AgendaStepEditorProps) {
  const id = useId();
  const problem = stepProblem(step);
  const name = `step ${index + 1}`;
  const toggleSection = (key: SectionKey, on: boolean) =>
    onChange({
      // Kept in page order, so the step's first section is the one highest on the page.
      sections: ICP_SECTIONS.map((s) => s.key).filter((k) => (k === key ? on : step.sections.includes(k))),
    });
  return (
    <li className={`agenda-edit ${problem ? 'agenda-edit-invalid' : ''}`} data-testid="agenda-step">
      <div className="agenda-edit-row">
        <span className="agenda-index" aria-hidden="true">
          {index + 1}
        </span>
        <input
          className="input input-sm grow"
          aria-label={`Title of ${name}`}
          value={step.title}
          onChange={(e) => onChange({ title: e.target.value })}
        />
        <input
          type="number"
          className="input input-sm agenda-minutes"
          aria-label={`Minutes for ${name}`}
          min={WORKSHOP_LIMITS.minStepMinutes}
          max={WORKSHOP_LIMITS.maxStepMinutes}
          value={Number.isNaN(step.minutes) ? '' : step.minutes}
          onChange={(e) => onChange({ minutes: e.target.valueAsNumber })}
        />
        <span className="small muted">min</span>
        <select
          className="input input-sm"
          aria-label={`Kind of ${name}`}
          value={step.kind}
          onChange={(e) => onChange({ kind: e.target.value as StepKind })}
        >
          {STEP_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <span className="agenda-edit-tools">
          <button
            type="button"
            className="icon-btn"
            aria-label={`Move ${name} up`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={`Move ${name} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={`Add a step after ${name}`}
            onClick={onAddAfter}
          >
            +
          </button>
          <button type="button" className="icon-btn" aria-label={`Remove ${name}`} onClick={onRemove}>
            ×
          </button>
        </span>
      </div>
      <input
        className="input input-sm agenda-prompt"
        aria-label={`Prompt of ${name}`}
        placeholder="The question this step answers"
        value={step.prompt}
        onChange={(e) => onChange({ prompt: e.target.value })}
      />
      <LengthHint text={step.title} max={WORKSHOP_LIMITS.maxStepTitleLength} action="start" />
      <LengthHint text={step.prompt} max={WORKSHOP_LIMITS.maxPromptLength} action="start" />
      <fieldset className="agenda-sections">
        <legend className="visually-hidden">Sections of {name}</legend>
        {ICP_SECTIONS.map((s) => {
          const checked = step.sections.includes(s.key);
          return (
            <label
              key={s.key}
              className={`agenda-section ${checked ? 'agenda-section-on' : ''}`}
              htmlFor={`${id}-${s.key}`}
            >
              <input
                id={`${id}-${s.key}`}
                type="checkbox"
                checked={checked}
                onChange={(e) => toggleSection(s.key, e.target.checked)}
              />
              {s.title}
            </label>
          );
        })}
      </fieldset>
      {problem && <p className="field-error small">{problem}</p>}
    </li>
  );
}
