import { useState } from 'react';
import { lengthState, LIMITS, type ThreadDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { commentsApi } from '../../api/commentsApi.js';
import { useComments } from './commentsContext.js';
import { MentionTextarea } from './MentionTextarea.js';
import { SUBMIT_SHORTCUT } from './shortcuts.js';

/** The reply field under an open thread; Ctrl/Cmd+Enter sends, Escape clears. */
export function ReplyBox({ thread }: { thread: ThreadDto }) {
  const { people, meId, apply } = useComments();
  const [body, setBody] = useState('');
  const [focused, setFocused] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tooLong = lengthState(body, LIMITS.maxCommentLength).over > 0;

  async function send() {
    if (body.trim() === '' || sending || tooLong) return;
    setSending(true);
    try {
      apply(await commentsApi.reply(thread.id, body));
      setBody('');
      setError(null);
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setSending(false);
    }
  }

  const active = focused || body !== '';
  return (
    <div className="reply-box">
      <MentionTextarea
        value={body}
        onChange={setBody}
        people={people}
        selfId={meId}
        label="Reply"
        placeholder="Reply… type @ to mention"
        rows={active ? 3 : 1}
        limit={{ max: LIMITS.maxCommentLength, action: 'send' }}
        disabled={sending}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onSubmit={() => void send()}
        onCancel={() => {
          setBody('');
          setError(null);
        }}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {active && (
        <div className="row end comment-actions">
          <span className="muted small grow">{SUBMIT_SHORTCUT} to send</span>
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setBody('');
              setError(null);
            }}
          >
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-sm btn-primary"
            disabled={sending || body.trim() === '' || tooLong}
            onClick={() => void send()}
          >
            Reply
          </button>
        </div>
      )}
    </div>
  );
}
