import { useId, useState } from 'react';
import { LIMITS, missingApprovals, type IcpReviewDto } from '@bullseye/shared';
import { reviewApi } from '../../api/reviewApi.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { LengthHint } from '../../ui/LengthHint.js';
import { functionList } from './functionList.js';
import { useReview } from './reviewContext.js';
import { useReviewAction } from './useReviewAction.js';

type Current = NonNullable<IcpReviewDto['current']>;

/**
 * The last step of a review: an approver approves the version once all four functions approved
 * it. Until then the button says what it is waiting for; people who may not approve are told who
 * does.
 */
export function ApproveVersion({ current, title }: { current: Current; title: string }) {
  const { abilities } = useReview();
  const { run, busy, error } = useReviewAction();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const noteId = useId();
  const missing = missingApprovals(current.signOffs);
  const ready = missing.length === 0;

  if (!abilities.approve) {
    return (
      <p className="approve-note muted small" data-testid="approve-waiting">
        {ready
          ? 'All four functions approved. Waiting for an approver to approve this version.'
          : 'Each function’s representative signs off here; once all four approve, an approver approves the version.'}
      </p>
    );
  }

  return (
    <div className="approve-version">
      <button
        type="button"
        className="btn btn-primary btn-block"
        data-testid="approve-version"
        disabled={!ready || busy}
        aria-describedby={ready ? undefined : `${noteId}-missing`}
        onClick={() => setConfirming(true)}
      >
        Approve version {current.number}
      </button>
      {!ready && (
        <p id={`${noteId}-missing`} className="approve-note muted small">
          Waiting for {functionList(missing)} to approve.
        </p>
      )}
      {error && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Approve version ${current.number}?`}
          confirmLabel={`Approve version ${current.number}`}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            const text = note.trim();
            await run(() => reviewApi.approve(current.versionId, text ? { note: text } : {}));
            setConfirming(false);
          }}
        >
          <p>
            {title} becomes the approved version of this ICP: the one everybody uses until the next review.
            Your approval is bound to this exact version; later edits to the draft never change it.
          </p>
          <label htmlFor={noteId} className="field-label">
            Note (optional)
          </label>
          <textarea
            id={noteId}
            className="input textarea"
            rows={2}
            value={note}
            dir="auto"
            onChange={(e) => setNote(e.target.value)}
          />
          <LengthHint text={note} max={LIMITS.maxVersionNoteLength} action="approve" />
        </ConfirmDialog>
      )}
    </div>
  );
}
