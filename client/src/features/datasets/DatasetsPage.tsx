import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { DATASET_LIMITS, type DatasetDto, type ImportDto, type WorkspaceDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { datasetsApi } from '../../api/datasetsApi.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { useToast } from '../../ui/Toast.js';
import { useNow } from '../comments/useNow.js';
import { useMe } from '../identity/useMe.js';
import { AppHeader } from '../navigation/AppHeader.js';
import { useMembershipCheck } from '../workspaces/useMembershipCheck.js';
import { useWorkspace } from '../workspaces/useWorkspace.js';
import { DatasetItem } from './DatasetItem.js';
import { ImportDialog, type ImportDialogMode } from './ImportDialog.js';
import { formatBytes, formatCount, plural } from './format.js';
import { useDatasets } from './useDatasets.js';

export const DATA_PURPOSE =
  'Start your ICP from your best existing customers: import accounts from your CRM, agree who the best are, and see what sets them apart.';

interface Notice {
  id: string;
  text: string;
  tone: 'info' | 'error';
}

/**
 * `/w/:workspaceId/data`: the workspace's account datasets (CRM exports and sample data), their
 * imports as they run, and the ways in: "Import CSV" and "Try with sample data" for editors and
 * admins. Everyone in the workspace reads.
 */
export function DatasetsPage() {
  const workspace = useWorkspace();
  const me = useMe();
  const toast = useToast();
  const canCreate = workspace.abilities.manageIcps;
  const { datasets, error, reload, put, forget } = useDatasets(workspace.id);
  useMembershipCheck(error);
  const now = useNow(60_000);
  const [dialog, setDialog] = useState<ImportDialogMode | null>(null);
  const [deleting, setDeleting] = useState<DatasetDto | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [sampleBusy, setSampleBusy] = useState(false);

  useEffect(() => {
    document.title = `Customer data · ${workspace.name} · Bullseye`;
  }, [workspace.name]);

  const onSettled = useCallback(
    (dataset: DatasetDto, imp: ImportDto) => {
      void reload().then((fresh) => {
        if (!fresh || fresh.some((d) => d.id === dataset.id)) return;
        // A first import that ended without accounts leaves no dataset: say what happened to it.
        const text =
          imp.state === 'failed'
            ? `“${dataset.name}” was not imported: ${imp.error ?? 'the file could not be read'}.`
            : `“${dataset.name}”: cancelled, nothing was imported.`;
        setNotices((list) => [
          ...list.filter((n) => n.id !== imp.id),
          { id: imp.id, text, tone: imp.state === 'failed' ? 'error' : 'info' },
        ]);
      });
    },
    [reload],
  );
  const onGone = useCallback(() => void reload(), [reload]);

  async function trySample() {
    setSampleBusy(true);
    try {
      const dataset = await datasetsApi.createSample(workspace.id);
      put(dataset);
      toast('Loading generated sample accounts…');
    } catch (e) {
      toast(asApiError(e).message, { tone: 'error' });
    } finally {
      setSampleBusy(false);
    }
  }

  async function confirmDelete(dataset: DatasetDto) {
    try {
      await datasetsApi.remove(dataset.id);
      forget(dataset.id);
      toast(`Deleted “${dataset.name}” and its ${plural(dataset.accountCount, 'account')}.`);
    } catch (e) {
      const failure = asApiError(e);
      toast(`Could not delete “${dataset.name}”: ${failure.message}`, { tone: 'error' });
      if (failure.status === 404) void reload();
    } finally {
      setDeleting(null);
    }
  }

  async function removeFailed(dataset: DatasetDto) {
    try {
      await datasetsApi.remove(dataset.id);
      forget(dataset.id);
      toast(`Removed “${dataset.name}”.`);
    } catch (e) {
      toast(`Could not remove “${dataset.name}”: ${asApiError(e).message}`, { tone: 'error' });
    }
  }

  const hasSample = datasets?.some((d) => d.sample) ?? false;
  // When several imports wait for a mapping or a decision, the newest is open and the others fold.
  const openWaiting = datasets?.find((d) => waiting(d))?.id ?? null;
  const empty = datasets?.length === 0;
  const full = (datasets?.length ?? 0) >= DATASET_LIMITS.maxDatasetsPerWorkspace;
  const actions = canCreate ? (
    <CreateActions
      showSample={!hasSample}
      sampleBusy={sampleBusy}
      disabled={full}
      onImport={() => setDialog({ kind: 'new', workspaceId: workspace.id })}
      onSample={() => void trySample()}
    />
  ) : null;

  return (
    <div className="app-shell">
      <AppHeader workspace={workspace} />
      <main className="page page-wide ds-page">
        <div className="page-head">
          <div>
            <h1>Customer data</h1>
            <p className="muted ds-purpose">{DATA_PURPOSE}</p>
            {!canCreate && (
              <p className="muted small ds-readers">
                Editors and admins of {workspace.name} import and delete data; everyone in it can read it.
              </p>
            )}
          </div>
          {!empty && datasets && actions}
        </div>
        {full && canCreate && (
          <p className="notice">
            This workspace holds {DATASET_LIMITS.maxDatasetsPerWorkspace} datasets, the most it can. Delete
            one to import another.
          </p>
        )}

        {notices.map((notice) => (
          <div
            key={notice.id}
            className={`banner banner-inline ds-notice ${notice.tone === 'error' ? 'banner-error' : ''}`}
            role="status"
          >
            <span>{notice.text}</span>
            <button
              type="button"
              className="btn-link"
              onClick={() => setNotices((list) => list.filter((n) => n.id !== notice.id))}
            >
              Dismiss
            </button>
          </div>
        ))}

        {error && (
          <div className="banner banner-error banner-inline" role="alert">
            {error.message}{' '}
            <button type="button" className="btn-link" onClick={() => void reload()}>
              Try again
            </button>
          </div>
        )}
        {datasets === null && !error && <p className="muted">Loading…</p>}
        {empty && <EmptyState workspace={workspace} actions={actions} />}
        {datasets && datasets.length > 0 && (
          <ul className="ds-list" aria-label="Datasets">
            {datasets.map((dataset) => (
              <DatasetItem
                key={dataset.id}
                dataset={dataset}
                meId={me.user.id}
                now={now}
                onReimport={(d) => setDialog({ kind: 'reimport', dataset: d })}
                onDelete={setDeleting}
                onRemoveFailed={(d) => void removeFailed(d)}
                onSettled={onSettled}
                onGone={onGone}
                folded={waiting(dataset) && dataset.id !== openWaiting}
              />
            ))}
          </ul>
        )}
      </main>

      {dialog && (
        <ImportDialog
          mode={dialog}
          onClose={() => setDialog(null)}
          onStarted={(dataset) => {
            put(dataset);
            setDialog(null);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete dataset"
          danger
          onConfirm={() => confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            Its {plural(deleting.accountCount, 'account')} and its import history are deleted for everyone in{' '}
            {workspace.name}. Criteria already added to ICPs keep the numbers they were added with.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function waiting(dataset: DatasetDto): boolean {
  const state = dataset.latestImport?.state;
  return state === 'mapping' || state === 'review';
}

interface CreateActionsProps {
  showSample: boolean;
  sampleBusy: boolean;
  disabled: boolean;
  onImport: () => void;
  onSample: () => void;
}

function CreateActions({ showSample, sampleBusy, disabled, onImport, onSample }: CreateActionsProps) {
  const hintId = useId();
  return (
    <div className="ds-create">
      <div className="row">
        {showSample && (
          <button
            type="button"
            className="btn"
            onClick={onSample}
            disabled={disabled || sampleBusy}
            aria-describedby={hintId}
          >
            {sampleBusy ? 'Loading sample…' : 'Try with sample data'}
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={onImport} disabled={disabled}>
          Import CSV
        </button>
      </div>
      {showSample && (
        <p id={hintId} className="muted small ds-create-hint">
          Sample data: generated accounts, clearly marked as sample.
        </p>
      )}
    </div>
  );
}

function EmptyState({ workspace, actions }: { workspace: WorkspaceDto; actions: ReactNode }) {
  return (
    <div className="card empty ds-empty">
      <h2>Bring in your customers</h2>
      <p>
        Export your companies from HubSpot, Salesforce or any CRM, one row per account with its industry,
        size, revenue, country, technologies and status. Everyone in {workspace.name} can then agree which
        accounts are the best customers, see what sets them apart, and add it to the ICP with the numbers
        behind it.
      </p>
      {actions ? (
        <>
          {actions}
          <p className="muted small">
            CSV files up to {formatBytes(DATASET_LIMITS.maxFileBytes)} and{' '}
            {formatCount(DATASET_LIMITS.maxRows)} rows.
          </p>
        </>
      ) : (
        <p className="muted">
          When an editor or admin of {workspace.name} imports customer data, it appears here.
        </p>
      )}
    </div>
  );
}
