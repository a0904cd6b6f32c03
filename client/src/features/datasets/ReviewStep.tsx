import { useId, useState } from 'react';
import { DATASET_LIMITS, type ImportDto, type ImportReport } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { datasetsApi, type ImportDecision } from '../../api/datasetsApi.js';
import { FormError } from '../../ui/FormError.js';
import { formatCount, plural } from './format.js';
import { problemsByColumn } from './importState.js';

interface ReviewStepProps {
  imp: ImportDto;
  report: ImportReport;
  canManage: boolean;
  starter: string;
  /** A re-import (the dataset keeps its accounts if nothing is imported). */
  reimport: boolean;
  onApplied: (dto: ImportDto) => void;
}

/** Some rows could not be read: show which and why, then import the good ones or nothing. */
export function ReviewStep({ imp, report, canManage, starter, reimport, onApplied }: ReviewStepProps) {
  const [busy, setBusy] = useState<ImportDecision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const byColumn = problemsByColumn(report);
  const listed = report.errors.slice(0, DATASET_LIMITS.maxReportedErrors);

  async function decide(decision: ImportDecision) {
    setBusy(decision);
    setError(null);
    try {
      onApplied(await datasetsApi.decide(imp.id, decision));
    } catch (e) {
      const failure = asApiError(e);
      setError(failure.message);
      setBusy(null);
      if (failure.status === 409) void datasetsApi.getImport(imp.id).then(onApplied, () => {});
    }
  }

  return (
    <div className="ds-step-body">
      <h4 id={titleId} className="ds-review-title">
        <span className="ds-good">{plural(report.goodRows, 'good row')}</span>,{' '}
        <span className="ds-bad">{plural(report.badRows, 'row')} with problems</span>
      </h4>
      <p className="ds-step-lead">
        Rows with problems are left out; nothing is imported until you decide.
        {report.duplicates > 0 &&
          ` ${plural(report.duplicates, 'row')} named an account an earlier row already named: the later row counts.`}
      </p>

      {byColumn.length > 0 && (
        <div className="ds-by-column">
          <span className="field-label">Problems per column</span>
          <ul className="plain-list ds-chips">
            {byColumn.map(([column, n]) => (
              <li key={column} className="ds-chip">
                <span>{column === '(row)' ? 'Whole row' : column}</span>
                <strong>{formatCount(n)}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}

      {listed.length > 0 && (
        <div
          className="ds-table-scroll ds-problems"
          role="region"
          aria-label="Rows with problems"
          tabIndex={0}
        >
          <table className="ds-table">
            <caption className="ds-caption">
              {report.badRows > listed.length
                ? `The first ${formatCount(listed.length)} of ${formatCount(report.badRows)} rows with problems`
                : 'Rows with problems'}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="ds-num">
                  Line
                </th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((row, i) => (
                <tr key={`${row.line}-${row.column ?? ''}-${i}`}>
                  <td className="ds-num">{formatCount(row.line)}</td>
                  <td>{row.column ?? <span className="muted">Whole row</span>}</td>
                  <td>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <FormError message={error} />
      {canManage ? (
        <div className="ds-step-actions">
          <button
            type="button"
            className="btn"
            disabled={busy !== null}
            onClick={() => void decide('importNothing')}
          >
            {busy === 'importNothing' ? 'Stopping…' : 'Import nothing'}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy !== null || report.goodRows === 0}
            onClick={() => void decide('importGoodRows')}
          >
            {busy === 'importGoodRows' ? 'Importing…' : `Import good rows (${formatCount(report.goodRows)})`}
          </button>
        </div>
      ) : (
        <p className="muted">Waiting for {starter} to decide whether to import the good rows.</p>
      )}
      {canManage && (
        <p className="muted small ds-decision-hint">
          {reimport
            ? 'Import nothing leaves the dataset as it was.'
            : 'Import nothing removes this dataset; fix the file and import it again.'}
        </p>
      )}
    </div>
  );
}
