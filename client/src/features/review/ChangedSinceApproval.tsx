import { Link } from 'react-router';
import { comparePath } from '../versions/versionPaths.js';
import { useReview } from './reviewContext.js';

/** Whether the live draft still matches the approved version, with the way to the differences. */
export function ChangedSinceApproval({ approvedNumber }: { approvedNumber: number }) {
  const { icp, sinceApproval } = useReview();
  const { status, diff, versionId } = sinceApproval;
  if (status === 'none' || !versionId) return null;
  const sections = diff?.sections.length ?? 0;
  return (
    <div
      className={`since-approval since-approval-${status}`}
      data-testid="changed-since-approval"
      data-changed={status === 'changed' ? 'true' : status === 'same' ? 'false' : undefined}
      aria-live="polite"
    >
      {status === 'changed' && (
        <>
          <span className="since-approval-icon" aria-hidden="true">
            ●
          </span>
          <span className="grow">
            <strong>Changed since approval.</strong> The live draft differs from version {approvedNumber} in{' '}
            {sections === 1 ? '1 section' : `${sections} sections`}.
            <Link className="btn btn-sm since-approval-link" to={comparePath(icp.id, versionId, 'draft')}>
              See what changed
            </Link>
          </span>
        </>
      )}
      {status === 'same' && (
        <>
          <span className="since-approval-icon" aria-hidden="true">
            ✓
          </span>
          <span className="grow">The live draft matches the approved version.</span>
        </>
      )}
      {status === 'checking' && <span className="muted">Comparing the draft with the approved version…</span>}
      {status === 'error' && (
        <>
          <span className="grow">Could not compare the draft with the approved version.</span>
          <button type="button" className="btn-link" onClick={sinceApproval.refresh}>
            Try again
          </button>
        </>
      )}
    </div>
  );
}
