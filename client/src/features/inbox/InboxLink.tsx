import { NavLink } from 'react-router';
import { InboxIcon } from './InboxIcon.js';
import { unreadBadge } from './unreadBadge.js';
import { useUnreadInbox } from './unreadInbox.js';

/** The top bar's way to the inbox: a tray icon with the unread count. */
export function InboxLink() {
  const { text, label } = unreadBadge(useUnreadInbox());
  return (
    <NavLink to="/inbox" className="inbox-link" aria-label={label} title={label}>
      <InboxIcon />
      {text && (
        <span className="inbox-count" data-testid="inbox-count" aria-hidden="true">
          {text}
        </span>
      )}
    </NavLink>
  );
}
