import { useEffect, useState } from 'react';
import type { ImportDto, ImportState } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { datasetsApi } from '../../api/datasetsApi.js';
import { useToast } from '../../ui/Toast.js';
import { MappingStep } from './MappingStep.js';
import { ProgressBar } from './ProgressBar.js';
import { ReviewStep } from './ReviewStep.js';
import { UploadStep } from './UploadStep.js';
import { formatBytes, formatCount, formatTimeLeft, percentOf } from './format.js';
import { doneSummary } from './importState.js';
import { uploads, useUpload } from './uploads.js';

interface ImportPanelProps {
  imp: ImportDto;
  datasetName: string;
  /** A re-import of a dataset that already has accounts. */
  reimport: boolean;
  canManage: boolean;
  meId: string;
  /** Shows the server's answer to one of this panel's requests. */
  onApplied: (dto: ImportDto) => void;
  /** Shows a snapshot of unknown age (kept if further along). */
  onOffered: (dto: ImportDto) => void;
  /** Collapses a finished import into its dataset row. */
  onClose: () => void;
  /**
   * Shows a waiting mapping or review as one line until opened (when several imports wait, only
   * the newest is open, so the page stays short).
   */
  folded?: boolean;
}

const STEPS: { label: string; states: ImportState[] }[] = [
  { label: 'Upload', states: ['uploading'] },
  { label: 'Map columns', states: ['mapping'] },
  { label: 'Import', states: ['importing'] },
  { label: 'Review', states: ['review'] },
];

/** How long a finished import's summary stays open before it folds into the dataset row. */
const DONE_VISIBLE_MS = 8000;

/**
 * The import of a file into a dataset, step by step, drawn from the import as the server holds it
 * (so it survives a reload): upload, column mapping, the import itself, the review of bad rows, and
 * how it ended.
 */
