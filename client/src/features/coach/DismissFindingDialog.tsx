import { useId, useState } from 'react';
import { MAX_DISMISSAL_REASON_LENGTH } from '@bullseye/shared';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { LengthHint } from '../../ui/LengthHint.js';
import type { OpenFinding } from './coachView.js';

/**
 * Asks why a finding does not apply before dismissing it: the reason is kept with the ICP and
 * shown to reviewers, so it must say something.
 */
export function DismissFindingDialog({
  item,
  onDismiss,
  onClose,
}: {
  item: OpenFinding;
  /** Resolves to null once dismissed, or what went wrong. */
  onDismiss: (reason: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  async function confirm() {
    const text = reason.trim();
    if (!text) {
      setError('Say why it does not apply: reviewers read it.');
      return;
    }
    if (text.length > MAX_DISMISSAL_REASON_LENGTH) {
      setError(`Shorten the reason to ${MAX_DISMISSAL_REASON_LENGTH} characters.`);
      return;
    }
    const failure = await onDismiss(text);
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <ConfirmDialog
      title="Dismiss this finding?"
      confirmLabel="Dismiss"
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p className="coach-dialog-finding">{item.finding.message}</p>
      <label htmlFor={inputId} className="field-label">
        Why does it not apply here?
      </label>
      <textarea
        id={inputId}
        className="input textarea"
        rows={3}
        dir="auto"
        value={reason}
        data-testid="coach-dismiss-reason"
        aria-describedby={`${hintId} ${error ? errorId : ''}`.trim()}
        aria-invalid={error ? true : undefined}
        placeholder="e.g. On purpose: we agreed in the March workshop that size, not industry, defines the segment"
        onChange={(e) => {
          setReason(e.target.value);
          setError(null);
        }}
      />
      <LengthHint id={hintId} text={reason} max={MAX_DISMISSAL_REASON_LENGTH} action="dismiss" />
      {error && (
        <p id={errorId} className="coach-dialog-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">
        Everyone sees the reason, and reviewers see it with the version they sign off.
      </p>
    </ConfirmDialog>
  );
}
