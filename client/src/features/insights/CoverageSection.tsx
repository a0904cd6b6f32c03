import { useEffect, useId, useRef, useState } from 'react';
import type { CoverageBody, CoverageDto } from '@bullseye/shared';
import { insightsApi } from '../../api/insightsApi.js';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { useDocValue } from '../../collab/useDocValue.js';
import { formatCount, formatShare } from './format.js';
import { INSIGHTS_DEBOUNCE_MS, useInsights } from './insightsContext.js';
import { hasCriteria, readDraftCriteria, sameDraftCriteria, toProfileCriteria } from './profileCriteria.js';

interface CoverageState {
  key: string | null;
  data: CoverageDto | null;
  loading: boolean;
  error: ApiError | null;
}

/**
 * "Coverage": how many of the best customers the draft's criteria match (should be most) and how
 * many of all accounts (if most of the market matches, the profile is vague). Follows the live
 * draft, debounced, whoever edits it.
 */
export function CoverageSection() {
  const { doc, dataset, conditions, comparison } = useInsights();
  const draft = useDocValue(doc, readDraftCriteria, sameDraftCriteria);
  const [state, setState] = useState<CoverageState>({ key: null, data: null, loading: false, error: null });
  const [attempt, setAttempt] = useState(0);
  const seq = useRef(0);
  const titleId = useId();

  const ready = dataset !== null && conditions.length > 0 && hasCriteria(draft);
  const key = ready
    ? JSON.stringify({
        datasetId: dataset.id,
        revision: dataset.revision,
        body: { comparison, conditions, criteria: toProfileCriteria(draft) } satisfies CoverageBody,
      })
    : null;

  useEffect(() => {
    if (!key) return;
    const { datasetId, body } = JSON.parse(key) as { datasetId: string; body: CoverageBody };
    const timer = setTimeout(() => {
      const mine = ++seq.current;
      setState((s) => ({ ...s, loading: true }));
      insightsApi.getCoverage(datasetId, body).then(
        (data) => {
          if (mine === seq.current) setState({ key, data, loading: false, error: null });
        },
        (e: unknown) => {
          if (mine === seq.current) setState((s) => ({ ...s, loading: false, error: asApiError(e) }));
        },
      );
    }, INSIGHTS_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, attempt]);

  if (!dataset || conditions.length === 0) return null;
  const data = key ? state.data : null;

  return (
    <section className="data-card coverage" aria-labelledby={titleId} data-testid="coverage">
      <div className="data-card-head">
        <h3 id={titleId}>Coverage of this draft</h3>
        {state.loading && (
          <span className="muted small" role="status">
            Updating…
          </span>
        )}
      </div>
      {!ready && (
        <p className="muted small">
          Add industries, a company size, revenue, geographies, technologies or disqualifiers to see how many
          of your best customers the draft would match.
        </p>
      )}
      {ready && state.error && !state.loading && (
        <div className="comment-error" role="alert">
          <span className="grow">Coverage could not be computed: {state.error.message}</span>
          <button type="button" className="btn btn-sm" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {ready && !data && !state.error && <p className="muted small">Checking the draft against the data…</p>}
      {ready && data && (
        <div
          className={state.key !== key ? 'coverage-body coverage-busy' : 'coverage-body'}
          data-testid="coverage-body"
        >
          <p className="coverage-headline">
            Covers <strong>{formatShare(data.coverage)}</strong> of best customers · matches{' '}
            <strong>{formatShare(data.breadth)}</strong> of all accounts
          </p>
          <Meter
            label="Best customers matched"
            share={data.coverage}
            detail={`${formatCount(data.bestMatched)} of ${formatCount(data.bestCount)}`}
          />
          <Meter
            label="All accounts matched"
            share={data.breadth}
            detail={`${formatCount(data.allMatched)} of ${formatCount(data.total)}`}
          />
          <p className="coverage-verdict">{data.verdict[0]?.toUpperCase() + data.verdict.slice(1)}</p>
          {data.unchecked.length > 0 && (
            <div className="coverage-unchecked">
              <p className="muted small">Not checkable against the data:</p>
              <ul className="small">
                {data.unchecked.map((text) => (
                  <li key={text} dir="auto">
                    {text}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function Meter({ label, share, detail }: { label: string; share: number; detail: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, share)) * 100);
  return (
    <div className="coverage-meter">
      <div className="coverage-meter-label small">
        <span>{label}</span>
        <span className="muted">{detail}</span>
      </div>
      <div
        className="coverage-meter-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${formatShare(share)} (${detail})`}
      >
        <span className="coverage-meter-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
