import { useId, useMemo, useState } from 'react';
import {
  INSIGHT_DIMENSIONS,
  IcpValueError,
  addListItem,
  readRange,
  removeListItem,
  writeRange,
  type BandMode,
  type InsightDimension,
  type InsightsDto,
  type TraitDto,
  type TraitLabel,
} from '@bullseye/shared';
import { useDocValue } from '../../collab/useDocValue.js';
import { useToast } from '../../ui/Toast.js';
import {
  DIMENSION_LABEL,
  SECTION_LABEL,
  comparisonLabel,
  formatCount,
  formatInterval,
  formatLift,
  formatShare,
} from './format.js';
import { useInsights } from './insightsContext.js';
import { readDraftCriteria, sameDraftCriteria } from './profileCriteria.js';
import {
  criterionForTrait,
  evidenceForTrait,
  isCriterionPresent,
  traitValueText,
  type DraftCriteria,
  type EvidenceSource,
} from './traitCriterion.js';

const LABEL_TEXT: Record<TraitLabel, string | null> = {
  core: 'Core',
  niche: 'Niche',
  anti: 'Anti-ICP',
  neutral: null,
};

type Order = 'strength' | 'dimension';

/**
 * "Insights": what sets the best customers apart, value by value and band by band, strongest
 * first: share among the best against share in the comparison, lift with its interval, win rate
 * and n. Editors add a trait to the live ICP in one click, with its evidence.
 */
export function InsightsSection() {
  const {
    doc,
    canEdit,
    dataset,
    conditions,
    insights,
    retryInsights,
    bands,
    setBands,
    minSample,
    setMinSample,
  } = useInsights();
  const draft = useDocValue(doc, readDraftCriteria, sameDraftCriteria);
  const toast = useToast();
  const [order, setOrder] = useState<Order>('strength');
  const [dimension, setDimension] = useState<InsightDimension | 'all'>('all');
  const titleId = useId();
  const bandsId = useId();
  const sampleId = useId();
  const orderId = useId();
  const dimensionId = useId();

  if (!dataset) return null;
  const { data, request } = insights;
  const answer = data && request && request.datasetId === dataset.id && conditions.length > 0 ? data : null;
  function add(trait: TraitDto, source: EvidenceSource) {
    const criterion = criterionForTrait(trait);
    const evidence = evidenceForTrait(trait, source);
    try {
      if (criterion.kind === 'list') {
        const item = addListItem(doc, criterion.section, criterion.text, evidence);
        toast(`Added “${item.text}” to ${SECTION_LABEL[criterion.section]}.`, {
          action: { label: 'Undo', run: () => removeListItem(doc, criterion.section, item.id) },
        });
      } else {
        const before = readRange(doc, criterion.section);
        writeRange(doc, criterion.section, { min: criterion.min, max: criterion.max, evidence });
        const had = before.min !== null || before.max !== null;
        toast(
          `${SECTION_LABEL[criterion.section]} set to ${criterion.text}${had ? ' (replacing the earlier band)' : ''}.`,
          {
            action: {
              label: 'Undo',
              run: () =>
                writeRange(
                  doc,
                  criterion.section,
                  before.evidence
                    ? { min: before.min, max: before.max, evidence: before.evidence }
                    : { min: before.min, max: before.max },
                ),
            },
          },
        );
      }
    } catch (e) {
      if (!(e instanceof IcpValueError)) throw e;
      toast(e.message, { tone: 'error' });
    }
  }

  return (
    <section className="data-card insights" aria-labelledby={titleId} data-testid="insights">
      <div className="data-card-head">
        <h3 id={titleId}>Insights</h3>
        {insights.loading && (
          <span className="muted small" role="status">
            Updating…
          </span>
        )}
      </div>
      <p className="muted small data-card-intro">
        Lift 2× = twice as common among your best customers as in the comparison; below 1×, rarer (a candidate
        disqualifier). The range in brackets is the 95% interval.
      </p>
      {conditions.length > 0 && (
        <div className="insights-controls">
          <div>
            <label htmlFor={bandsId} className="field-label">
              Bands
            </label>
            <select
              id={bandsId}
              className="input input-sm"
              value={bands}
              onChange={(e) => setBands(e.target.value as BandMode)}
            >
              <option value="standard">Standard bands</option>
              <option value="quantile">From the data’s quantiles</option>
            </select>
          </div>
          <MinSampleInput id={sampleId} value={minSample} onChange={setMinSample} />
          <div>
            <label htmlFor={dimensionId} className="field-label">
              Show
            </label>
            <select
              id={dimensionId}
              className="input input-sm"
              value={dimension}
              onChange={(e) => setDimension(e.target.value as InsightDimension | 'all')}
            >
              <option value="all">All dimensions</option>
              {INSIGHT_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_LABEL[d]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={orderId} className="field-label">
              Order
            </label>
            <select
              id={orderId}
              className="input input-sm"
              value={order}
              onChange={(e) => setOrder(e.target.value as Order)}
            >
              <option value="strength">Strongest first</option>
              <option value="dimension">By dimension</option>
            </select>
          </div>
        </div>
      )}

      {conditions.length === 0 && (
        <p className="muted small insights-empty">
          Define your best customers above to see what sets them apart.
        </p>
      )}
      {conditions.length > 0 && insights.error && !insights.loading && (
        <div className="comment-error" role="alert">
          <span className="grow">Insights could not be computed: {insights.error.message}</span>
          <button type="button" className="btn btn-sm" onClick={retryInsights}>
            Try again
          </button>
        </div>
      )}
      {conditions.length > 0 && !answer && !insights.error && (
        <p className="muted small insights-empty" role="status">
          Computing insights…
        </p>
      )}
      {answer && request && (
        <InsightsTable
          answer={answer}
          source={{
            datasetId: answer.datasetId,
            datasetName: dataset.name,
            revision: answer.revision,
            bestCustomers: request.bestCustomers,
            comparison: request.comparison,
          }}
          comparisonText={comparisonLabel(request.comparison)}
          order={order}
          dimension={dimension}
          draft={draft}
          canEdit={canEdit}
          busy={insights.loading}
          onAdd={add}
        />
      )}
    </section>
  );
}

function MinSampleInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: number;
  onChange: (n: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState(false);
  function commit() {
    if (draft === null) return;
    const n = Number(draft.trim());
    if (!Number.isInteger(n) || n < 5 || n > 1000) {
      setProblem(true);
      return;
    }
    setProblem(false);
    setDraft(null);
    if (n !== value) onChange(n);
  }
  return (
    <div>
      <label htmlFor={id} className="field-label">
        Min sample
      </label>
      <input
        id={id}
        className="input input-sm min-sample"
        inputMode="numeric"
        value={draft ?? String(value)}
        aria-invalid={problem ? true : undefined}
        title="Values seen fewer times than this are shown but not trusted (5 to 1,000)"
        onChange={(e) => {
          setDraft(e.target.value);
          setProblem(false);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(null);
            setProblem(false);
          }
        }}
      />
      {problem && (
        <p className="field-error" role="alert">
          5 to 1,000
        </p>
      )}
    </div>
  );
}

