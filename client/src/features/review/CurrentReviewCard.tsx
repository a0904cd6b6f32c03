import { Link } from 'react-router';
import type { IcpReviewDto } from '@bullseye/shared';
import { HashText } from '../../ui/HashText.js';
import { useCommentsOptional } from '../comments/commentsContext.js';
import { comparePath, versionPath } from '../versions/versionPaths.js';
import { useVersions } from '../versions/versionsContext.js';
import { versionName } from '../versions/versionLabel.js';
import { ApproveVersion } from './ApproveVersion.js';
import { BlockingThreadsNotice } from './BlockingThreadsNotice.js';
import { FunctionSignOffRow } from './FunctionSignOffRow.js';
import { functionSignOffs } from './functionSignOffs.js';
import { SigningVersionNotice } from './SigningVersionNotice.js';
import { useReview } from './reviewContext.js';
import { WhoWhen } from './WhoWhen.js';

type Current = NonNullable<IcpReviewDto['current']>;

/** The version under review: who asked, each function's sign-off, and the approval. */
export function CurrentReviewCard({ current, now }: { current: Current; now: number }) {
  const { icp, abilities, draftHash } = useReview();
  // When the draft has moved on, the notice below offers these two, where people sign.
  const draftMoved = draftHash !== null && draftHash !== current.hash;
  const { versions } = useVersions();
  const blockingOpen = useCommentsOptional()?.counts.blockingOpen ?? 0;
  const version = versions?.find((v) => v.id === current.versionId);
  const title = version ? `Version ${current.number} · ${versionName(version)}` : `Version ${current.number}`;
  const rows = functionSignOffs(current.signOffs);
  const myFunction = abilities.signOffFor;

  return (
    <section
      className="review-card review-current"
      aria-labelledby="review-current-title"
      data-testid="review-current"
    >
      <p className="review-card-kicker">Under review</p>
      <h3 id="review-current-title" className="review-card-title">
        {title}
      </h3>
      <p className="review-card-meta">
        Requested by <WhoWhen who={current.requestedBy} at={current.requestedAt} now={now} />
      </p>
      <p className="review-card-meta">
        <HashText hash={current.hash} />
      </p>
      {!draftMoved && (
        <div className="review-card-links">
          <Link className="link" to={versionPath(icp.id, current.versionId)}>
            Open version {current.number} (read-only)
          </Link>
          <Link className="link" to={comparePath(icp.id, current.versionId, 'draft')}>
            Compare with draft
          </Link>
        </div>
      )}
      {blockingOpen > 0 && <BlockingThreadsNotice count={blockingOpen} />}
      <SigningVersionNotice
        versionId={current.versionId}
        versionNumber={current.number}
        versionHash={current.hash}
      />
      <ul className="signoff-list" aria-label={`Sign-offs on version ${current.number}`}>
        {rows.map((row) => (
          <FunctionSignOffRow
            key={row.fn}
            row={row}
            versionId={current.versionId}
            versionNumber={current.number}
            mine={row.fn === myFunction}
            blockingOpen={blockingOpen}
            now={now}
          />
        ))}
      </ul>
      <ApproveVersion current={current} title={title} />
    </section>
  );
}
