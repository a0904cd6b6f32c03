import { Link } from 'react-router';
import type { InboxItemDto } from '@bullseye/shared';
import { formatDateTime } from '../../ui/dateFormat.js';
import { inboxTime } from './inboxTime.js';
import { describeInboxItem, inboxItemHref } from './describeInboxItem.js';

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
 * One inbox row: who did what (and why it reached you), on which ICP and where in it, the start
 * of the comment (or the reason for changes, the approval's note), and when. The whole row opens
 * the thread in the editor, or the ICP's Review tab; "Mark as read" sits above that link.
 */
export function InboxItem({ item, workspaceName, now, onOpen, onMarkRead }: InboxItemProps) {
  const unread = item.readAt === null;
  const { actor, action, why, place, quote } = describeInboxItem(item);
  const href = inboxItemHref(item);
  const icon = item.kind === 'review' ? item.event : item.reason;

  return (
    <li
      className={`inbox-item${unread ? ' inbox-item-unread' : ''}`}
      data-testid="inbox-item"
      data-unread={String(unread)}
      data-item-id={item.id}
      data-kind={item.kind}
      data-reason={item.reason}
      {...(item.kind === 'review' ? { 'data-event': item.event } : {})}
    >
      <span className="inbox-dot" aria-hidden="true" />
      <span className={`inbox-reason inbox-reason-${icon}`} aria-hidden="true">
        <ReasonIcon icon={icon} />
      </span>
      <div className="inbox-item-main">
        <div className="inbox-headline">
          <Link to={href} className="inbox-item-link" onClick={() => unread && onOpen(item)}>
            {unread && <span className="visually-hidden">Unread: </span>}
            {actor !== null && <strong className="inbox-actor">{actor}</strong>}
            {actor !== null && ' '}
            {actor === null ? <strong className="inbox-actor">{action}</strong> : action}
            {why && <span className="inbox-why"> — {why}</span>}
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
          {item.kind === 'comment' && item.threadStatus === 'resolved' && (
            <span className="badge inbox-resolved">Resolved</span>
          )}
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

type Icon =
  Extract<InboxItemDto, { kind: 'comment' }>['reason'] | Extract<InboxItemDto, { kind: 'review' }>['event'];

/**
 * @ for a mention, a curved arrow for a reply, a speech bubble for a new thread; for review
 * steps a paper plane (sign-off requested), a pencil (changes requested), a double check (all
 * four approved) and a seal (approved).
 */
function ReasonIcon({ icon }: { icon: Icon }) {
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
  if (icon === 'signoff_requested') {
    return (
      <svg {...common}>
        <path d="M17.5 2.5 9 11" />
        <path d="M17.5 2.5 12 17.5l-3-6.5-6.5-3Z" />
      </svg>
    );
  }
  if (icon === 'changes_requested') {
    return (
      <svg {...common}>
        <path d="M13.5 3.5 16.5 6.5 7 16H4v-3Z" />
        <path d="M11.5 5.5l3 3" />
      </svg>
    );
  }
  if (icon === 'all_approved') {
    return (
      <svg {...common}>
        <path d="m2 10.5 3.5 3.5L12 7" />
        <path d="m9.5 13.5.5.5L17 7" />
      </svg>
    );
  }
  if (icon === 'approved') {
    return (
      <svg {...common}>
        <circle cx="10" cy="8" r="5" />
        <path d="m7.8 8 1.5 1.5L12.3 6.5" />
        <path d="M7 12.2 6 18l4-2 4 2-1-5.8" />
      </svg>
    );
  }
  if (icon === 'workshop_ended') {
    return (
      <svg {...common}>
        <path d="M3 4.5h14v8.5H3zM10 13v3.5M6.5 16.5h7" />
      </svg>
    );
  }
  if (icon === 'mention') {
    return (
      <svg {...common}>
        <circle cx="10" cy="10" r="3" />
        <path d="M13 10v1.2a2.3 2.3 0 0 0 4.6 0V10a7.6 7.6 0 1 0-3 6" />
      </svg>
    );
  }
  if (icon === 'reply') {
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
