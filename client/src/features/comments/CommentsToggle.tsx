import { useComments } from './commentsContext.js';
import { CommentIcon } from './CommentIcon.js';
import { SIDEBAR_ID, TOGGLE_ID } from './CommentSidebar.js';

/** The top bar's "Comments" button: opens and closes the sidebar, shows open and blocking counts. */
export function CommentsToggle() {
  const { sidebarOpen, setSidebarOpen, sidebarDocked, counts } = useComments();
  const parts = [`${counts.open} open`];
  if (counts.blockingOpen) parts.push(`${counts.blockingOpen} blocking`);
  return (
    <button
      type="button"
      className={`btn btn-sm comments-toggle ${sidebarOpen ? 'comments-toggle-on' : ''}`}
      aria-expanded={sidebarOpen}
      aria-controls={sidebarOpen ? SIDEBAR_ID : undefined}
      title={`Comments: ${parts.join(', ')}`}
      id={TOGGLE_ID}
      data-testid="comments-toggle"
      onClick={() => {
        setSidebarOpen(!sidebarOpen);
        // A drawer opens over the page: take the keyboard there.
        if (!sidebarOpen && !sidebarDocked)
          requestAnimationFrame(() => document.getElementById(SIDEBAR_ID)?.focus());
      }}
    >
      <CommentIcon />
      <span className="toggle-label">Comments</span>
      {counts.open > 0 && (
        <span className="count-badge">
          <span aria-hidden="true">{counts.open}</span>
          <span className="visually-hidden">{counts.open} open</span>
        </span>
      )}
      {counts.blockingOpen > 0 && (
        <span className="count-badge count-badge-blocking">
          <span aria-hidden="true">{counts.blockingOpen}</span>
          <span className="visually-hidden">, {counts.blockingOpen} blocking</span>
        </span>
      )}
    </button>
  );
}
