import { useId, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import {
  ACCOUNT_STATUSES,
  type AccountFieldKey,
  type AccountStatus,
  type BestCustomerCondition,
} from '@bullseye/shared';
import {
  CONDITION_FIELDS,
  conditionOf,
  draftOf,
  isCategoryField,
  opsFor,
  sameCondition,
  withField,
  type ConditionDraft,
  type ConditionField,
  type ConditionOp,
} from './conditionDraft.js';
import { CONDITION_FIELD_LABEL, formatCount, formatFieldValue } from './format.js';

interface ConditionRowProps {
  /** 1-based, for the controls' names. */
  index: number;
  /** The stored condition; null for a new row that is not in the definition yet. */
  condition: BestCustomerCondition | null;
  /** A new row starts from this draft. */
  initial?: ConditionDraft;
  /** Fields the dataset has values for (others are offered, marked). */
  fields: readonly AccountFieldKey[];
  statusCounts: Partial<Record<AccountStatus, number>>;
  /** What a top/bottom condition resolved to in the data ("LTV ≥ 48.2K"). */
  threshold: number | null;
  /** Stores the condition; false when it was refused. */
  onCommit: (condition: BestCustomerCondition) => boolean;
  onRemove: () => void;
}

/**
 * One condition of the best-customer definition: field, how to compare, value. Pickers and ticks
 * are stored at once; typed values when the person presses Enter or leaves the field. A new row is
 * stored with its Add button. An incomplete condition stays here, with what is missing, and is
 * never written.
 */
export function ConditionRow(props: ConditionRowProps) {
  const { index, condition, fields, statusCounts, threshold, onCommit, onRemove } = props;
  const [draft, setDraft] = useState<ConditionDraft | null>(condition ? null : (props.initial ?? null));
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const isNew = condition === null;
  const shown: ConditionDraft | null = draft ?? (condition ? draftOf(condition) : null);
  if (!shown) return null;

  /** Tries to store `next`; an incomplete draft stays here, saying what is missing. */
  function commit(next: ConditionDraft) {
    const result = conditionOf(next);
    if (!result.ok) {
      setDraft(next);
      setProblem(
        isNew
          ? result.problem
          : `Not saved yet: ${result.problem[0]!.toLowerCase()}${result.problem.slice(1)}`,
      );
      return;
    }
    if (condition && sameCondition(condition, result.condition)) {
      setDraft(null);
      setProblem(null);
      return;
    }
    if (onCommit(result.condition)) {
      setDraft(isNew ? next : null);
      setProblem(null);
    }
  }

  /** A picker changed: stored at once on an existing row (when complete), kept as a draft on a new one. */
  function change(next: ConditionDraft) {
    setProblem(null);
    if (isNew) setDraft(next);
    else commit(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    commit(shown!);
  }

  const label = `Condition ${index}`;
  const numeric = !isCategoryField(shown.field);
  const percent = shown.op === 'top' || shown.op === 'bottom';
  const resolved =
    !draft && condition && (condition.op === 'top' || condition.op === 'bottom') && threshold !== null
      ? `${CONDITION_FIELD_LABEL[condition.field]} ${condition.op === 'top' ? '≥' : '≤'} ${formatFieldValue(condition.field, threshold)} in this dataset`
      : null;

  /** Typing in the number or the values box: Escape drops the edit, leaving the box saves it. */
  const textEditing = {
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setDraft({ ...shown, text: e.target.value });
      setProblem(null);
    },
    onBlur: () => {
      if (!isNew && draft) commit(draft);
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Escape' && !isNew) {
        setDraft(null);
        setProblem(null);
      }
    },
  };

  return (
    <form
      className={`condition-row ${isNew ? 'condition-row-new' : ''}`}
      onSubmit={submit}
      aria-label={isNew ? 'New condition' : label}
      data-testid="condition-row"
    >
      <div className="condition-line">
        <select
          className="input input-sm condition-field"
          aria-label={`${label} field`}
          value={shown.field}
          onChange={(e) => change(withField(shown, e.target.value as ConditionField))}
        >
          {CONDITION_FIELDS.map((f) => (
            <option key={f} value={f}>
              {CONDITION_FIELD_LABEL[f]}
              {fields.length > 0 && !fields.includes(f) ? ' (not in data)' : ''}
            </option>
          ))}
        </select>
        {numeric ? (
          <select
            className="input input-sm condition-op"
            aria-label={`${label} comparison`}
            value={shown.op}
            onChange={(e) => change({ ...shown, op: e.target.value as ConditionOp })}
          >
            {opsFor(shown.field).map((o) => (
              <option key={o.op} value={o.op}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <span className="condition-op-text">is one of</span>
        )}
        {numeric && (
          <span className="condition-number">
            <input
              className="input input-sm"
              inputMode="decimal"
              aria-label={`${label} ${percent ? 'percentage' : 'value'}`}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              placeholder={percent ? '25' : shown.field === 'nps' ? '50' : 'Number'}
              value={shown.text}
              {...textEditing}
            />
            {percent && <span aria-hidden="true">%</span>}
          </span>
        )}
        <button
          type="button"
          className="icon-btn condition-remove"
          aria-label={isNew ? 'Cancel new condition' : `Remove condition ${index}`}
          title={isNew ? 'Cancel' : 'Remove condition'}
          onClick={onRemove}
        >
          ×
        </button>
      </div>
      {shown.field === 'status' && (
        <fieldset className="condition-statuses">
          <legend className="visually-hidden">{`${label} statuses`}</legend>
          {ACCOUNT_STATUSES.map((status) => {
            const checked = shown.statuses.includes(status);
            const count = statusCounts[status];
            return (
              <label key={status} className={`status-option ${checked ? 'status-option-on' : ''}`}>
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() =>
                    change({
                      ...shown,
                      statuses: checked
                        ? shown.statuses.filter((s) => s !== status)
                        : ACCOUNT_STATUSES.filter((s) => s === status || shown.statuses.includes(s)),
                    })
                  }
                />
                {status}
                {count !== undefined && <span className="muted"> {formatCount(count)}</span>}
              </label>
            );
          })}
        </fieldset>
      )}
      {!numeric && shown.field !== 'status' && (
        <input
          className="input input-sm condition-values"
          aria-label={`${label} values`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
          placeholder={shown.field === 'industry' ? 'Fintech, Software' : 'Comma-separated values'}
          dir="auto"
          value={shown.text}
          {...textEditing}
        />
      )}
      {!numeric && shown.field !== 'status' && !problem && (
        <p id={`${id}-hint`} className="muted small condition-hint">
          Separate values with commas; they match as written in the data.
        </p>
      )}
      {resolved && <p className="muted small condition-hint">{resolved}</p>}
      {problem && (
        <p id={`${id}-problem`} className={isNew ? 'field-error' : 'field-warning'} role="alert">
          {problem}
        </p>
      )}
      {isNew && (
        <div className="row condition-actions">
          <button type="submit" className="btn btn-sm btn-primary">
            Save
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={onRemove}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
