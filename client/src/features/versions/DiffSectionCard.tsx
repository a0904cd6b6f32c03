import { useState } from 'react';
import type { RangeSection, SectionDiff } from '@bullseye/shared';
import { rangeSummary } from '../../editor/rangeSummary.js';
import { rangeValueOf } from './canonicalContent.js';
import { collapseUnchanged, diffSummary, type TitledDiff } from './diffDisplay.js';

/**
 * What changed in one section: criteria added, removed, renamed; a band; words in a narrative; or
 * the scoring settings (importances, acceptable bands, disqualifier rules, grade thresholds).
 */
export function DiffSectionCard({ item }: { item: TitledDiff }) {
  const { diff, section, title } = item;
  return (
    <section
      className="diff-section"
      data-testid="diff-section"
      data-section={diff.key}
      data-kind={diff.kind}
      aria-labelledby={`diff-${diff.key}`}
    >
      <header className="diff-section-head">
        <h2 id={`diff-${diff.key}`}>{title}</h2>
        <span className="diff-summary">{diffSummary(diff)}</span>
      </header>
      {diff.kind === 'list' && <ListDiff diff={diff} />}
      {diff.kind === 'range' && (
        <RangeDiff diff={diff} section={section?.kind === 'range' ? section : null} />
      )}
      {diff.kind === 'richText' && <TextDiff diff={diff} />}
      {diff.kind === 'scoring' && <ScoringDiff diff={diff} />}
    </section>
  );
}

function ListDiff({ diff }: { diff: Extract<SectionDiff, { kind: 'list' }> }) {
  return (
    <ul className="diff-list">
      {diff.added.map((item) => (
        <li key={`a-${item.id}`} className="diff-item diff-item-added" data-testid="diff-added">
          <span className="diff-sign" aria-hidden="true">
            +
          </span>
          <ins>
            <span className="visually-hidden">Added: </span>
            {item.text}
          </ins>
        </li>
      ))}
      {diff.removed.map((item) => (
        <li key={`r-${item.id}`} className="diff-item diff-item-removed" data-testid="diff-removed">
          <span className="diff-sign" aria-hidden="true">
            −
          </span>
          <del>
            <span className="visually-hidden">Removed: </span>
            {item.text}
          </del>
        </li>
      ))}
      {diff.changed.map((item) => (
        <li key={`c-${item.id}`} className="diff-item diff-item-changed" data-testid="diff-changed">
          <span className="diff-sign" aria-hidden="true">
            ~
          </span>
          <span>
            <del>
              <span className="visually-hidden">Changed from: </span>
              {item.before}
            </del>
            <span className="diff-arrow" aria-hidden="true">
              →
            </span>
            <ins>
              <span className="visually-hidden"> to: </span>
              {item.after}
            </ins>
          </span>
        </li>
      ))}
    </ul>
  );
}

function RangeDiff({
  diff,
  section,
}: {
  diff: Extract<SectionDiff, { kind: 'range' }>;
  section: RangeSection | null;
}) {
  const text = (raw: unknown) => {
    const value = rangeValueOf(raw);
    return section ? rangeSummary(value, section) : `${value.min ?? '…'} – ${value.max ?? '…'}`;
  };
  return (
    <p className="diff-range" data-testid="diff-range">
      <del>
        <span className="visually-hidden">Was: </span>
        {text(diff.before)}
      </del>
      <span className="diff-arrow" aria-hidden="true">
        →
      </span>
      <ins>
        <span className="visually-hidden"> now: </span>
        {text(diff.after)}
      </ins>
    </p>
  );
}

function TextDiff({ diff }: { diff: Extract<SectionDiff, { kind: 'richText' }> }) {
  const [full, setFull] = useState(false);
  const pieces = full ? diff.changes : collapseUnchanged(diff.changes);
  const collapsed = pieces.some((p) => p.type === 'gap');
  return (
    <div className="diff-text-wrap">
      <p className="diff-text" data-testid="diff-text">
        {pieces.map((piece, index) => {
          switch (piece.type) {
            case 'added':
              return <ins key={index}>{piece.text}</ins>;
            case 'removed':
              return <del key={index}>{piece.text}</del>;
            case 'gap':
              return (
                <span key={index} className="diff-gap" title="Unchanged text left out">
                  …
                </span>
              );
            default:
              return <span key={index}>{piece.text}</span>;
          }
        })}
      </p>
      {(collapsed || full) && (
        <button type="button" className="btn-link diff-expand" onClick={() => setFull(!full)}>
          {full ? 'Show only the changes' : 'Show the whole section'}
        </button>
      )}
    </div>
  );
}

/** Scoring settings that changed, each as "was → now" ("not set" when absent on one side). */
function ScoringDiff({ diff }: { diff: Extract<SectionDiff, { kind: 'scoring' }> }) {
  return (
    <ul className="diff-scoring" data-testid="diff-scoring">
      {diff.changes.map((change) => (
        <li key={change.label}>
          <span className="diff-scoring-label">{change.label}</span>
          <del>
            <span className="visually-hidden">Was: </span>
            {change.before ?? 'not set'}
          </del>
          <span className="diff-arrow" aria-hidden="true">
            →
          </span>
          <ins>
            <span className="visually-hidden"> now: </span>
            {change.after ?? 'not set'}
          </ins>
        </li>
      ))}
    </ul>
  );
}
