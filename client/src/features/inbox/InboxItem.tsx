import { Link } from 'react-router';
import type { InboxItemDto, InboxReason } from '@bullseye/shared';
import { formatDateTime } from '../../ui/dateFormat.js';
import { inboxTime } from './inboxTime.js';
import { describeInboxItem } from './describeInboxItem.js';

interface InboxItemProps {
  item: InboxItemDto;
  /** The ICP's workspace, shown when the person belongs to several. */
  workspaceName: string | null;
  now: number;
  /** Opening the item: it is marked read without waiting (navigation goes on regardless). */
  onOpen: (item: InboxItemDto) => void;
  onMarkRead: (item: InboxItemDto) => void;
}

/**
 * One inbox row: who did what, on which ICP and where in it, the start of the comment, and when.
 * The whole row opens the thread in the editor; "Mark as read" sits above that link.
 */
export function InboxItem({ item, workspaceName, now, onOpen, onMarkRead }: InboxItemProps) {
  const unread = item.readAt === null;
  const { actor, action, place, quote } = describeInboxItem(item);
  const href = `/icp/${encodeURIComponent(item.icp.id)}?thread=${encodeURIComponent(item.threadId)}`;

  return (
    <li
      className={`inbox-item${unread ? ' inbox-item-unread' : ''}`}
      data-testid="inbox-item"
      data-unread={String(unread)}
      data-item-id={item.id}
      data-reason={item.reason}
    >
      <span className="inbox-dot" aria-hidden="true" />
      <span className={`inbox-reason inbox-reason-${item.reason}`} aria-hidden="true">
        <ReasonIcon reason={item.reason} />
      </span>
      <div className="inbox-item-main">
        <div className="inbox-headline">
          <Link to={href} className="inbox-item-link" onClick={() => unread && onOpen(item)}>
            {unread && <span className="visually-hidden">Unread: </span>}
            <strong className="inbox-actor">{actor}</strong> {action}
            <span className="visually-hidden">, {item.icp.title}</span>
          </Link>
          <time className="inbox-time" dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
            {inboxTime(item.createdAt, now)}
          </time>
        </div>
        <div className="inbox-where">
          <span className="inbox-icp">
            {workspaceName && <span className="inbox-workspace">{workspaceName} › </span>}
            {item.icp.title || 'Untitled ICP'}
          </span>
          <span className="inbox-place">
            {place}
            {quote && <span className="inbox-quote">“{quote}”</span>}
          </span>
          {item.threadStatus === 'resolved' && <span className="badge inbox-resolved">Resolved</span>}
        </div>
        {item.excerpt && <p className="inbox-excerpt">{item.excerpt}</p>}
      </div>
      <div className="inbox-item-side">
        {unread && (
          <button
            type="button"
            className="icon-btn inbox-mark"
            aria-label="Mark as read"
            title="Mark as read"
            onClick={() => onMarkRead(item)}
          >
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
              <path
                d="m4.5 10.5 3.5 3.5 7.5-8"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          </button>
        )}
      </div>
    </li>
  );
}

/** @ for a mention, a curved arrow for a reply, a speech bubble for a new thread. */
function ReasonIcon({ reason }: { reason: InboxReason }) {
  const common = {
    viewBox: '0 0 20 20',
    width: 16,
    height: 16,
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.8,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
    focusable: 'false',
  } as const;
  if (reason === 'mention') {
    return (
      <svg {...common}>
        <circle cx="10" cy="10" r="3" />
        <path d="M13 10v1.2a2.3 2.3 0 0 0 4.6 0V10a7.6 7.6 0 1 0-3 6" />
      </svg>
    );
  }
  if (reason === 'reply') {
    return (
      <svg {...common}>
        <path d="M8 5 3.5 9.5 8 14" />
        <path d="M3.5 9.5h8a5 5 0 0 1 5 5v1" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <path d="M4 4.5h12a1.5 1.5 0 0 1 1.5 1.5v7a1.5 1.5 0 0 1-1.5 1.5H9l-4 3v-3H4A1.5 1.5 0 0 1 2.5 13V6A1.5 1.5 0 0 1 4 4.5Z" />
      <path d="M10 7.5v4M8 9.5h4" />
    </svg>
  );
}
