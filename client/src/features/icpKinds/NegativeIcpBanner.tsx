import type { IcpDto } from '@bullseye/shared';
import { NEGATIVE_BANNER } from './kindText.js';
import '../../styles/icpKinds.css';

/**
 * At the top of a negative ICP's editor: what it is, and whether it is in force (a version
 * approved) or not yet.
 */
export function NegativeIcpBanner({ icp }: { icp: IcpDto }) {
  if (icp.kind !== 'negative') return null;
  const approved = icp.review.approved;
  return (
    <div className="banner banner-negative" role="note" data-testid="negative-icp-banner">
      <span className="banner-negative-mark" aria-hidden="true">
        ⊘
      </span>
      <p>
        <strong>{NEGATIVE_BANNER.headline}</strong> {NEGATIVE_BANNER.explanation}
        <span className="banner-negative-state">
          {approved
            ? ` In force: version ${approved.number} disqualifies accounts in the other ICPs; edits apply once approved.`
            : ' Not in force yet: no version is approved.'}
        </span>
      </p>
    </div>
  );
}
