import { useCommentsOptional } from '../comments/commentsContext.js';

/** Open blocking comment threads stop approvals (asking for changes still works): say so, and lead to them. */
export function BlockingThreadsNotice({ count }: { count: number }) {
  const comments = useCommentsOptional();
  const first = comments?.threads.find((t) => t.status === 'open' && t.blocking);
  return (
    <div className="review-blocked" role="status" data-testid="review-blocked">
      <span className="blocking-banner-icon" aria-hidden="true">
        !
      </span>
      <span className="grow">
        <strong>
          {count === 1 ? '1 blocking comment thread is open.' : `${count} blocking comment threads are open.`}
        </strong>{' '}
        Approvals wait until {count === 1 ? 'it is' : 'they are'} resolved; requesting changes still works.
      </span>
      {comments && first && (
        <button
          type="button"
          className="btn-link"
          onClick={() => comments.select(first.id, { openSidebar: true, reveal: true, flash: true })}
        >
          Show
        </button>
      )}
    </div>
  );
}
