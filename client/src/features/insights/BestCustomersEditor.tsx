import { useId, useState } from 'react';
import {
  DATASET_LIMITS,
  type BestCustomerCondition,
  type BestCustomerDefinition,
  type Comparison,
} from '@bullseye/shared';
import { useToast } from '../../ui/Toast.js';
import { ConditionRow } from './ConditionRow.js';
import { newDraft, suggestedDefinition, type ConditionDraft } from './conditionDraft.js';
import { definitionWords, describeCondition, formatCount } from './format.js';
import { useInsights } from './insightsContext.js';

/**
 * "Best customers": the team's definition, edited live in the ICP's document (editors and admins;
 * everyone else reads it), with the counts it gives in the dataset and what they are compared with.
 */
export function BestCustomersEditor() {
  const {
    canEdit,
    definition,
    dataset,
    definitionDatasetMissing,
    conditions,
    comparison,
    setComparison,
    writeDefinition,
    insights,
  } = useInsights();
  const toast = useToast();
  const [adding, setAdding] = useState<ConditionDraft | null>(null);
  const compareId = useId();
  const titleId = useId();
  if (!dataset) return null;

  const suggestion = suggestedDefinition(dataset, comparison);
  const datasetId = definition && !definitionDatasetMissing ? definition.datasetId : dataset.id;
  const full = conditions.length >= DATASET_LIMITS.maxConditions;

  function write(next: BestCustomerCondition[]): boolean {
    return writeDefinition({ datasetId, comparison, conditions: next });
  }

  function clear() {
    const before = definition;
    if (!before || !writeDefinition(null)) return;
    toast('Best-customer definition cleared for everyone.', {
      action: { label: 'Undo', run: () => writeDefinition(before) },
    });
  }

  function applySuggestion(next: BestCustomerDefinition) {
    if (writeDefinition(next)) setAdding(null);
  }

  const answer =
    insights.data && insights.request?.datasetId === dataset.id && conditions.length > 0
      ? insights.data
      : null;

  return (
    <section className="data-card best-customers" aria-labelledby={titleId} data-testid="best-customers">
      <div className="data-card-head">
        <h3 id={titleId}>Best customers</h3>
        {canEdit && definition && (
          <button type="button" className="btn btn-sm btn-ghost" onClick={clear}>
            Clear
          </button>
        )}
      </div>
      <p className="muted small data-card-intro">
        Not everyone who bought: the customers you would clone. The definition is the team’s, kept in this
        ICP; everyone sees changes live and each version records it.
      </p>

      {definitionDatasetMissing && (
        <p className="field-warning" role="status">
          The definition was made on a dataset that is no longer available.
          {canEdit ? ' Its conditions now apply to the dataset picked above.' : ''}
        </p>
      )}

      {conditions.length > 0 && (
        <p className="definition-words" data-testid="definition-words">
          {definitionWords(conditions)}
        </p>
      )}

      {answer && (
        <p className="best-count" role="status" data-testid="best-count">
          <strong>{formatCount(answer.bestCount)}</strong> best customers of{' '}
          <strong>{formatCount(answer.total)}</strong> accounts
          {insights.request?.comparison === 'wonLost' && (
            <span className="muted">
              {' '}
              · compared with {formatCount(answer.comparisonCount)} accounts with a won or lost deal
              (customers, won, churned, lost)
            </span>
          )}
        </p>
      )}
      {answer?.sampleWarning && (
        <p className="sample-warning" role="status">
          {answer.sampleWarning}
        </p>
      )}

      {canEdit ? (
        <div className="conditions" data-testid="conditions">
          {conditions.map((condition, i) => (
            <ConditionRow
              // The definition is one value; a row is its position. A change elsewhere re-reads it.
              key={`${i}-${JSON.stringify(condition)}`}
              index={i + 1}
              condition={condition}
              fields={dataset.fields}
              statusCounts={dataset.statusCounts}
              threshold={answer?.thresholds[i] ?? null}
              onCommit={(next) => write(conditions.map((c, j) => (j === i ? next : c)))}
              onRemove={() => write(conditions.filter((_, j) => j !== i))}
            />
          ))}
          {adding && (
            <ConditionRow
              index={conditions.length + 1}
              condition={null}
              initial={adding}
              fields={dataset.fields}
              statusCounts={dataset.statusCounts}
              threshold={null}
              onCommit={(next) => {
                const ok = write([...conditions, next]);
                if (ok) setAdding(null);
                return ok;
              }}
              onRemove={() => setAdding(null)}
            />
          )}
          <div className="row wrap">
            {!adding && (
              <button
                type="button"
                className="btn btn-sm"
                disabled={full}
                title={full ? `At most ${DATASET_LIMITS.maxConditions} conditions` : undefined}
                onClick={() =>
                  setAdding(
                    newDraft(
                      conditions.map((c) => c.field),
                      dataset.fields,
                    ),
                  )
                }
              >
                <span aria-hidden="true">+</span> Add condition
              </button>
            )}
            {conditions.length === 0 && suggestion && (
              <button
                type="button"
                className="btn btn-sm btn-primary"
                onClick={() => applySuggestion(suggestion)}
              >
                Use suggested definition
              </button>
            )}
          </div>
          {conditions.length === 0 && suggestion && (
            <p className="muted small">
              Suggested: {suggestion.conditions.map(describeCondition).join(' · ')}.
            </p>
          )}
          {conditions.length === 0 && !suggestion && (
            <p className="muted small">
              This dataset has no status, lifetime value or NPS to suggest a definition from; add conditions
              on the fields it has.
            </p>
          )}
        </div>
      ) : (
        conditions.length === 0 && (
          <p className="muted small" data-testid="no-definition">
            No best-customer definition yet. Editors define it here; the insights appear once they do.
          </p>
        )
      )}

      <div className="data-field">
        <label htmlFor={compareId} className="field-label">
          Compare with
        </label>
        <select
          id={compareId}
          className="input input-sm"
          value={comparison}
          disabled={!canEdit}
          onChange={(e) => setComparison(e.target.value as Comparison)}
        >
          <option value="all">All accounts</option>
          <option value="wonLost">Won and lost deals</option>
        </select>
        <p className="muted small">
          {comparison === 'wonLost'
            ? 'Best customers against the deals you won or lost: what separates the best from the rest of the pipeline.'
            : 'Best customers against every account in the dataset: what separates them from the market you reach.'}
        </p>
      </div>
      {!canEdit && definition && (
        <p className="muted small">Only editors and admins change the definition.</p>
      )}
    </section>
  );
}
