import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DATASET_LIMITS, datasetNameSchema, type DatasetDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { datasetsApi } from '../../api/datasetsApi.js';
import { FormError } from '../../ui/FormError.js';
import { TextField } from '../../ui/TextField.js';
import { apiFormErrors, type FormErrors } from '../../ui/formErrors.js';
import { ACCEPT_ATTRIBUTE, fileProblem, formatBytes, formatCount, nameFromFileName } from './format.js';
import { uploads } from './uploads.js';

export type ImportDialogMode =
  { kind: 'new'; workspaceId: string } | { kind: 'reimport'; dataset: DatasetDto };

interface ImportDialogProps {
  mode: ImportDialogMode;
  onClose: () => void;
  /** The dataset with its new import, whose file is now being sent. */
  onStarted: (dataset: DatasetDto) => void;
}

type Field = 'file' | 'name';

/**
 * "Import CSV" and "Re-import": choose the export, name the dataset, and start sending the file.
 * Nothing is read here: the file is sent in chunks by the upload manager once the server has
 * created the import.
 */
export function ImportDialog({ mode, onClose, onStarted }: ImportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const fileId = useId();
  const fileHintId = useId();
  const fileErrorId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [suggested, setSuggested] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [busy, setBusy] = useState(false);
  const reimport = mode.kind === 'reimport' ? mode.dataset : null;

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    element.showModal();
    return () => element.close();
  }, []);

  function choose(next: File | null) {
    setFile(next);
    setErrors({});
    if (!next) return;
    const problem = fileProblem(next, DATASET_LIMITS.maxFileBytes);
    if (problem) setErrors({ file: problem });
    // The name follows the file until the person types their own.
    if (!reimport && (name.trim() === '' || name === suggested)) {
      const fromFile = nameFromFileName(next.name);
      setName(fromFile);
      setSuggested(fromFile);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FormErrors<Field> = {};
    if (!file) found.file = 'Choose the CSV file to import.';
    else {
      const problem = fileProblem(file, DATASET_LIMITS.maxFileBytes);
      if (problem) found.file = problem;
    }
    if (!reimport) {
      const parsed = datasetNameSchema.safeParse(name);
      if (!parsed.success) found.name = `Dataset name ${parsed.error.issues[0]?.message ?? 'is not valid'}.`;
    }
    setErrors(found);
    if (found.file || found.name || !file) {
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      let dataset: DatasetDto;
      if (mode.kind === 'reimport') {
        const reimport = mode.dataset;
        const imp = await datasetsApi.createImport(reimport.id, {
          fileName: file.name,
          fileBytes: file.size,
        });
        dataset = { ...reimport, latestImport: imp };
      } else {
        dataset = await datasetsApi.create(mode.workspaceId, {
          name: name.trim(),
          fileName: file.name,
          fileBytes: file.size,
        });
      }
      if (dataset.latestImport)
        uploads.start(dataset.latestImport.id, file, dataset.latestImport.receivedBytes);
      onStarted(dataset);
    } catch (e) {
      const error = asApiError(e);
      const mapped = apiFormErrors<Field | 'fileName' | 'fileBytes'>(error, {
        name: 'Dataset name',
        file: 'File',
        fileName: 'File name',
        fileBytes: 'File',
      });
      setErrors({
        name: mapped.name,
        file:
          mapped.file ??
          mapped.fileName ??
          mapped.fileBytes ??
          (error.status === 413 ? error.message : undefined),
        form: error.status === 413 ? undefined : mapped.form,
      });
      setBusy(false);
    }
  }

  const hint = `Up to ${formatBytes(DATASET_LIMITS.maxFileBytes)} and ${formatCount(DATASET_LIMITS.maxRows)} rows; the first line holds the column names.`;

  return (
    <dialog
      ref={dialog}
      className="dialog card ds-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId}>{reimport ? `Re-import “${reimport.name}”` : 'Import accounts'}</h2>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="dialog-body ds-dialog-intro">
          {reimport ? (
            <p>
              Choose a newer export of the same accounts. Accounts are updated by record id or domain, new
              ones are added, and nothing is duplicated. The dataset keeps its current{' '}
              {formatCount(reimport.accountCount)} accounts until you confirm the new import.
            </p>
          ) : (
            <p>
              A CRM export with one row per company: name, domain, industry, size, revenue, country,
              technologies, status, lifetime value, NPS… You match its columns to fields after the upload.
            </p>
          )}
        </div>

        <div className="field">
          <label htmlFor={fileId} className="field-label">
            CSV file
          </label>
          <input
            id={fileId}
            type="file"
            className="ds-file-input"
            accept={ACCEPT_ATTRIBUTE}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={`${fileHintId}${errors.file ? ` ${fileErrorId}` : ''}`}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            disabled={busy}
          />
          {file && !errors.file && (
            <p className="field-hint">
              {file.name} · {formatBytes(file.size)}
            </p>
          )}
          <p id={fileHintId} className="field-hint">
            {hint}
          </p>
          {errors.file && (
            <p id={fileErrorId} className="field-error" role="alert">
              {errors.file}
            </p>
          )}
        </div>

        {!reimport && (
          <TextField
            label="Dataset name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
            hint="Everyone in the workspace sees it, e.g. “HubSpot companies, June”."
            limit={{ max: DATASET_LIMITS.maxNameLength, action: 'shorten the name' }}
            disabled={busy}
          />
        )}

        <div className="ds-where">
          <p className="ds-where-title">Where to get the file</p>
          <ul>
            <li>
              <strong>HubSpot:</strong> Companies, then Export, with all properties, as CSV.
            </li>
            <li>
              <strong>Salesforce:</strong> an Accounts report (Details only), exported as CSV.
            </li>
            <li>Any other CRM or spreadsheet: save as CSV (comma, semicolon or tab separated).</li>
          </ul>
        </div>

        <FormError message={errors.form} />
        <div className="row end">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Starting…' : 'Start upload'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
