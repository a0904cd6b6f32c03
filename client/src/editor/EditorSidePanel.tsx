import { CommentSidebar } from '../features/comments/CommentSidebar.js';
import { useCommentsOptional } from '../features/comments/commentsContext.js';
import { reviewNeedsMe } from '../features/review/reviewAttention.js';
import { useReviewOptional } from '../features/review/reviewContext.js';
import { ReviewPanel } from '../features/review/ReviewPanel.js';
import { HistoryPanel } from '../features/versions/HistoryPanel.js';
import { DataPanel } from '../features/insights/DataPanel.js';
import { ScorePanel } from '../features/scoring/ScorePanel.js';
import { useWorkshopOptional } from '../features/workshop/workshopContext.js';
import { WorkshopPanel } from '../features/workshop/WorkshopPanel.js';
import { SidePanel } from './SidePanel.js';

/** The editor's panel with its tabs: Comments, Review, History, Data (customer-data insights),
 * Score (fit scoring: try an account, score a dataset), Workshop (the live session). */
export function EditorSidePanel() {
  return (
    <SidePanel
      tabs={[
        { key: 'comments', label: 'Comments', badge: <CommentsTabBadge />, content: <CommentSidebar /> },
        { key: 'review', label: 'Review', badge: <ReviewTabBadge />, content: <ReviewPanel /> },
        { key: 'history', label: 'History', content: <HistoryPanel /> },
        { key: 'data', label: 'Data', content: <DataPanel /> },
        { key: 'score', label: 'Score', content: <ScorePanel /> },
        { key: 'workshop', label: 'Workshop', badge: <WorkshopTabBadge />, content: <WorkshopPanel /> },
      ]}
    />
  );
}

function CommentsTabBadge() {
  const open = useCommentsOptional()?.counts.open ?? 0;
  if (!open) return null;
  return (
    <span className="count-badge">
      <span aria-hidden="true">{open}</span>
      <span className="visually-hidden"> ({open} open)</span>
    </span>
  );
}

/** A dot when the review waits on this person, or when it is due. */
function ReviewTabBadge() {
  const review = useReviewOptional();
  if (!review) return null;
  const needsMe = reviewNeedsMe(review.review, review.abilities);
  if (!needsMe && !review.review.reviewDue) return null;
  return (
    <span
      className={`attention-dot ${needsMe ? '' : 'attention-dot-due'}`}
      title={needsMe ? 'Waiting for you' : 'Review due'}
    >
      <span className="visually-hidden">{needsMe ? ' (waiting for you)' : ' (review due)'}</span>
    </span>
  );
}

/** A live dot while a session runs. */
function WorkshopTabBadge() {
  const running = useWorkshopOptional()?.workshop != null;
  if (!running) return null;
  return (
    <span className="attention-dot workshop-dot" title="A workshop is running">
      <span className="visually-hidden"> (running)</span>
    </span>
  );
}
