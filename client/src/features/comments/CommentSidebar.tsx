import { useMemo, type KeyboardEvent } from 'react';
import { useComments, type CommentFilter } from './commentsContext.js';
import { FollowButton } from './FollowButton.js';
import { matchesFilter } from './threadFilters.js';
import { ThreadCard } from './ThreadCard.js';
import { ThreadComposer } from './ThreadComposer.js';
import { useNow } from './useNow.js';

export const SIDEBAR_ID = 'comment-sidebar';
const PANEL_ID = 'comment-threads';
export const TOGGLE_ID = 'comments-toggle';

const EMPTY_TEXT: Record<CommentFilter, string> = {
  open: 'No open comments.',
  resolved: 'No resolved threads yet.',
  mine: 'You have not started or replied to any thread.',
};

/**
 * The comment threads of the ICP, in the order of the page: filters, the blocking banner, the
 * thread being written and the threads. It is the Comments tab of the editor's panel, which sits
 * beside the page on wide screens and is a drawer on narrow ones.
 */
export function CommentSidebar() {
  const comments = useComments();
  const { threads, placements, filter, setFilter, counts, draft, selectedId, canComment, sidebarDocked } =
    comments;
  const now = useNow();
  const shown = useMemo(
    () => threads.filter((t) => matchesFilter(t, filter, comments.meId)),
    [threads, filter, comments.meId],
  );

  if (!comments.sidebarOpen) return null;

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const target = event.target as HTMLElement;
    if (event.key !== 'Escape' || target.closest('textarea, input, [role="menu"], dialog')) return;
    if (selectedId) comments.select(null);
    else if (!sidebarDocked) {
      comments.setSidebarOpen(false);
      document.getElementById(TOGGLE_ID)?.focus();
    }
  }

  /** Arrow keys move between the filter tabs, as in any tab list. */
  function onTabKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = tabs.findIndex((t) => t.key === filter);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    setFilter(next.key);
    document.getElementById(`comment-tab-${next.key}`)?.focus();
  }

  const firstBlocking = threads.find((t) => t.status === 'open' && t.blocking);
  const tabs: { key: CommentFilter; label: string }[] = [
    { key: 'open', label: `Open (${counts.open})` },
    { key: 'resolved', label: `Resolved (${counts.resolved})` },
    { key: 'mine', label: 'Mine' },
  ];

  return (
    <aside
      id={SIDEBAR_ID}
      className="comment-sidebar"
      aria-label="Comments"
      data-testid="comment-sidebar"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="comment-sidebar-head">
        <div className="comment-sidebar-title">
          <div
            className="tabs comment-tabs"
            role="tablist"
            aria-label="Show threads"
            onKeyDown={onTabKeyDown}
          >
            {tabs.map((tab) => (
              <button
                key={tab.key}
                type="button"
                role="tab"
                id={`comment-tab-${tab.key}`}
                aria-selected={filter === tab.key}
                aria-controls={PANEL_ID}
                tabIndex={filter === tab.key ? 0 : -1}
                className={`tab ${filter === tab.key ? 'tab-active' : ''}`}
                onClick={() => setFilter(tab.key)}
              >
                {tab.label}
              </button>
            ))}
          </div>
          <FollowButton />
        </div>
        {counts.blockingOpen > 0 && (
          <div className="blocking-banner" role="status" data-testid="blocking-banner">
            <span className="blocking-banner-icon" aria-hidden="true">
              !
            </span>
            <span className="grow">
              {counts.blockingOpen === 1
                ? '1 blocking thread must be resolved before sign-off'
                : `${counts.blockingOpen} blocking threads must be resolved before sign-off`}
            </span>
            {firstBlocking && (
              <button
                type="button"
                className="btn-link"
                onClick={() => comments.select(firstBlocking.id, { reveal: true, flash: true })}
              >
                Show
              </button>
            )}
          </div>
        )}
      </div>
      <div
        className="comment-sidebar-body"
        id={PANEL_ID}
        role="tabpanel"
        aria-labelledby={`comment-tab-${filter}`}
      >
        {canComment && !draft && (
          <button
            type="button"
            className="btn btn-sm comment-whole-icp"
            onClick={() => comments.startDraft({ type: 'icp' })}
          >
            <span aria-hidden="true">+</span> Comment on the whole ICP
          </button>
        )}
        {draft && <ThreadComposer key={JSON.stringify(draft)} anchor={draft} />}
        {comments.error && (
          <div className="comment-error" role="alert">
            <span className="grow">
              {threads.length ? 'Comments could not be refreshed' : 'Comments could not be loaded'}:{' '}
              {comments.error.message}
            </span>
            <button type="button" className="btn btn-sm" onClick={comments.reload}>
              Try again
            </button>
          </div>
        )}
        {!comments.loaded ? (
          <p className="comment-empty muted">Loading comments…</p>
        ) : shown.length === 0 ? (
          comments.error ? null : (
            <div className="comment-empty">
              <p className="muted">{EMPTY_TEXT[filter]}</p>
              {filter === 'open' && canComment && (
                <p className="muted small">
                  Select text in a narrative section and press Comment, or use the comment button on a
                  criterion.
                </p>
              )}
            </div>
          )
        ) : (
          <ol
            className="thread-list"
            aria-label={`${tabs.find((t) => t.key === filter)?.label ?? ''} threads`}
          >
            {shown.map((thread) => (
              <li key={thread.id}>
                <ThreadCard
                  thread={thread}
                  detached={placements.get(thread.id)?.detached ?? false}
                  selected={thread.id === selectedId}
                  now={now}
                />
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
