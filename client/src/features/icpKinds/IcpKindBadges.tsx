import type { IcpKind } from '@bullseye/shared';
import { KIND_TEXT } from './kindText.js';
import '../../styles/icpKinds.css';

/**
 * "Primary" on the workspace's primary ICP and "Negative ICP" on a negative one; nothing for an
 * ordinary ICP, which is what most are.
 */
export function IcpKindBadges({ icp }: { icp: { kind: IcpKind; primary: boolean } }) {
  if (icp.kind === 'icp' && !icp.primary) return null;
  return (
    <span className="icp-kind-badges">
      {icp.primary && icp.kind === 'icp' && (
        <span
          className="badge badge-primary-icp"
          data-testid="primary-badge"
          title="The workspace's primary ICP: the one the team leads with"
        >
          <span aria-hidden="true">★</span> <span className="icp-kind-badge-label">Primary</span>
        </span>
      )}
      {icp.kind === 'negative' && (
        <span
          className="badge badge-negative-icp"
          data-testid="negative-badge"
          title={KIND_TEXT.negative.label}
        >
          <span aria-hidden="true">⊘</span>{' '}
          <span className="icp-kind-badge-label">{KIND_TEXT.negative.badge}</span>
        </span>
      )}
    </span>
  );
}
