import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditVerifyDto } from '@bullseye/shared';
import { useToast } from '../../ui/Toast.js';
import { useNow } from '../comments/useNow.js';
import { AppHeader } from '../navigation/AppHeader.js';
import { useMembershipCheck } from '../workspaces/useMembershipCheck.js';
import { useWorkspace } from '../workspaces/useWorkspace.js';
import { AuditEntryRow } from './AuditEntryRow.js';
import { useAuditLog } from './useAuditLog.js';
import { useWorkspaceIcps } from './useWorkspaceIcps.js';
import { VerifyChain } from './VerifyChain.js';

/**
 * `/w/:workspaceId/audit[?icpId=]`: the workspace's append-only, hash-chained record of versions,
 * sign-off requests, sign-offs, approvals and restores, newest first, and the check that nobody
 * altered it.
 */
export function AuditPage() {
  const workspace = useWorkspace();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const icpId = params.get('icpId');
  const log = useAuditLog(workspace.id, icpId);
  const icps = useWorkspaceIcps(workspace.id);
  const [verified, setVerified] = useState<AuditVerifyDto | null>(null);
  const now = useNow(60_000);
  const filterId = useId();
  useMembershipCheck(log.error);

  useEffect(() => {
    document.title = `Audit log · ${workspace.name} · Bullseye`;
  }, [workspace.name]);

  const brokenSeq = verified && !verified.ok ? (verified.firstBroken?.seq ?? null) : null;
  const filtered = icps?.find((i) => i.id === icpId);

  return (
    <div className="app-shell">
      <AppHeader workspace={workspace} />
      <main className="page audit-page">
        <div className="page-head">
          <div>
            <h1>Audit log</h1>
            <p className="muted">
              Every version, sign-off request, sign-off, approval and restore in {workspace.name}, every
              blocking thread marked, resolved, reopened or deleted, and every member and invite link change.
              Each entry holds the hash of the one before it, so no record can be altered unnoticed.
            </p>
          </div>
        </div>

        <VerifyChain workspaceId={workspace.id} onResult={setVerified} />

        <div className="audit-toolbar">
          <label htmlFor={filterId} className="field-label">
            ICP
          </label>
          <select
            id={filterId}
            className="input input-sm"
            value={icpId ?? ''}
            onChange={(e) => setParams(e.target.value ? { icpId: e.target.value } : {}, { replace: true })}
          >
            <option value="">All ICPs</option>
            {icpId && !filtered && <option value={icpId}>This ICP</option>}
            {icps?.map((icp) => (
              <option key={icp.id} value={icp.id}>
                {icp.title}
                {icp.archivedAt ? ' (archived)' : ''}
              </option>
            ))}
          </select>
        </div>

        {log.error && (
          <div className="banner banner-error banner-inline" role="alert">
            {log.error.status === 403 ? 'You cannot see the audit log of this workspace.' : log.error.message}{' '}
            <button type="button" className="btn-link" onClick={log.reload}>
              Try again
            </button>
          </div>
        )}
        {log.entries === null && !log.error && <p className="muted">Loading…</p>}
        {log.entries?.length === 0 && (
          <div className="card empty">
            <h2>Nothing recorded yet</h2>
            <p className="muted">
              Entries appear here when someone names or restores a version, requests sign-off, signs off or
              approves{icpId ? ' on this ICP' : ''}.
            </p>
          </div>
        )}
        {log.entries && log.entries.length > 0 && (
          <ol className="audit-list" aria-label="Audit entries, newest first">
            {log.entries.map((entry) => (
              <AuditEntryRow
                key={entry.seq}
                entry={entry}
                now={now}
                broken={entry.seq === brokenSeq}
                showIcp={!icpId}
              />
            ))}
          </ol>
        )}
        {log.hasMore && (
          <div className="inbox-more">
            <button
              type="button"
              className="btn"
              disabled={log.loadingMore}
              onClick={() =>
                void log.loadMore().then((ok) => {
                  if (!ok) toast('Could not load older entries. Try again.', { tone: 'error' });
                })
              }
            >
              {log.loadingMore ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
