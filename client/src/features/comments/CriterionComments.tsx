import { LIMITS } from '@bullseye/shared';
import { CommentIcon } from './CommentIcon.js';
import { targetKey, useCommentsOptional } from './commentsContext.js';

interface CriterionCommentsProps {
  section: string;
  itemId: string;
  /** The criterion's text, quoted by new threads. */
  text: string;
}

/**
 * The comment controls of one chip or item: a count of its open threads (selects the first), and
 * a "Comment" button shown on hover or focus for people who may comment.
 */
export function CriterionComments({ section, itemId, text }: CriterionCommentsProps) {
  const comments = useCommentsOptional();
  if (!comments) return null;
  const threads = comments.openByTarget.get(targetKey(section, itemId)) ?? [];
  const first = threads[0];
  return (
    <>
      {first && (
        <button
          type="button"
          className="comment-marker"
          aria-label={`${threads.length} ${threads.length === 1 ? 'comment' : 'comments'} on "${text}"`}
          title="Show comments"
          onClick={() => comments.select(first.id, { openSidebar: true })}
        >
          <CommentIcon size={12} />
          {threads.length}
        </button>
      )}
      {comments.canComment && (
        <button
          type="button"
          className="comment-add"
          aria-label={`Comment on "${text}"`}
          title="Comment"
          onClick={() =>
            comments.startDraft({
              type: 'criterion',
              section,
              itemId,
              quote: text.slice(0, LIMITS.maxQuoteLength),
            })
          }
        >
          <CommentIcon size={13} />
        </button>
      )}
    </>
  );
}
