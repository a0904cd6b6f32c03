import { Link } from 'react-router';
import { useNow } from '../comments/useNow.js';
import { NameVersionForm } from './NameVersionForm.js';
import { VersionItem } from './VersionItem.js';
import { comparePath } from './versionPaths.js';
import { useVersions } from './versionsContext.js';

/**
 * The History tab of the editor's panel: every version of the ICP, newest first (named ones,
 * automatic snapshots, restores), each to open, compare, restore or export; editors name the
 * current draft as a version here.
 */
export function HistoryPanel() {
  const { icp, versions, error, reload } = useVersions();
  const now = useNow(60_000);
  const archived = icp.archivedAt !== null;
  const { approved, current } = icp.review;

  return (
    <div className="history-panel" data-testid="history-panel">
      <div className="history-head">
        <p className="muted small">
          Versions are kept as the ICP is edited. Open one to read it as it was, or compare it with the draft.
        </p>
        {icp.reviewAbilities.requestSignOff && !archived && <NameVersionForm />}
        {approved && (
          <Link className="link small" to={comparePath(icp.id, approved.versionId, 'draft')}>
            Compare the draft with the approved version {approved.number}
          </Link>
        )}
      </div>
      {error && (
        <div className="comment-error" role="alert">
          <span className="grow">History could not be loaded: {error.message}</span>
          <button type="button" className="btn btn-sm" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {versions === null && !error && <p className="muted small history-empty">Loading history…</p>}
      {versions?.length === 0 && (
        <div className="history-empty">
          <p className="muted">No versions yet.</p>
          <p className="muted small">
            Bullseye keeps a version every 10 minutes while people edit, and when the last editor leaves. Name
            one to mark a milestone, like the end of a workshop.
          </p>
        </div>
      )}
      {versions && versions.length > 0 && (
        <ol className="version-list" aria-label="Versions, newest first">
          {versions.map((version) => (
            <VersionItem
              key={version.id}
              icpId={icp.id}
              version={version}
              versions={versions}
              approved={approved?.versionId === version.id}
              underReview={current?.versionId === version.id}
              canRestore={icp.reviewAbilities.restore}
              now={now}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
