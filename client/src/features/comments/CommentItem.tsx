import { useState } from 'react';
import { colorForName, lengthState, LIMITS, type CommentDto, type ThreadDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { commentsApi } from '../../api/commentsApi.js';
import { Avatar } from '../../ui/Avatar.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Menu } from '../../ui/Menu.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { useToast } from '../../ui/Toast.js';
import { CommentBody } from './CommentBody.js';
import { useComments } from './commentsContext.js';
import { MentionTextarea } from './MentionTextarea.js';

interface CommentItemProps {
  thread: ThreadDto;
  comment: CommentDto;
  /** The thread's first comment: deleting it deletes the thread. */
  isFirst: boolean;
  now: number;
}

const FORMER_MEMBER = 'Former member';

/** One comment: who and when, the text with mentions, and Edit / Delete as the server allows. */
export function CommentItem({ thread, comment, isFirst, now }: CommentItemProps) {
  const { people, meId, myFunction, apply, forget } = useComments();
  const toast = useToast();
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const name = comment.author?.name ?? FORMER_MEMBER;
  const replies = thread.comments.length - 1;
  const tooLong = draft !== null && lengthState(draft, LIMITS.maxCommentLength).over > 0;

  async function save() {
    if (draft === null || tooLong) return;
    if (draft.trim() === comment.body) {
      setDraft(null);
      return;
    }
    setSaving(true);
    try {
      apply(await commentsApi.update(comment.id, { body: draft }));
      setDraft(null);
      setError(null);
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    try {
      await commentsApi.remove(comment.id);
      if (isFirst) forget(thread.id);
      else apply({ ...thread, comments: thread.comments.filter((c) => c.id !== comment.id) });
      setConfirming(false);
    } catch (e) {
      toast(asApiError(e).message, { tone: 'error' });
    }
  }

  const canEdit = comment.abilities.update;
  const canDelete = comment.abilities.delete;
  const deleteLabel = isFirst ? 'Delete thread' : 'Delete comment';

  return (
    <li className="comment" data-testid="comment" data-comment-id={comment.id}>
      <Avatar
        name={name}
        color={comment.author ? colorForName(comment.author.id) : '#9aa1a8'}
        size="sm"
        label={name}
      />
      <div className="comment-main">
        <div className="comment-meta">
          <span className="comment-author">{name}</span>
          <time dateTime={comment.createdAt} title={new Date(comment.createdAt).toLocaleString()}>
            {relativeTime(comment.createdAt, now)}
          </time>
          {comment.editedAt && (
            <span className="comment-edited" title={`Edited ${new Date(comment.editedAt).toLocaleString()}`}>
              (edited)
            </span>
          )}
        </div>
        {draft === null ? (
          <CommentBody comment={comment} meId={meId} myFunction={myFunction} />
        ) : (
          <div className="comment-edit" onClick={(e) => e.stopPropagation()}>
            <MentionTextarea
              value={draft}
              onChange={setDraft}
              people={people}
              selfId={meId}
              label="Edit comment"
              autoFocus
              rows={3}
              limit={{ max: LIMITS.maxCommentLength, action: 'save' }}
              disabled={saving}
              onSubmit={() => void save()}
              onCancel={() => {
                setDraft(null);
                setError(null);
              }}
            />
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
            <div className="row end comment-actions">
              <button
                type="button"
                className="btn btn-sm btn-ghost"
                onClick={() => {
                  setDraft(null);
                  setError(null);
                }}
              >
                Cancel
              </button>
              <button
                type="button"
                className="btn btn-sm btn-primary"
                disabled={saving || draft.trim() === '' || tooLong}
                onClick={() => void save()}
              >
                Save
              </button>
            </div>
          </div>
        )}
      </div>
      {(canEdit || canDelete) && draft === null && (
        <Menu
          trigger={<span aria-hidden="true">⋯</span>}
          triggerLabel={`Actions for ${name}'s comment`}
          triggerClassName="icon-btn comment-menu-btn"
          align="end"
        >
          {canEdit && (
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => setDraft(comment.body)}
            >
              Edit
            </button>
          )}
          {canDelete && (
            <button
              type="button"
              role="menuitem"
              className="menu-item btn-danger-ghost"
              onClick={() => setConfirming(true)}
            >
              {deleteLabel}
            </button>
          )}
        </Menu>
      )}
      {confirming && (
        <ConfirmDialog
          title={isFirst ? 'Delete this thread?' : 'Delete this comment?'}
          confirmLabel={deleteLabel}
          danger
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {isFirst
              ? replies > 0
                ? `The comment and its ${replies === 1 ? 'reply' : `${replies} replies`} will be deleted for everyone.`
                : 'The comment will be deleted for everyone.'
              : 'The comment will be deleted for everyone. The rest of the thread stays.'}
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}
