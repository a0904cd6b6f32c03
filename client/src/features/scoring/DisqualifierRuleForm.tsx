import { useId, useState, type FormEvent } from 'react';
import {
  IcpValueError,
  RULE_FIELD_LABELS,
  writeDisqualifierRule,
  type DisqualifierRule,
  type ListItem,
} from '@bullseye/shared';
import type * as Y from 'yjs';
import {
  RULE_FIELDS,
  isNumberField,
  readRuleDraft,
  ruleDraftOf,
  type Comparison,
  type RuleDraft,
  type RuleField,
} from './ruleDraft.js';

interface DisqualifierRuleFormProps {
  doc: Y.Doc;
  item: ListItem;
  /** The rule the form starts from (the item's, the one its evidence implies, or a guess). */
  initial: DisqualifierRule | undefined;
  onDone: () => void;
}

/** What a refused rule's field is called in a message ("rule.values.0" → "Each value"). */
function ruleFieldName(field: string): string {
  if (field.startsWith('rule.values')) return 'Each value';
  if (field === 'rule.value') return 'The amount';
  if (field === 'rule.min') return 'The lower bound';
  if (field === 'rule.max') return 'The upper bound';
  return 'The rule';
}

/**
 * A disqualifier's rule as a sentence to fill in: "[Industry] is one of [Government, Education]",
 * "[Technologies] uses any of [Oracle]", "[Employees] [below] [10]". Saved to the shared document.
 */
export function DisqualifierRuleForm({ doc, item, initial, onDone }: DisqualifierRuleFormProps) {
  const [draft, setDraft] = useState<RuleDraft>(() => ruleDraftOf(initial));
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const numeric = isNumberField(draft.field);
  const change = (patch: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  function save(event: FormEvent) {
    event.preventDefault();
    const reading = readRuleDraft(draft);
    if (!reading.ok) {
      setError(reading.message);
      return;
    }
    try {
      if (writeDisqualifierRule(doc, item.id, reading.rule)) onDone();
      else setError('This disqualifier was removed in the meantime.');
    } catch (e) {
      if (!(e instanceof IcpValueError)) throw e;
      setError(`${ruleFieldName(e.field)} ${e.message}.`);
    }
  }

  return (
    <form
      className="rule-form"
      aria-label={`Rule for ${item.text.trim() || 'this disqualifier'}`}
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <div className="rule-form-row">
        <select
          className="input input-sm"
          aria-label="Rule field"
          value={draft.field}
          onChange={(e) => change({ field: e.target.value as RuleField })}
        >
          {RULE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {RULE_FIELD_LABELS[f]}
            </option>
          ))}
        </select>
        {numeric ? (
          <>
            <select
              className="input input-sm"
              aria-label="Rule comparison"
              value={draft.comparison}
              onChange={(e) => change({ comparison: e.target.value as Comparison })}
            >
              <option value="below">below</option>
              <option value="above">above</option>
              <option value="between">between</option>
            </select>
            {draft.comparison === 'between' ? (
              <>
                <input
                  className="input input-sm rule-amount"
                  inputMode="decimal"
                  aria-label="Rule lower bound"
                  placeholder="Min"
                  value={draft.min}
                  onChange={(e) => change({ min: e.target.value })}
                  {...invalid}
                />
                <span className="rule-word">and</span>
                <input
                  className="input input-sm rule-amount"
                  inputMode="decimal"
                  aria-label="Rule upper bound"
                  placeholder="Max"
                  value={draft.max}
                  onChange={(e) => change({ max: e.target.value })}
                  {...invalid}
                />
              </>
            ) : (
              <input
                className="input input-sm rule-amount"
                inputMode="decimal"
                aria-label="Rule amount"
                placeholder={draft.field === 'employees' ? 'e.g. 10' : 'e.g. 1M'}
                value={draft.value}
                onChange={(e) => change({ value: e.target.value })}
                {...invalid}
              />
            )}
          </>
        ) : (
          <>
            <span className="rule-word">{draft.field === 'technologies' ? 'uses any of' : 'is one of'}</span>
            <input
              className="input input-sm grow rule-values"
              aria-label="Rule values"
              placeholder="Comma-separated, e.g. Government, Education"
              value={draft.values}
              onChange={(e) => change({ values: e.target.value })}
              {...invalid}
            />
          </>
        )}
      </div>
      {draft.field === 'revenue' && (
        <p className="muted small rule-note">
          In the ICP’s revenue currency; accounts in another currency never match.
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="rule-form-actions">
        <button type="submit" className="btn btn-sm btn-primary">
          Save rule
        </button>
        <button type="button" className="btn btn-sm" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
