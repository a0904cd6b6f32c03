import { useId } from 'react';
import type { DatasetDto } from '@bullseye/shared';
import { useInsights } from '../insights/insightsContext.js';
import { useReview } from '../review/reviewContext.js';
import { BacktestTable } from './BacktestTable.js';
import { GradeDistribution } from './GradeDistribution.js';
import { scoringColumns, type ScoringColumn } from './scoringColumns.js';
import { ScoringSummary } from './ScoringSummary.js';
import { TopAccounts } from './TopAccounts.js';
import { useDraftScoringModel } from './useDraftScoringModel.js';
import type { DatasetScorings } from './useDatasetScorings.js';

interface ScoringResultsProps {
  dataset: DatasetDto;
  scorings: DatasetScorings;
}

/** The stored scorings of a dataset: approved version and draft side by side, whichever exist. */
export function ScoringResults({ dataset, scorings }: ScoringResultsProps) {
  const titleId = useId();
  const { approved, draft, loading, loadError, reload, running, score } = scorings;
  const columns = scoringColumns(approved, draft);

  let body;
  if (loadError) {
    body = (
      <div className="comment-error" role="alert">
        <span className="grow">The stored scorings could not be loaded: {loadError.message}</span>
        <button type="button" className="btn btn-sm" onClick={reload}>
          Try again
        </button>
      </div>
    );
  } else if (loading) {
    body = (
      <p className="muted small" role="status">
        Loading scorings…
      </p>
    );
  } else if (columns.length === 0) {
    body = (
      <p className="muted small">
        “{dataset.name}” has not been scored with this ICP yet. Score it with the approved version, the draft,
        or both to compare them.
      </p>
    );
  } else {
    const stale = (c: ScoringColumn) => c.scoring.stale || c.scoring.revision < dataset.revision;
    body = (
      <>
        <div className={columns.length > 1 ? 'scoring-summaries scoring-summaries-two' : 'scoring-summaries'}>
          {columns.map((c) =>
            c.kind === 'draft' ? (
              <DraftSummary
                key={c.kind}
                column={c}
                stale={stale(c)}
                busy={running !== null}
                onScoreAgain={() => score('draft')}
              />
            ) : (
              <ApprovedSummary
                key={c.kind}
                column={c}
                stale={stale(c)}
                busy={running !== null}
                onScoreAgain={() => score('approved')}
              />
            ),
          )}
        </div>
        <h4 className="scoring-subhead">Grade distribution</h4>
        <GradeDistribution columns={columns} />
        <h4 className="scoring-subhead">Backtest</h4>
        <BacktestTable columns={columns} />
        <TopAccounts columns={columns} />
      </>
    );
  }

  return (
    <section
      className="data-card scoring-results"
      aria-labelledby={titleId}
      aria-busy={running !== null}
      data-testid="scoring-results"
    >
      <h3 id={titleId}>Results for “{dataset.name}”</h3>
      {body}
    </section>
  );
}

interface SummaryProps {
  column: ScoringColumn;
  stale: boolean;
  busy: boolean;
  onScoreAgain: () => void;
}

const REIMPORTED = 'The data was re-imported since: score again to grade the new accounts.';

function ApprovedSummary({ column, stale, ...rest }: SummaryProps) {
  const approved = useReview().review.approved;
  const scored = column.scoring.source.version?.number;
  const superseded =
    approved && scored !== approved.number ? `Version ${approved.number} has been approved since.` : null;
  return (
    <ScoringSummary column={column} stale={stale} outdated={stale ? REIMPORTED : superseded} {...rest} />
  );
}

/** The draft's scoring, compared with the live draft: edits to scored criteria make it outdated. */
function DraftSummary({ column, stale, ...rest }: SummaryProps) {
  const liveHash = useDraftScoringModel(useInsights().doc).hash;
  // Before the first sync the document may be an old local copy: no verdict on it yet.
  const synced = useReview().draftHash !== null;
  const changed =
    synced && liveHash !== column.scoring.source.modelHash
      ? 'The draft’s criteria have changed since this scoring.'
      : null;
  return <ScoringSummary column={column} stale={stale} outdated={stale ? REIMPORTED : changed} {...rest} />;
}