interface InsightsTableProps {
  answer: InsightsDto;
  source: EvidenceSource;
  comparisonText: string;
  order: Order;
  dimension: InsightDimension | 'all';
  draft: DraftCriteria;
  canEdit: boolean;
  busy: boolean;
  onAdd: (trait: TraitDto, source: EvidenceSource) => void;
}

/** At least this many rows show before "Show more", significant or not. */
const MIN_ROWS = 8;

function InsightsTable(props: InsightsTableProps) {
  const { answer, order, dimension } = props;
  const [showAll, setShowAll] = useState(false);
  const all = useMemo(
    () => answer.traits.filter((t) => dimension === 'all' || t.dimension === dimension),
    [answer.traits, dimension],
  );
  // The significant values first (the answer is ordered so); the rest on demand.
  const significant = all.filter((t) => t.significant).length;
  const traits = showAll ? all : all.slice(0, Math.max(MIN_ROWS, significant));
  const hidden = all.length - traits.length;
  const scale = Math.max(0.01, ...traits.map((t) => Math.max(t.shareBest, t.shareComparison)));
  const groups: { key: string; title: string | null; traits: TraitDto[] }[] =
    order === 'dimension'
      ? INSIGHT_DIMENSIONS.map((d) => ({
          key: d,
          title: DIMENSION_LABEL[d],
          traits: traits.filter((t) => t.dimension === d),
        })).filter((g) => g.traits.length > 0)
      : [{ key: 'all', title: null, traits }];

  if (traits.length === 0) {
    return <p className="muted small insights-empty">No values to compare for this selection.</p>;
  }
  return (
    <>
      <table
        className={`insights-table ${props.busy ? 'insights-table-busy' : ''}`}
        aria-label="Insights"
        aria-busy={props.busy}
        data-testid="insights-table"
      >
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">
              Best <span className="muted">vs</span>{' '}
              {props.comparisonText === 'all accounts' ? 'all' : 'won+lost'}
            </th>
            <th scope="col" className="num">
              Lift
            </th>
            <th scope="col">
              <span className="visually-hidden">Add to the ICP</span>
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key}>
            {group.title && (
              <tr className="insights-group">
                <th scope="colgroup" colSpan={4}>
                  {group.title}
                </th>
              </tr>
            )}
            {group.traits.map((trait) => (
              <TraitRow
                key={`${trait.dimension}:${trait.value}`}
                trait={trait}
                scale={scale}
                minSample={answer.minSample}
                {...props}
              />
            ))}
          </tbody>
        ))}
      </table>
      {(hidden > 0 || showAll) && all.length > MIN_ROWS && (
        <button
          type="button"
          className="btn btn-sm btn-ghost insights-more"
          aria-expanded={showAll}
          onClick={() => setShowAll((s) => !s)}
        >
          {showAll
            ? 'Show only the significant values'
            : `Show ${formatCount(hidden)} more ${hidden === 1 ? 'value' : 'values'} (not significant)`}
        </button>
      )}
    </>
  );
}

