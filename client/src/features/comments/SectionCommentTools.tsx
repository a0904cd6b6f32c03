import type * as Y from 'yjs';
import { readRange, type RangeSectionKey, type SectionDefinition } from '@bullseye/shared';
import { rangeSummary } from '../../editor/rangeSummary.js';
import { CommentIcon } from './CommentIcon.js';
import { useCommentsOptional } from './commentsContext.js';

/**
 * A section header's comment controls: how many open threads the section has (selects the first),
 * and for a range section, which is one criterion, a button to comment on it.
 */
export function SectionCommentTools({ section, doc }: { section: SectionDefinition; doc: Y.Doc }) {
  const comments = useCommentsOptional();
  if (!comments) return null;
  const open = comments.openBySection.get(section.key) ?? [];
  const first = open[0];
  const range = section.kind === 'range';
  const noun = open.length === 1 ? 'comment' : 'comments';
  return (
    <div className="section-comments">
      {first && (
        <button
          type="button"
          className="comment-marker comment-marker-section"
          aria-label={
            range
              ? `${open.length} ${noun} on "${section.title}"`
              : `${open.length} open ${noun} in ${section.title}`
          }
          title={`${open.length} open ${noun}`}
          onClick={() => comments.select(first.id, { openSidebar: true, reveal: true })}
        >
          <CommentIcon size={12} />
          {open.length}
        </button>
      )}
      {range && comments.canComment && (
        <button
          type="button"
          className="icon-btn comment-add-section"
          aria-label={`Comment on "${section.title}"`}
          title="Comment on this range"
          onClick={() => {
            const value = readRange(doc, section.key as RangeSectionKey);
            const set = value.min !== null || value.max !== null;
            comments.startDraft({
              type: 'criterion',
              section: section.key,
              itemId: null,
              quote: set ? rangeSummary(value, section) : '',
            });
          }}
        >
          <CommentIcon size={14} />
        </button>
      )}
    </div>
  );
}
