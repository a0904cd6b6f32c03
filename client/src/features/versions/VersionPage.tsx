import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { IcpDto, SignOffDto, VersionDetailDto } from '@bullseye/shared';
import type { ApiError } from '../../api/apiError.js';
import { useIcp } from '../../editor/useIcp.js';
import { formatDateTime } from '../../ui/dateFormat.js';
import { HashText } from '../../ui/HashText.js';
import { Menu } from '../../ui/Menu.js';
import { VersionChecklistCard } from '../coach/VersionChecklistCard.js';
import { functionSignOffs } from '../review/functionSignOffs.js';
import { PrintHeader } from '../print/PrintHeader.js';
import { versionPrintLabel } from '../print/printLabel.js';
import { CanonicalIcpView } from './CanonicalIcpView.js';
import { ExportMenuItems } from './ExportMenuItems.js';
import { RestoreVersionDialog } from './RestoreVersionDialog.js';
import { useRestoreVersion } from './useRestoreVersion.js';
import { useVersionDetail } from './useVersionDetail.js';
import { versionName } from './versionLabel.js';
import { comparePath, editorPath } from './versionPaths.js';
import { VersionsTopbar } from './VersionsTopbar.js';

/**
 * `/icp/:id/versions/:versionId`: one version, read-only, as it was (from its canonical JSON), with
 * the way back to the live draft, compare, restore and export. `?print=1` opens the print dialog
 * once it has rendered; the print layout fits the ICP on one page.
 */
export function VersionPage() {
  const { id = '', versionId = '' } = useParams();
  const { icp, error: icpError } = useIcp(id);
  const { version, error } = useVersionDetail(versionId);
  const wrongIcp = version !== null && version.icpId !== id;

  useEffect(() => {
    if (icp && version) document.title = `Version ${version.number} · ${icp.title} · Bullseye`;
  }, [icp, version]);

  const failure = icpError ?? error;
  if (failure || wrongIcp) return <VersionUnavailable icp={icp} error={failure} />;
  if (!icp || !version) {
    return (
      <div className="app-shell">
        <VersionsTopbar icp={icp} />
        <p className="muted page">Opening the version…</p>
      </div>
    );
  }
  return <VersionScreen icp={icp} version={version} />;
}

function VersionScreen({ icp, version }: { icp: IcpDto; version: VersionDetailDto }) {
  const navigate = useNavigate();
  const restore = useRestoreVersion();
  const [restoring, setRestoring] = useState(false);
  usePrintOnOpen();
  const { approved, current } = icp.review;
  const isApproved = approved?.versionId === version.id;
  const inReview = current?.versionId === version.id;
  const title = `Version ${version.number} · ${versionName(version)}`;
  const madeBy = version.author ? `Saved by ${version.author.name}` : 'Kept automatically';

  return (
    <div className="app-shell version-shell">
      <VersionsTopbar icp={icp}>
        <span className="crumb-current" aria-current="page">
          Version {version.number}
        </span>
      </VersionsTopbar>
      <div className="version-banner" data-testid="version-banner" role="region" aria-label="Version">
        <div className="version-banner-text">
          <p className="version-banner-title">
            <strong>{title}</strong>
            <span className="version-banner-sep" aria-hidden="true">
              ·
            </span>
            <span>read-only</span>
            {isApproved && <span className="badge badge-approved">Approved</span>}
            {inReview && <span className="badge badge-review">In review</span>}
          </p>
          <p className="version-banner-meta">
            {madeBy} · <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time> ·{' '}
            <HashText hash={version.hash} />
          </p>
          {isApproved && approved && (
            <p className="version-banner-meta">
              Approved by {approved.approvedBy?.name ?? 'a former member'} on{' '}
              {formatDateTime(approved.approvedAt)}, signed off by {approvedSigners(approved.signOffs)}
            </p>
          )}
          {version.note && <p className="version-banner-note">{version.note}</p>}
        </div>
        <div className="version-banner-actions">
          <Link className="btn btn-sm btn-primary" to={editorPath(icp.id)}>
            Back to the live draft
          </Link>
          <Link className="btn btn-sm" to={comparePath(icp.id, version.id, 'draft')}>
            Compare with draft
          </Link>
          {icp.reviewAbilities.restore && (
            <button type="button" className="btn btn-sm" onClick={() => setRestoring(true)}>
              Restore this version
            </button>
          )}
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => window.print()}
            title="Print or save as PDF: one page, headed with this version's number, date and hash"
          >
            Print
          </button>
          <Menu trigger={<>Export ▾</>} triggerLabel="Export" triggerClassName="btn btn-sm" align="end">
            <ExportMenuItems icpId={icp.id} versionId={version.id} withPrint={false} />
          </Menu>
        </div>
      </div>
      <main
        className="editor-main version-main"
        data-testid="version-view"
        data-version-number={version.number}
      >
        <PrintHeader
          title={version.title}
          label={versionPrintLabel({
            number: version.number,
            name: versionName(version),
            hash: version.hash,
            savedAt: formatDateTime(version.createdAt),
            approvedAt: isApproved && approved ? formatDateTime(approved.approvedAt) : null,
            inReview,
          })}
        />
        {version.title !== icp.title && (
          <p className="muted small version-old-title">
            Titled “{version.title}” at the time (now “{icp.title}”).
          </p>
        )}
        <VersionChecklistCard checklist={version.checklist} />
        <CanonicalIcpView content={version.content} workspaceId={icp.workspaceId} />
      </main>
      {restoring && (
        <RestoreVersionDialog
          version={version}
          onCancel={() => setRestoring(false)}
          onConfirm={async () => {
            const result = await restore(version);
            setRestoring(false);
            if (result) void navigate(editorPath(icp.id, 'history'));
          }}
        />
      )}
    </div>
  );
}

/** "Sam Seller (Sales), Mia Marketer (Marketing), …" */
function approvedSigners(signOffs: readonly SignOffDto[]): string {
  return functionSignOffs(signOffs)
    .map((row) => `${row.signOff?.by?.name ?? 'nobody'} (${row.label})`)
    .join(', ');
}

/** `?print=1`: print once the page has rendered, then drop the parameter. */
function usePrintOnOpen() {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('print') === '1';
  const done = useRef(false);
  useEffect(() => {
    if (!wanted || done.current) return;
    done.current = true;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('print');
        return next;
      },
      { replace: true },
    );
    // Not cancelled on cleanup: StrictMode's second run must not lose the one print.
    requestAnimationFrame(() => window.print());
  }, [wanted, setParams]);
}

function VersionUnavailable({ icp, error }: { icp: IcpDto | null; error: ApiError | null }) {
  const notFound = !error || error.status === 404;
  return (
    <div className="app-shell">
      <VersionsTopbar icp={icp} />
      <main className="page page-narrow">
        <div className="card empty">
          <h1>{notFound ? 'This version does not exist' : 'Could not open this version'}</h1>
          <p className="muted">
            {notFound
              ? 'The link may be wrong, or the version belongs to an ICP you cannot see.'
              : error.message}
          </p>
          <Link to={icp ? editorPath(icp.id) : '/'} className="btn btn-primary">
            {icp ? 'Back to the live draft' : 'All ICPs'}
          </Link>
        </div>
      </main>
    </div>
  );
}
