import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import type { IcpDto, WorkshopDto, WorkshopSummaryDto } from '@bullseye/shared';
import { useIcp } from '../../editor/useIcp.js';
import { formatDateTime } from '../../ui/dateFormat.js';
import { editorPath, versionPath } from '../versions/versionPaths.js';
import { VersionsTopbar } from '../versions/VersionsTopbar.js';
import { formatDuration } from './formatDuration.js';
import { SummaryChanges } from './SummaryChanges.js';
import { SummaryPeople } from './SummaryPeople.js';
import { SummaryVotes } from './SummaryVotes.js';
import { useWorkshopDetail } from './useWorkshopDetail.js';

/**
 * `/icp/:id/workshops/:workshopId`: what an ended workshop did, for those who were there and those
 * who missed it: the version it ended as, time per step, what changed in the ICP, the votes, what
 * was added (with who proposed it), open threads, and who took part by function.
 */
export function WorkshopSummaryPage() {
  const { id = '', workshopId = '' } = useParams();
  const { icp, error: icpError } = useIcp(id);
  const { workshop, error } = useWorkshopDetail(workshopId);
  const failure = icpError ?? error ?? (workshop && workshop.icpId !== id ? 'wrong' : null);

  useEffect(() => {
    if (icp) document.title = `Workshop summary · ${icp.title} · Bullseye`;
  }, [icp]);

  return (
    <div className="app-shell">
      <VersionsTopbar icp={icp}>
        <span className="crumb-current" aria-current="page">
          Workshop summary
        </span>
      </VersionsTopbar>
      <main className="page page-wide workshop-summary" data-testid="workshop-summary">
        {failure ? (
          <div className="card empty" role="alert">
            <h1>This workshop summary is not available</h1>
            <p className="muted">
              {typeof failure === 'string' || failure.status === 404
                ? 'The link may be wrong, or the ICP belongs to a workspace you are not a member of.'
                : failure.message}
            </p>
            <Link to="/" className="btn btn-primary">
              Go to your workspaces
            </Link>
          </div>
        ) : !icp || !workshop ? (
          <p className="muted">Opening the summary…</p>
        ) : workshop.summary ? (
          <Summary icp={icp} workshop={workshop} summary={workshop.summary} />
        ) : (
          <div className="card empty">
            <h1>This workshop is still running</h1>
            <p className="muted">Its summary is written when the facilitator ends it.</p>
            <Link to={editorPath(icp.id)} className="btn btn-primary">
              Open the ICP
            </Link>
          </div>
        )}
      </main>
    </div>
  );
}

function Summary({
  icp,
  workshop,
  summary,
}: {
  icp: IcpDto;
  workshop: WorkshopDto;
  summary: WorkshopSummaryDto;
}) {
  const versionName = summary.version.name ?? `Version ${summary.version.number}`;
  return (
    <>
      <header className="page-head">
        <div>
          <h1>{versionName}</h1>
          <p className="muted">
            Workshop on {icp.title} · {formatDateTime(workshop.startedAt)} ·{' '}
            <span data-testid="summary-duration">{formatDuration(summary.durationMs)}</span> · facilitated by{' '}
            {workshop.facilitator.name}
          </p>
        </div>
        <div className="row">
          <Link
            className="btn btn-primary"
            to={versionPath(icp.id, summary.version.id)}
            data-testid="summary-version-link"
          >
            Open version {summary.version.number}
          </Link>
          <Link className="btn" to={editorPath(icp.id)}>
            Live draft
          </Link>
        </div>
      </header>
      <div className="summary-grid">
        <section className="card summary-card" aria-labelledby="summary-steps">
          <h2 id="summary-steps">Time per step</h2>
          <table className="summary-table">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Planned</th>
                <th scope="col">Spent</th>
              </tr>
            </thead>
            <tbody>
              {summary.steps.map((step, index) => (
                <tr key={index} className={step.spentMs > step.plannedMs ? 'summary-over' : ''}>
                  <th scope="row">{step.title}</th>
                  <td>{formatDuration(step.plannedMs)}</td>
                  <td>
                    {formatDuration(step.spentMs)}
                    {step.spentMs > step.plannedMs && <span className="visually-hidden"> (over time)</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <SummaryPeople summary={summary} />
      </div>
      <SummaryVotes summary={summary} />
      <SummaryChanges changes={summary.changes} />
      <section className="card summary-card" aria-labelledby="summary-threads">
        <h2 id="summary-threads">Open comment threads ({summary.openThreadCount})</h2>
        {summary.openThreads.length === 0 ? (
          <p className="muted">No open threads.</p>
        ) : (
          <ul className="plain-list summary-threads">
            {summary.openThreads.map((thread) => (
              <li key={thread.id}>
                <Link className="link" to={`${editorPath(icp.id)}?thread=${encodeURIComponent(thread.id)}`}>
                  “{thread.excerpt}”
                </Link>
                <span className="muted small"> · {thread.author?.name ?? 'a former member'}</span>
              </li>
            ))}
            {summary.openThreadCount > summary.openThreads.length && (
              <li className="muted small">
                and {summary.openThreadCount - summary.openThreads.length} more in the ICP
              </li>
            )}
          </ul>
        )}
      </section>
    </>
  );
}
