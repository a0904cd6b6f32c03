import { useState } from 'react';
import { Link } from 'react-router';
import type { VersionDto } from '@bullseye/shared';
import { formatDateTime } from '../../ui/dateFormat.js';
import { Menu } from '../../ui/Menu.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { CompareWithPicker } from './CompareWithPicker.js';
import { ExportMenuItems } from './ExportMenuItems.js';
import { RestoreVersionDialog } from './RestoreVersionDialog.js';
import { useRestoreVersion } from './useRestoreVersion.js';
import { KIND_LABELS, versionName } from './versionLabel.js';
import { comparePath, versionPath } from './versionPaths.js';

interface VersionItemProps {
  icpId: string;
  version: VersionDto;
  versions: readonly VersionDto[];
  approved: boolean;
  underReview: boolean;
  canRestore: boolean;
  now: number;
}

/** One version in the history: what it is, who made it and when, and what can be done with it. */
export function VersionItem({
  icpId,
  version,
  versions,
  approved,
  underReview,
  canRestore,
  now,
}: VersionItemProps) {
  const [comparing, setComparing] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const restore = useRestoreVersion();
  const n = version.number;

  return (
    <li
      className={`version-item ${approved ? 'version-item-approved' : ''}`}
      data-testid="version-item"
      data-version-id={version.id}
      data-version-number={n}
      data-kind={version.kind}
    >
      <div className="version-item-head">
        <span className="version-number" aria-hidden="true">
          v{n}
        </span>
        <span className="version-name">
          <span className="visually-hidden">Version {n}: </span>
          {versionName(version)}
        </span>
        {KIND_LABELS[version.kind] !== versionName(version) && (
          <span className={`badge version-kind version-kind-${version.kind}`}>
            {KIND_LABELS[version.kind]}
          </span>
        )}
      </div>
      {(approved || underReview) && (
        <div className="version-badges">
          {approved && <span className="badge badge-approved">Approved</span>}
          {underReview && <span className="badge badge-review">In review</span>}
        </div>
      )}
      <p className="version-meta">
        {version.author ? version.author.name : 'Kept automatically'} ·{' '}
        <time dateTime={version.createdAt} title={formatDateTime(version.createdAt)}>
          {relativeTime(version.createdAt, now)}
        </time>
      </p>
      {version.note && <p className="version-note">{version.note}</p>}
      <div className="version-actions">
        <Link
          className="btn btn-sm btn-ghost"
          to={versionPath(icpId, version.id)}
          aria-label={`Open version ${n}`}
        >
          Open
        </Link>
        <Link
          className="btn btn-sm btn-ghost"
          to={comparePath(icpId, version.id, 'draft')}
          aria-label={`Compare version ${n} with the draft`}
        >
          Compare with draft
        </Link>
        {canRestore && (
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            aria-label={`Restore version ${n}`}
            onClick={() => setRestoring(true)}
          >
            Restore…
          </button>
        )}
        <Menu
          trigger={<span aria-hidden="true">⋯</span>}
          triggerLabel={`More actions for version ${n}`}
          triggerClassName="btn btn-sm btn-ghost version-more"
          align="end"
        >
          <button type="button" role="menuitem" className="menu-item" onClick={() => setComparing(true)}>
            Compare with…
          </button>
          <div className="menu-separator" role="separator" />
          <ExportMenuItems icpId={icpId} versionId={version.id} />
        </Menu>
      </div>
      {comparing && (
        <CompareWithPicker
          icpId={icpId}
          version={version}
          versions={versions}
          onCancel={() => setComparing(false)}
        />
      )}
      {restoring && (
        <RestoreVersionDialog
          version={version}
          onCancel={() => setRestoring(false)}
          onConfirm={async () => {
            await restore(version);
            setRestoring(false);
          }}
        />
      )}
    </li>
  );
}
