import { Link } from 'react-router';
import { comparePath, versionPath } from '../versions/versionPaths.js';
import { useReview } from './reviewContext.js';
import '../../styles/signingVersion.css';

interface SigningVersionNoticeProps {
  versionId: string;
  versionNumber: number;
  /** The hash of the version under review (what every sign-off records). */
  versionHash: string;
}

/**
 * Beside the sign-off buttons: whether the draft on screen is still the version people are
 * signing. Compared live, in this browser (SHA-256 of the document's canonical JSON against the
 * version's hash), so it changes as someone types. When they differ it says so loudly, with the way
 * to the differences and to the version itself, read-only.
 */
export function SigningVersionNotice({ versionId, versionNumber, versionHash }: SigningVersionNoticeProps) {
  const { icp, draftHash } = useReview();
  if (draftHash === null) return null;
  const open = (
    <Link className="btn btn-sm signing-open" to={versionPath(icp.id, versionId)}>
      Open version {versionNumber} (read-only)
    </Link>
  );
  if (draftHash === versionHash) {
    return (
      <div className="signing-version signing-version-same" data-testid="signing-version" data-moved="false">
        <span aria-hidden="true">✓</span>
        <span className="grow">
          The draft is still version {versionNumber}: you are signing what you see.
        </span>
      </div>
    );
  }
  return (
    <div
      className="signing-version signing-version-moved"
      role="status"
      data-testid="signing-version"
      data-moved="true"
    >
      <p className="signing-version-text">
        <strong>
          The draft has changed since version {versionNumber} was requested — you are signing version{' '}
          {versionNumber}, not the draft.
        </strong>
      </p>
      <div className="signing-version-actions">
        {open}
        <Link className="btn btn-sm" to={comparePath(icp.id, versionId, 'draft')}>
          See what changed
        </Link>
      </div>
    </div>
  );
}
