import { Link } from 'react-router';
import { InboxIcon } from './InboxIcon.js';

interface InboxEmptyStateProps {
  view: 'unread' | 'all';
  /** Where "Go to your ICPs" leads; null when the person has no workspace. */
  icpsPath: string | null;
  onShowAll: () => void;
}

/** What an empty inbox says: what will arrive here and how to follow an ICP, or "all caught up". */
export function InboxEmptyState({ view, icpsPath, onShowAll }: InboxEmptyStateProps) {
  if (view === 'unread') {
    return (
      <div className="card inbox-empty" data-testid="inbox-empty">
        <span className="inbox-empty-icon inbox-empty-icon-done" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="28" height="28" focusable="false">
            <path
              d="m6 12.5 4 4 8-9"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </span>
        <h2>You're all caught up</h2>
        <p className="muted">Nothing unread. What you have already read stays under All.</p>
        <button type="button" className="btn" onClick={onShowAll}>
          Show all
        </button>
      </div>
    );
  }
  return (
    <div className="card inbox-empty" data-testid="inbox-empty">
      <span className="inbox-empty-icon" aria-hidden="true">
        <InboxIcon size={28} />
      </span>
      <h2>Nothing here yet</h2>
      <p>
        When someone mentions you or <span className="inbox-mention">@your-function</span>, replies to a
        thread you're in, or starts a thread on an ICP you follow, it shows up here. So do review steps:
        sign-off requested from your function, changes requested, versions ready for you to approve.
      </p>
      <p className="muted small">
        You follow an ICP by editing or commenting on it, or with <strong>Follow</strong> in its comments
        panel.
      </p>
      {icpsPath && (
        <Link to={icpsPath} className="btn">
          Go to your ICPs
        </Link>
      )}
    </div>
  );
}