interface TraitRowProps extends InsightsTableProps {
  trait: TraitDto;
  scale: number;
  minSample: number;
}

function TraitRow({ trait, scale, minSample, source, comparisonText, draft, canEdit, onAdd }: TraitRowProps) {
  const criterion = criterionForTrait(trait);
  const present = isCriterionPresent(criterion, draft);
  const value = traitValueText(trait);
  const label = LABEL_TEXT[trait.label];
  const muted = trait.smallSample || !trait.significant;
  const anti = trait.label === 'anti';
  return (
    <tr
      className={`trait-row ${muted ? 'trait-row-muted' : ''}`}
      data-testid="trait-row"
      data-dimension={trait.dimension}
      data-label={trait.label}
    >
      <th scope="row" className="trait-cell">
        <span className="trait-value" dir="auto">
          {value}
        </span>
        {label && <span className={`trait-label trait-label-${trait.label}`}>{label}</span>}
        <span className="trait-meta">
          {DIMENSION_LABEL[trait.dimension]} · n = {formatCount(trait.n)}
          {trait.winRate !== null && <> · win rate {formatShare(trait.winRate)}</>}
        </span>
        {trait.smallSample ? (
          <span className="trait-note">not significant (n &lt; {formatCount(minSample)})</span>
        ) : (
          !trait.significant && (
            <span className="trait-note" title="The 95% interval of the lift includes 1×">
              not significant
            </span>
          )
        )}
      </th>
      <td className="share-cell">
        <ShareBar kind="best" share={trait.shareBest} scale={scale} />
        <ShareBar kind="comparison" share={trait.shareComparison} scale={scale} />
        <span className="visually-hidden">
          {formatShare(trait.shareBest)} of best customers ({formatCount(trait.best)} of{' '}
          {formatCount(trait.bestKnown)}) vs {formatShare(trait.shareComparison)} of {comparisonText}
        </span>
      </td>
      <td className="lift-cell num">
        <strong className={trait.lift >= 1 ? 'lift-up' : 'lift-down'}>{formatLift(trait.lift)}</strong>
        <span className="lift-interval">({formatInterval(trait.low, trait.high)})</span>
      </td>
      <td className="action-cell">
        {present ? (
          <span className="trait-added">
            <span aria-hidden="true">✓</span> Added
            <span className="visually-hidden">
              {anti ? ` as a disqualifier` : ` to ${SECTION_LABEL[criterion.section]}`}
            </span>
          </span>
        ) : (
          canEdit &&
          (anti || trait.lift >= 1) && (
            <button
              type="button"
              className={`btn btn-sm trait-add ${anti ? 'trait-add-anti' : ''}`}
              aria-label={criterion.actionLabel}
              title={criterion.actionLabel}
              onClick={() => onAdd(trait, source)}
            >
              Add
              {anti && <span className="trait-add-sub">as disqualifier</span>}
            </button>
          )
        )}
      </td>
    </tr>
  );
}

function ShareBar({ kind, share, scale }: { kind: 'best' | 'comparison'; share: number; scale: number }) {
  const width = Math.max(share > 0 ? 2 : 0, Math.min(100, (share / scale) * 100));
  return (
    <span className={`share-bar share-bar-${kind}`} aria-hidden="true">
      <span className="share-bar-track">
        <span className="share-bar-fill" style={{ width: `${width}%` }} />
      </span>
      <span className="share-bar-value">{formatShare(share)}</span>
    </span>
  );
}
