import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Evidence } from '@bullseye/shared';
import { formatDate } from '../../ui/dateFormat.js';
import { evidenceStaleness, type Staleness } from './evidenceStaleness.js';
import {
  DIMENSION_LABEL,
  comparisonLabel,
  formatCount,
  formatLiftWithInterval,
  formatShare,
  formatLift,
} from './format.js';
import { useInsightsOptional } from './insightsContext.js';
import '../../styles/insights.css';

interface EvidenceMarkerProps {
  evidence: Evidence;
  /** The criterion's text, naming the button ("Evidence for Fintech"). */
  label: string;
}

/**
 * The small "data" marker beside a criterion added from the insights: its lift, and on click the
 * numbers behind it (lift and interval, shares, n, win rate, dataset and revision, date, the
 * best-customer definition), with a "stale" flag when the data has since moved.
 */
export function EvidenceMarker({ evidence, label }: EvidenceMarkerProps) {
  const context = useInsightsOptional();
  const datasets = context?.datasets ?? null;
  const current = context?.currentInsights ?? null;
  const staleness = useMemo<Staleness>(
    () => (context ? evidenceStaleness(evidence, datasets, current) : { state: 'unknown' }),
    [context, evidence, datasets, current],
  );
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [alignEnd, setAlignEnd] = useState(false);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // Opens towards the side with room, so a marker near the right edge stays on screen.
  useLayoutEffect(() => {
    if (!open || !root.current) return;
    const rect = root.current.getBoundingClientRect();
    setAlignEnd(rect.left + 320 > window.innerWidth - 8);
  }, [open]);

  const stale = staleness.state === 'stale';
  const reimported = staleness.state === 'reimported';
  const flag = stale ? 'stale' : reimported ? 're-imported' : null;

  return (
    <span className="evidence" ref={root}>
      <button
        ref={button}
        type="button"
        className={`evidence-marker ${stale ? 'evidence-marker-stale' : ''} ${reimported ? 'evidence-marker-reimported' : ''}`}
        aria-label={`Evidence for ${label}`}
        aria-describedby={flag ? `${id}-flag` : undefined}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={
          stale
            ? 'From customer data: stale, see why'
            : reimported
              ? 'From customer data (dataset re-imported since)'
              : 'From customer data'
        }
        onClick={() => setOpen((o) => !o)}
      >
        {stale ? <WarningIcon /> : <DataIcon />}
        <span aria-hidden="true">{stale ? 'stale' : formatLift(evidence.lift)}</span>
        {reimported && <span className="evidence-dot" aria-hidden="true" />}
      </button>
      {flag && (
        <span id={`${id}-flag`} className="visually-hidden">
          {stale ? 'Stale' : 'Dataset re-imported since'}
        </span>
      )}
      {open && (
        <div
          id={id}
          className={`evidence-popover ${alignEnd ? 'evidence-popover-end' : ''}`}
          data-testid="evidence-popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <EvidenceDetail evidence={evidence} staleness={staleness} />
        </div>
      )}
    </span>
  );
}

/** The numbers behind a criterion, in words: shown in the marker's popover. */
export function EvidenceDetail({ evidence, staleness }: { evidence: Evidence; staleness: Staleness }) {
  const against = comparisonLabel(evidence.comparison);
  return (
    <div className="evidence-detail">
      <p className="evidence-title">
        <strong>From customer data</strong>
        {staleness.state === 'stale' && <span className="badge badge-stale">Stale</span>}
        {staleness.state === 'reimported' && <span className="badge">Re-imported</span>}
      </p>
      {(staleness.state === 'stale' || staleness.state === 'reimported') && (
        <p className="evidence-warning" role="status">
          {staleness.reason[0]!.toUpperCase() + staleness.reason.slice(1)}.
        </p>
      )}
      <p>
        <strong>Lift {formatLiftWithInterval(evidence.lift, evidence.low, evidence.high)}</strong>
        <span className="muted"> · 95% interval</span>
      </p>
      <p>
        {formatShare(evidence.shareBest)} of best customers vs {formatShare(evidence.shareComparison)} of{' '}
        {against}
      </p>
      <p>
        n = {formatCount(evidence.n)}
        {evidence.winRate !== null && <> · win rate {formatShare(evidence.winRate)}</>}
        <span className="muted">
          {' '}
          · {formatCount(evidence.bestN)} best customers with a known{' '}
          {DIMENSION_LABEL[evidence.dimension].toLowerCase()}
        </span>
      </p>
      <p className="muted">
        Dataset “{evidence.datasetName}” rev {evidence.revision} ·{' '}
        <time dateTime={evidence.computedAt}>{formatDate(evidence.computedAt)}</time>
      </p>
      <p className="muted">Best customers: {evidence.bestCustomers}</p>
      {staleness.state === 'confirmed' && <p className="muted">Still holds: {staleness.note}.</p>}
    </div>
  );
}

function WarningIcon() {
  return (
    <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
      <path
        d="M6 1 11.2 10.5H.8z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
      <path d="M6 4.6v2.6M6 8.4v.4" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

function DataIcon() {
  return (
    <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
      <path d="M1.5 10.5V7M4.5 10.5V4M7.5 10.5V5.5M10.5 10.5V1.5" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
