import { datasetScoringApi } from '../../api/datasetScoringApi.js';
import { formatDateTime } from '../../ui/dateFormat.js';
import { HashText } from '../../ui/HashText.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { formatCount } from '../insights/format.js';
import type { ScoringColumn } from './scoringColumns.js';
import { formatElapsed, sourceLabel } from './scoringFormat.js';

interface ScoringSummaryProps {
  column: ScoringColumn;
  /** Why this scoring no longer describes what it was made of, or null while it still does. */
  outdated: string | null;
  /** The dataset was re-imported since: the stored scores are gone from the export. */
  stale: boolean;
  busy: boolean;
  onScoreAgain: () => void;
}

/** Which model scored, when, by whom, its hash, whether it is outdated, and its CSV. */
export function ScoringSummary({ column, outdated, stale, busy, onScoreAgain }: ScoringSummaryProps) {
  const { scoring } = column;
  const label = sourceLabel(scoring.source);
  return (
    <div
      className={`scoring-summary scoring-summary-${column.kind}`}
      role="group"
      aria-label={`Scoring with ${column.kind === 'draft' ? 'the draft' : 'the approved version'}`}
    >
      <p className="scoring-summary-title">{label}</p>
      <p className="scoring-summary-meta">
        {formatCount(scoring.total)} accounts ·{' '}
        <span title={formatDateTime(scoring.createdAt)}>{relativeTime(scoring.createdAt)}</span>
        {scoring.createdBy && ` by ${scoring.createdBy.name}`} · {formatElapsed(scoring.elapsedMs)}
      </p>
      <p className="scoring-summary-meta">
        <HashText hash={scoring.source.modelHash} label="Model" />
      </p>
      {outdated && (
        <p className="scoring-outdated" role="status">
          {outdated}{' '}
          <button type="button" className="btn-link" disabled={busy} onClick={onScoreAgain}>
            Score again
          </button>
        </p>
      )}
      {!stale && (
        <a
          className="link small"
          href={datasetScoringApi.exportUrl(scoring.id)}
          download
          aria-label={`Download CSV of the ${column.title} scoring`}
        >
          Download CSV
        </a>
      )}
    </div>
  );
}
