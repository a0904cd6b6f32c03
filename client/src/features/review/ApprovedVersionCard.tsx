import { Link } from 'react-router';
import type { IcpReviewDto } from '@bullseye/shared';
import { HashText } from '../../ui/HashText.js';
import { versionPath } from '../versions/versionPaths.js';
import { ChangedSinceApproval } from './ChangedSinceApproval.js';
import { functionSignOffs } from './functionSignOffs.js';
import { useReview } from './reviewContext.js';
import { WhoWhen } from './WhoWhen.js';

type Approved = NonNullable<IcpReviewDto['approved']>;

/** The ICP's approved version: who approved it, who signed it for each function, and its hash. */
export function ApprovedVersionCard({ approved, now }: { approved: Approved; now: number }) {
  const { icp } = useReview();
  const rows = functionSignOffs(approved.signOffs);
  const title = approved.name
    ? `Version ${approved.number} · ${approved.name}`
    : `Version ${approved.number}`;
  return (
    <section
      className="review-card review-approved"
      aria-labelledby="review-approved-title"
      data-testid="review-approved"
    >
      <p className="review-card-kicker">Approved version</p>
      <h3 id="review-approved-title" className="review-card-title">
        {title}
      </h3>
      <p className="review-card-meta">
        Approved by <WhoWhen who={approved.approvedBy} at={approved.approvedAt} now={now} />
      </p>
      <ChangedSinceApproval approvedNumber={approved.number} />
      <ul
        className="signoff-list signoff-list-compact"
        aria-label={`Sign-offs on version ${approved.number}`}
      >
        {rows.map((row) => (
          <li key={row.fn} className={`signoff-row signoff-${row.decision}`} data-function={row.fn}>
            <span className={`signoff-icon signoff-icon-${row.decision}`} aria-hidden="true">
              {row.decision === 'approve' ? '✓' : ''}
            </span>
            <div className="signoff-main">
              <div className="signoff-head">
                <span className="signoff-function">{row.label}</span>
                {row.signOff ? (
                  <WhoWhen who={row.signOff.by} at={row.signOff.at} now={now} />
                ) : (
                  <span className="muted">No sign-off recorded</span>
                )}
              </div>
            </div>
          </li>
        ))}
      </ul>
      <div className="review-card-foot">
        <HashText hash={approved.hash} />
        <Link className="link" to={versionPath(icp.id, approved.versionId)}>
          Open version {approved.number}
        </Link>
      </div>
    </section>
  );
}
