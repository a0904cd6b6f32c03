import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { DatasetDto, ImportDto } from '@bullseye/shared';
import { formatDateTime } from '../../ui/dateFormat.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { ImportPanel } from './ImportPanel.js';
import { plural, statusSummary } from './format.js';
import { doneSummary, isTerminal } from './importState.js';
import { useLiveImport } from './useLiveImport.js';

interface DatasetItemProps {
  dataset: DatasetDto;
  meId: string;
  now: number;
  onReimport: (dataset: DatasetDto) => void;
  onDelete: (dataset: DatasetDto) => void;
  onRemoveFailed: (dataset: DatasetDto) => void;
  /** An import this page watched has ended: the dataset's counts (or the dataset itself) changed. */
  onSettled: (dataset: DatasetDto, imp: ImportDto) => void;
  /** The import vanished (the dataset was deleted elsewhere). */
  onGone: () => void;
  /** Another dataset's import also waits for a mapping or decision and is shown open instead. */
  folded: boolean;
}

/** One dataset: what it holds, who imported it, its actions, and its running import. */
export function DatasetItem({
  dataset,
  meId,
  now,
  onReimport,
  onDelete,
  onRemoveFailed,
  onSettled,
  onGone,
  folded,
}: DatasetItemProps) {
  const settled = useCallback((imp: ImportDto) => onSettled(dataset, imp), [onSettled, dataset]);
  const { imp, apply, offer } = useLiveImport(dataset.latestImport, settled, onGone);

  // An import seen running stays open when it ends, until closed; one that ended earlier does not.
  // Whether it re-imports into accounts already there is told when it is first seen running.
  const [open, setOpen] = useState<{ id: string; reimport: boolean } | null>(null);
  const [closedId, setClosedId] = useState<string | null>(null);
  if (imp && !isTerminal(imp.state) && open?.id !== imp.id) {
    setOpen({ id: imp.id, reimport: dataset.state === 'ready' });
  }
  const close = useCallback(() => setClosedId(imp?.id ?? null), [imp?.id]);

  const failedFirst = dataset.state === 'failed';
  const running = !!imp && !isTerminal(imp.state);
  const showPanel = !!imp && !failedFirst && open?.id === imp.id && closedId !== imp.id;
  const ready = dataset.state === 'ready';
  const importer = imp?.createdBy ?? dataset.createdBy;
  const status = statusSummary(dataset.statusCounts);
  const accountsPath = `/w/${dataset.workspaceId}/data/${dataset.id}`;

  return (
    <li className="ds-row" data-testid="dataset-row" data-dataset-id={dataset.id}>
      <div className="ds-row-top">
        <div className="ds-row-main">
          <div className="ds-row-title">
            {ready ? (
              <Link to={accountsPath} className="ds-row-name">
                {dataset.name}
              </Link>
            ) : (
              <span className="ds-row-name">{dataset.name}</span>
            )}
            {dataset.sample && (
              <span className="badge ds-badge-sample" title="Generated sample accounts, not real companies">
                Sample data
              </span>
            )}
            {dataset.state === 'importing' && (
              <span className="badge badge-accent">{importBadge(dataset.latestImport?.state)}</span>
            )}
            {failedFirst && <span className="badge ds-badge-failed">Import failed</span>}
            {ready && running && <span className="badge badge-accent">Re-importing</span>}
          </div>
          {ready && (
            <p className="ds-row-facts">
              <strong>{plural(dataset.accountCount, 'account')}</strong>
              {status && <span> · {status}</span>}
            </p>
          )}
          <p className="muted small ds-row-meta">
            <span title={formatDateTime(dataset.updatedAt)}>
              Updated {relativeTime(dataset.updatedAt, now)}
            </span>
            {importer && <> · imported by {importer.id === meId ? 'you' : importer.name}</>}
          </p>
          {imp && !showPanel && !running && !failedFirst && (
            <LastImport imp={imp} now={now} reimport={dataset.revision > 1} />
          )}
        </div>
        <div className="ds-row-actions">
          {ready && (
            <Link to={accountsPath} className="btn btn-sm" aria-label={`View accounts of ${dataset.name}`}>
              View accounts
            </Link>
          )}
          {dataset.canManage && ready && !dataset.sample && (
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => onReimport(dataset)}
              disabled={running}
              title={running ? 'Wait for the running import to end' : undefined}
              aria-label={`Re-import ${dataset.name}`}
            >
              Re-import
            </button>
          )}
          {dataset.canManage && ready && (
            <button
              type="button"
              className="btn btn-sm btn-ghost btn-danger-ghost"
              onClick={() => onDelete(dataset)}
              aria-label={`Delete dataset ${dataset.name}`}
            >
              Delete
            </button>
          )}
        </div>
      </div>

      {failedFirst && (
        <div className="ds-outcome ds-outcome-failed" role="alert">
          <p>
            <strong>The import failed:</strong>{' '}
            {imp?.error ?? dataset.latestImport?.error ?? 'the file could not be read.'} No accounts were
            kept.
          </p>
          {dataset.canManage && (
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => onRemoveFailed(dataset)}
              aria-label={`Remove ${dataset.name}`}
            >
              Remove
            </button>
          )}
        </div>
      )}

      {showPanel && imp && (
        <ImportPanel
          imp={imp}
          datasetName={dataset.name}
          reimport={open?.reimport ?? false}
          canManage={dataset.canManage}
          meId={meId}
          onApplied={apply}
          onOffered={offer}
          onClose={close}
          folded={folded}
        />
      )}
    </li>
  );
}

/** The dataset row's line about an import that ended before this page opened (or was closed). */
function LastImport({ imp, now, reimport }: { imp: ImportDto; now: number; reimport: boolean }) {
  const when = imp.finishedAt ?? imp.createdAt;
  const ago = <span title={formatDateTime(when)}>{relativeTime(when, now)}</span>;
  if (imp.state === 'done') {
    return (
      <p className="muted small ds-row-meta">
        Last import, {ago}: {doneSummary(imp.report, reimport)}.
      </p>
    );
  }
  if (imp.state === 'failed') {
    return (
      <p className="small ds-row-meta ds-meta-warn">
        The last import failed, {ago}: {imp.error ?? 'the file could not be read'}. The dataset kept the
        accounts it had.
      </p>
    );
  }
  if (imp.state === 'cancelled') {
    return (
      <p className="muted small ds-row-meta">
        The last import was cancelled, {ago}; the dataset kept its accounts.
      </p>
    );
  }
  return null;
}

/** What a first import waits for, in the badge beside the dataset's name. */
function importBadge(state: string | undefined): string {
  switch (state) {
    case 'uploading':
      return 'Uploading';
    case 'mapping':
      return 'Columns to match';
    case 'review':
      return 'Rows to review';
    default:
      return 'Importing';
  }
}
