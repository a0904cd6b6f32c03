import { useEffect, useRef, useState } from 'react';
import type { ThreadDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { commentsApi } from '../../api/commentsApi.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { useToast } from '../../ui/Toast.js';
import { AnchorLabel } from './AnchorLabel.js';
import { detachedNote } from './anchorText.js';
import { CommentItem } from './CommentItem.js';
import { useComments } from './commentsContext.js';
import { ReplyBox } from './ReplyBox.js';

interface ThreadCardProps {
  thread: ThreadDto;
  detached: boolean;
  selected: boolean;
  now: number;
}

/**
 * One thread in the sidebar. Collapsed it shows where it is, its first comment and how many replies;
 * selected it expands with every reply, the reply box and the thread's actions.
 */
export function ThreadCard({ thread, detached, selected, now }: ThreadCardProps) {
  const { select, apply } = useComments();
  const toast = useToast();
  const card = useRef<HTMLElement>(null);
  const [busy, setBusy] = useState(false);
  const [first, ...replies] = thread.comments;
  const open = thread.status === 'open';

  useEffect(() => {
    if (selected) card.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  async function run(action: () => Promise<ThreadDto>): Promise<boolean> {
    setBusy(true);
    try {
      apply(await action());
      return true;
    } catch (e) {
      toast(asApiError(e).message, { tone: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function resolve() {
    if (!(await run(() => commentsApi.resolve(thread.id)))) return;
    select(null);
    toast('Thread resolved', {
      action: { label: 'Undo', run: () => void run(() => commentsApi.reopen(thread.id)) },
    });
  }

  return (
    <article
      ref={card}
      className={`thread-card ${selected ? 'thread-selected' : ''} ${open ? '' : 'thread-resolved'} ${thread.blocking && open ? 'thread-blocking' : ''}`}
      data-testid="thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      data-detached={String(detached)}
      aria-current={selected ? 'true' : undefined}
      onClick={() => {
        if (!selected) select(thread.id, { reveal: true });
      }}
    >
      <div className="thread-head">
        <button
          type="button"
          className="thread-anchor"
          title={thread.anchor.type === 'icp' ? undefined : 'Show in the ICP'}
          onClick={(e) => {
            e.stopPropagation();
            select(thread.id, { reveal: true, flash: true });
          }}
        >
          <AnchorLabel anchor={thread.anchor} detached={detached} />
        </button>
        {thread.blocking && <span className="pill pill-blocking">Blocking</span>}
        {thread.abilities.resolve && (
          <button
            type="button"
            className={`btn btn-sm ${open ? 'thread-resolve' : ''}`}
            disabled={busy}
            onClick={(e) => {
              e.stopPropagation();
              if (open) void resolve();
              else void run(() => commentsApi.reopen(thread.id));
            }}
          >
            {open ? (
              <>
                <span aria-hidden="true">✓</span> Resolve
              </>
            ) : (
              'Reopen'
            )}
          </button>
        )}
      </div>
      {detached && <p className="thread-note thread-detached-note">{detachedNote(thread.anchor)}</p>}
      {!open && (
        <p className="thread-note">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}
          {thread.resolvedAt ? ` ${relativeTime(thread.resolvedAt, now)}` : ''}
        </p>
      )}
      <ol className={`comments ${selected ? '' : 'comments-collapsed'}`}>
        {first && <CommentItem thread={thread} comment={first} isFirst now={now} />}
        {selected &&
          replies.map((c) => (
            <CommentItem key={c.id} thread={thread} comment={c} isFirst={false} now={now} />
          ))}
      </ol>
      {!selected && replies.length > 0 && (
        <button
          type="button"
          className="btn-link thread-replies"
          onClick={(e) => {
            e.stopPropagation();
            select(thread.id, { reveal: true });
          }}
        >
          {replies.length === 1 ? '1 reply' : `${replies.length} replies`}
        </button>
      )}
      {selected && (open && thread.abilities.reply ? <ReplyBox thread={thread} /> : null)}
      {selected && thread.abilities.setBlocking && open && (
        <div className="thread-foot">
          <button
            type="button"
            className="btn-link thread-blocking-toggle"
            disabled={busy}
            onClick={(e) => {
              e.stopPropagation();
              void run(() => commentsApi.update(thread.id, { blocking: !thread.blocking }));
            }}
          >
            {thread.blocking ? 'Mark not blocking' : 'Mark blocking'}
          </button>
          <span className="muted small">
            {thread.blocking
              ? 'Sign-off waits until this thread is resolved.'
              : 'Blocking threads must be resolved before sign-off.'}
          </span>
        </div>
      )}
    </article>
  );
}
