import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '@bullseye/shared';
import { reviewApi } from '../../api/reviewApi.js';
import { LengthHint } from '../../ui/LengthHint.js';
import type { FunctionSignOff } from './functionSignOffs.js';
import { useReviewAction } from './useReviewAction.js';
import { WhoWhen } from './WhoWhen.js';

interface FunctionSignOffRowProps {
  row: FunctionSignOff;
  versionId: string;
  versionNumber: number;
  /** This person represents the function and may sign for it. */
  mine: boolean;
  /** Open blocking comment threads (sign-off is refused while there are any). */
  blockingOpen: number;
  now: number;
}

const DECISION_TEXT = {
  approve: 'Approved',
  request_changes: 'Changes requested',
  waiting: 'Waiting',
} as const;

/**
 * One function's sign-off on the version under review: approved, changes requested (with the
 * reason) or waiting. A member of that function approves or requests changes here, and may change
 * their mind while the review is open.
 */
export function FunctionSignOffRow({
  row,
  versionId,
  versionNumber,
  mine,
  blockingOpen,
  now,
}: FunctionSignOffRowProps) {
  const { run, busy, error, clearError } = useReviewAction();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();

  const approve = () =>
    void run(() => reviewApi.signOff(versionId, { function: row.fn, decision: 'approve' }));

  async function requestChanges(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (!text) return;
    const ok = await run(() =>
      reviewApi.signOff(versionId, { function: row.fn, decision: 'request_changes', reason: text }),
    );
    if (ok) {
      setAsking(false);
      setReason('');
    }
  }

  return (
    <li
      className={`signoff-row signoff-${row.decision} ${mine ? 'signoff-mine' : ''}`}
      data-testid="signoff-row"
      data-function={row.fn}
      data-decision={row.decision}
    >
      <span className={`signoff-icon signoff-icon-${row.decision}`} aria-hidden="true">
        {row.decision === 'approve' ? '✓' : row.decision === 'request_changes' ? '!' : ''}
      </span>
      <div className="signoff-main">
        <div className="signoff-head">
          <span className="signoff-function">
            {row.label}
            {mine && <span className="badge signoff-you">You</span>}
          </span>
          <span className="signoff-decision">{DECISION_TEXT[row.decision]}</span>
        </div>
        {row.signOff && (
          <p className="signoff-meta">
            <WhoWhen who={row.signOff.by} at={row.signOff.at} now={now} />
          </p>
        )}
        {row.signOff?.decision === 'request_changes' && row.signOff.reason && (
          <blockquote className="signoff-reason">{row.signOff.reason}</blockquote>
        )}
        {mine && !asking && (
          <div className="signoff-actions">
            {row.decision !== 'approve' && (
              <button
                type="button"
                className="btn btn-sm btn-approve"
                disabled={busy}
                aria-label={`Approve version ${versionNumber} for ${row.label}`}
                onClick={approve}
              >
                Approve
              </button>
            )}
            {row.decision !== 'request_changes' && (
              <button
                type="button"
                className="btn btn-sm"
                disabled={busy}
                aria-label={`Request changes to version ${versionNumber} for ${row.label}`}
                onClick={() => {
                  clearError();
                  setAsking(true);
                }}
              >
                Request changes
              </button>
            )}
            {blockingOpen > 0 && !error && (
              <span className="signoff-blocked-hint">
                Blocked:{' '}
                {blockingOpen === 1 ? '1 blocking thread is' : `${blockingOpen} blocking threads are`} open
              </span>
            )}
          </div>
        )}
        {mine && asking && (
          <form className="signoff-form" onSubmit={(e) => void requestChanges(e)}>
            <label htmlFor={reasonId} className="field-label">
              What should change before {row.label} signs off?
            </label>
            <textarea
              id={reasonId}
              className="input textarea"
              rows={3}
              value={reason}
              dir="auto"
              required
              autoFocus
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  setAsking(false);
                }
              }}
            />
            <LengthHint text={reason} max={LIMITS.maxVersionNoteLength} action="send" />
            <div className="row end">
              <button type="button" className="btn btn-sm" onClick={() => setAsking(false)} disabled={busy}>
                Cancel
              </button>
              <button type="submit" className="btn btn-sm btn-primary" disabled={busy || !reason.trim()}>
                Request changes
              </button>
            </div>
          </form>
        )}
        {error && (
          <p className="review-error" role="alert" data-testid="signoff-error">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}
