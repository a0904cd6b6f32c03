import { useState, type FormEvent } from 'react';
import type { IcpReviewDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { reviewApi } from '../../api/reviewApi.js';
import { versionsApi } from '../../api/versionsApi.js';
import { useVersions } from '../versions/versionsContext.js';
import { defaultSignOffName } from '../versions/versionLabel.js';
import { parseVersionBody } from '../versions/versionBody.js';
import { VersionFields } from '../versions/VersionFields.js';
import { SignOffOpenWarnings } from '../coach/SignOffOpenWarnings.js';
import { useReview } from './reviewContext.js';
import { reviewErrorText } from './reviewErrorText.js';

/**
 * "Request sign-off": saves the live draft as a named version and asks the four functions to sign
 * it off. A review already in progress is replaced (its sign-offs stay in the history).
 */
export function RequestSignOffForm({
  current,
  prominent,
}: {
  current: IcpReviewDto['current'];
  /** Requesting sign-off is the natural next step (nothing in review, and a new draft to review). */
  prominent: boolean;
}) {
  const { icp, applyReview } = useReview();
  const { add, draftSaved } = useVersions();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function start() {
    setName(defaultSignOffName(new Date()));
    setNote('');
    setError(null);
    setOpen(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseVersionBody(name, note);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const version = await versionsApi.create(icp.id, parsed.body);
      add(version);
      applyReview(await reviewApi.requestSignOff(version.id));
      setOpen(false);
    } catch (e) {
      setError(reviewErrorText(asApiError(e)));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <div className={`request-signoff ${prominent ? '' : 'request-signoff-quiet'}`}>
        <button
          type="button"
          className={prominent ? 'btn btn-primary btn-block' : 'btn btn-sm'}
          data-testid="request-signoff"
          onClick={start}
        >
          {current ? 'Request sign-off on the current draft' : 'Request sign-off'}
        </button>
      </div>
    );
  }

  return (
    <form
      className="review-card request-signoff-form"
      onSubmit={(e) => void submit(e)}
      aria-label="Request sign-off"
      data-testid="request-signoff-form"
    >
      <h3 className="review-card-title">Request sign-off</h3>
      <p className="muted small">
        Saves the live draft as a version and asks Sales, Marketing, Product and Customer success to sign it
        off.
        {current &&
          ` This replaces the review of version ${current.number}; its sign-offs stay in the history.`}
      </p>
      <VersionFields
        name={name}
        note={note}
        onNameChange={setName}
        onNoteChange={setNote}
        noteLabel="Note for the reviewers"
        notePlaceholder="What changed, what to look at"
        draftSaved={draftSaved}
      />
      <SignOffOpenWarnings />
      {error && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
      <div className="row end">
        <button type="button" className="btn btn-sm" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn-sm btn-primary"
          disabled={busy || !name.trim() || !draftSaved}
        >
          {busy ? 'Requesting…' : 'Request sign-off'}
        </button>
      </div>
    </form>
  );
}
