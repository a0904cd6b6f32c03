import { Link } from 'react-router';
import type { IcpReviewDto, VersionDto } from '@bullseye/shared';
import { formatDateTime } from '../../ui/dateFormat.js';
import { HashText } from '../../ui/HashText.js';
import { versionName } from './versionLabel.js';
import { editorPath, versionPath } from './versionPaths.js';

interface CompareSideProps {
  icpId: string;
  /** Null for the live draft. */
  version: VersionDto | null;
  /** The hash the comparison used (the draft's is computed by the server). */
  hash: string | null;
  review: IcpReviewDto;
  role: 'from' | 'to';
}

/** One side of a comparison: which version (or the live draft), when, its hash and status. */
export function CompareSide({ icpId, version, hash, review, role }: CompareSideProps) {
  return (
    <div className={`compare-side compare-side-${role}`} data-testid={`compare-${role}`}>
      <p className="compare-side-kicker">{role === 'from' ? 'Before' : 'After'}</p>
      {version ? (
        <>
          <p className="compare-side-title">
            <Link className="link" to={versionPath(icpId, version.id)}>
              Version {version.number} · {versionName(version)}
            </Link>
            {review.approved?.versionId === version.id && (
              <span className="badge badge-approved">Approved</span>
            )}
            {review.current?.versionId === version.id && (
              <span className="badge badge-review">In review</span>
            )}
          </p>
          <p className="compare-side-meta">
            {version.author?.name ?? 'Kept automatically'} · {formatDateTime(version.createdAt)}
          </p>
        </>
      ) : (
        <>
          <p className="compare-side-title">
            <Link className="link" to={editorPath(icpId)}>
              Live draft
            </Link>
          </p>
          <p className="compare-side-meta">As it is now, with everyone’s latest edits</p>
        </>
      )}
      {hash && (
        <p className="compare-side-meta">
          <HashText hash={hash} />
        </p>
      )}
    </div>
  );
}