export function ImportPanel({
  imp,
  datasetName,
  reimport,
  canManage,
  meId,
  onApplied,
  onOffered,
  onClose,
  folded = false,
}: ImportPanelProps) {
  const [unfolded, setUnfolded] = useState(false);
  const upload = useUpload(imp.id);
  const toast = useToast();
  const [cancelling, setCancelling] = useState(false);
  const startedByMe = imp.createdBy?.id === meId;
  const starter = startedByMe ? 'you' : (imp.createdBy?.name ?? 'the person who started it');

  // A finished import shows its summary for a moment, then folds into the dataset row.
  useEffect(() => {
    if (imp.state !== 'done') return;
    const timer = setTimeout(onClose, DONE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [imp.state, onClose]);

  // The upload is over once the server has moved on.
  useEffect(() => {
    if (imp.state !== 'uploading' && upload) uploads.stop(imp.id);
  }, [imp.state, imp.id, upload]);

  // What the upload manager heard from the server is newer than the last poll.
  useEffect(() => {
    if (upload?.lastDto) onOffered(upload.lastDto);
  }, [upload?.lastDto, onOffered]);

  async function cancel() {
    setCancelling(true);
    uploads.stop(imp.id);
    try {
      onApplied(await datasetsApi.cancel(imp.id));
    } catch (e) {
      const error = asApiError(e);
      toast(`Could not cancel the import: ${error.message}`, { tone: 'error' });
      if (error.status === 409) void datasetsApi.getImport(imp.id).then(onApplied, () => {});
    } finally {
      setCancelling(false);
    }
  }

  const cancelButton = canManage ? (
    <button
      type="button"
      className="btn btn-ghost btn-danger-ghost"
      onClick={() => void cancel()}
      disabled={cancelling}
    >
      {cancelling ? 'Cancelling…' : 'Cancel import'}
    </button>
  ) : null;

  const stepIndex = STEPS.findIndex((s) => s.states.includes(imp.state));
  const running = stepIndex >= 0;

  return (
    <section
      className={`ds-panel ds-panel-${imp.state}`}
      aria-label={`Import of ${imp.fileName} into ${datasetName}`}
      data-testid="import-panel"
      data-state={imp.state}
    >
      {running && (
        <div className="ds-panel-head">
          <div>
            <h3 className="ds-panel-title">
              {reimport ? 'Re-importing' : 'Importing'} “{imp.fileName}”
            </h3>
            <p className="muted small">
              {formatBytes(imp.fileBytes)} · started by {starter}
            </p>
          </div>
          <ol className="ds-steps" aria-label="Import steps">
            {STEPS.map((step, i) => (
              <li
                key={step.label}
                className={i < stepIndex ? 'ds-step-done' : i === stepIndex ? 'ds-step-current' : ''}
                aria-current={i === stepIndex ? 'step' : undefined}
              >
                <span className="ds-step-dot" aria-hidden="true">
                  {i < stepIndex ? '✓' : i + 1}
                </span>
                {step.label}
              </li>
            ))}
          </ol>
        </div>
      )}

      {imp.state === 'uploading' && (
        <>
          <UploadStep
            imp={imp}
            upload={upload}
            canManage={canManage}
            starter={starter}
            startedByMe={startedByMe}
          />
          {cancelButton && <div className="ds-step-actions">{cancelButton}</div>}
        </>
      )}
      {folded && !unfolded && (imp.state === 'mapping' || imp.state === 'review') && (
        <div className="ds-folded">
          <p>
            {imp.state === 'mapping'
              ? `The file is uploaded and waits for ${canManage ? 'its columns to be matched' : `${starter} to match its columns`}.`
              : `Some rows have problems: it waits for ${canManage ? 'a decision' : `${starter} to decide`}.`}
          </p>
          <div className="row">
            {cancelButton}
            <button type="button" className="btn btn-sm btn-primary" onClick={() => setUnfolded(true)}>
              {imp.state === 'mapping' ? 'Match columns' : 'Review the rows'}
            </button>
          </div>
        </div>
      )}
      {imp.state === 'mapping' && (!folded || unfolded) && (
        <MappingStep
          key={imp.id}
          imp={imp}
          canManage={canManage}
          starter={starter}
          onApplied={onApplied}
          cancelButton={cancelButton}
          reimport={reimport}
        />
      )}
      {imp.state === 'importing' && (
        <>
          <ImportingStep imp={imp} />
          {cancelButton && !imp.report && <div className="ds-step-actions">{cancelButton}</div>}
        </>
      )}
      {imp.state === 'review' && imp.report && (!folded || unfolded) && (
        <ReviewStep
          imp={imp}
          report={imp.report}
          canManage={canManage}
          starter={starter}
          reimport={reimport}
          onApplied={onApplied}
        />
      )}
      {imp.state === 'done' && (
        <div className="ds-outcome ds-outcome-done" role="status">
          <p>
            <strong>Import finished:</strong> {doneSummary(imp.report, reimport)}.
          </p>
          <button type="button" className="btn btn-sm" onClick={onClose}>
            Close
          </button>
        </div>
      )}
      {imp.state === 'cancelled' && (
        <div className="ds-outcome" role="status">
          <p>
            <strong>Cancelled: nothing was imported.</strong>
            {reimport && ' The dataset is as it was.'}
          </p>
          <button type="button" className="btn btn-sm" onClick={onClose}>
            Close
          </button>
        </div>
      )}
      {imp.state === 'failed' && (
        <div className="ds-outcome ds-outcome-failed" role="alert">
          <p>
            <strong>The import failed:</strong> {imp.error ?? 'the server could not read the file.'}
            {reimport && ' The dataset kept its accounts.'}
          </p>
          <button type="button" className="btn btn-sm" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </section>
  );
}

/** The server reads the file: rows so far, speed and time left, and how much of the file is read. */
function ImportingStep({ imp }: { imp: ImportDto }) {
  const { bytesRead, rowsRead, rowsPerSecond, secondsLeft } = imp.progress;
  if (imp.report) {
    return (
      <div className="ds-step-body">
        <ProgressBar label="Import" value={null} text="Saving the accounts" />
        <p className="ds-progress-text">Saving {formatCount(imp.report.goodRows)} accounts…</p>
      </div>
    );
  }
  const percent = percentOf(bytesRead, imp.fileBytes);
  const timeLeft = formatTimeLeft(secondsLeft);
  const details = [
    `${formatCount(rowsRead)} ${rowsRead === 1 ? 'row' : 'rows'} read`,
    rowsPerSecond ? `${formatCount(Math.round(rowsPerSecond))} rows/s` : null,
    timeLeft,
  ].filter(Boolean);
  return (
    <div className="ds-step-body">
      <ProgressBar label="Import" value={percent} text={`${percent}%, ${details.join(', ')}`} />
      <p className="ds-progress-text">
        <strong>{percent}%</strong> · {details.join(' · ')}
      </p>
      <p className="muted small">
        {formatBytes(bytesRead)} of {formatBytes(imp.fileBytes)} read. It runs on the server: you can close
        this page and come back.
      </p>
    </div>
  );
}
