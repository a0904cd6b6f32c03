import { useId, useState, type FormEvent } from 'react';
import { lengthState, LIMITS, type CommentAnchor } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { commentsApi } from '../../api/commentsApi.js';
import { AnchorLabel } from './AnchorLabel.js';
import { useComments } from './commentsContext.js';
import { MentionTextarea } from './MentionTextarea.js';
import { SUBMIT_SHORTCUT } from './shortcuts.js';

/** The first comment of a new thread on `anchor`. Ctrl/Cmd+Enter posts it, Escape discards it. */
export function ThreadComposer({ anchor }: { anchor: CommentAnchor }) {
  const { icpId, people, meId, apply, select, cancelDraft } = useComments();
  const [body, setBody] = useState('');
  const [blocking, setBlocking] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blockingId = useId();
  const tooLong = lengthState(body, LIMITS.maxCommentLength).over > 0;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (body.trim() === '' || sending || tooLong) return;
    setSending(true);
    try {
      const thread = await commentsApi.create(icpId, { body, anchor, blocking });
      apply(thread);
      cancelDraft();
      select(thread.id);
    } catch (e) {
      setError(asApiError(e).message);
      setSending(false);
    }
  }

  return (
    <form
      className="thread-card thread-draft"
      data-testid="thread-composer"
      aria-label="Start a thread"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !sending) cancelDraft();
      }}
    >
      <div className="thread-head">
        <span className="thread-anchor thread-anchor-static">
          <AnchorLabel anchor={anchor} detached={false} />
        </span>
      </div>
      <MentionTextarea
        value={body}
        onChange={(value) => {
          setBody(value);
          setError(null);
        }}
        people={people}
        selfId={meId}
        label="New comment"
        placeholder="Add a comment… type @ to mention a person or a function"
        autoFocus
        rows={3}
        limit={{ max: LIMITS.maxCommentLength, action: 'post' }}
        disabled={sending}
        onSubmit={() => void submit()}
        onCancel={cancelDraft}
      />
      <label className="check composer-blocking" htmlFor={blockingId}>
        <input
          id={blockingId}
          type="checkbox"
          checked={blocking}
          onChange={(e) => setBlocking(e.target.checked)}
          disabled={sending}
        />
        Blocking: must be resolved before sign-off
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row end comment-actions">
        <span className="muted small grow">{SUBMIT_SHORTCUT} to post</span>
        <button type="button" className="btn btn-sm btn-ghost" onClick={cancelDraft} disabled={sending}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn-sm btn-primary"
          disabled={sending || body.trim() === '' || tooLong}
        >
          Comment
        </button>
      </div>
    </form>
  );
}
