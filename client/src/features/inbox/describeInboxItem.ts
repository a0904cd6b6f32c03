import {
  findSection,
  FUNCTION_LABELS,
  type CommentInboxItemDto,
  type InboxItemDto,
  type ReviewInboxItemDto,
} from '@bullseye/shared';
import { summaryPath } from '../workshop/workshopPaths.js';

export interface InboxItemDescription {
  /** Who acted: their name, or "Someone" once their account is gone; null when the sentence has no actor. */
  actor: string | null;
  /** What happened, completing the sentence after the actor's name (or the whole sentence). */
  action: string;
  /** Why it reached this person, when the action does not say: "you sign for Product". */
  why: string | null;
  /** Where in the ICP: a section's title, "The whole ICP", or "Review". */
  place: string;
  /** The criterion or passage the thread is on, or the version's name, when there is one. */
  quote: string | null;
}

const COMMENT_ACTIONS: Record<CommentInboxItemDto['reason'], string> = {
  // Items written before the mention's target was recorded do not say which it was.
  mention: 'mentioned you or your function',
  reply: "replied in a thread you're in",
  new_thread: 'started a thread on an ICP you follow',
};

type DescribedComment = Pick<CommentInboxItemDto, 'kind' | 'reason' | 'actor' | 'anchor'> &
  Partial<Pick<CommentInboxItemDto, 'mention'>>;
type DescribedReview = Pick<
  ReviewInboxItemDto,
  'kind' | 'event' | 'reason' | 'actor' | 'version' | 'yourFunction' | 'byFunction'
> &
  Partial<Pick<ReviewInboxItemDto, 'icp'>>;

/**
 * The words an inbox item shows: "Ada Lovelace mentioned you as @product", on "Goals" “…”, or
 * "Eve Editor requested sign-off on version 3 — you sign for Product", on the ICP's review.
 */
export function describeInboxItem(item: DescribedComment | DescribedReview): InboxItemDescription {
  const actor = item.actor?.name.trim() || 'Someone';
  if (item.kind === 'review') return describeReview(item, actor);
  let action = COMMENT_ACTIONS[item.reason] ?? 'commented';
  if (item.reason === 'mention' && item.mention?.type === 'user') action = 'mentioned you';
  if (item.reason === 'mention' && item.mention?.type === 'function') {
    action = `mentioned you as @${item.mention.function}`;
  }
  if (item.anchor.type === 'icp') return { actor, action, why: null, place: 'The whole ICP', quote: null };
  const place = findSection(item.anchor.section)?.title ?? 'A section that no longer exists';
  const quote = item.anchor.quote.trim() || null;
  return { actor, action, why: null, place, quote };
}

function describeReview(item: DescribedReview, actor: string): InboxItemDescription {
  const version = `version ${item.version.number}`;
  const quote = item.version.name?.trim() || null;
  const place = 'Review';
  const by = item.byFunction ? ` for ${FUNCTION_LABELS[item.byFunction]}` : '';
  const why = whyReview(item);
  switch (item.event) {
    case 'signoff_requested':
      return { actor, action: `requested sign-off on ${version}`, why, place, quote };
    case 'changes_requested':
      return { actor, action: `requested changes to ${version}${by}`, why, place, quote };
    case 'all_approved':
      return { actor: null, action: `All four functions approved ${version}`, why, place, quote };
    case 'approved':
      return { actor, action: `approved ${version}`, why, place, quote };
    case 'workshop_ended': {
      const on = item.icp?.title.trim() ? ` on ${item.icp.title.trim()}` : '';
      return {
        actor,
        action: `ran a workshop${on} you missed`,
        why: null,
        place: 'Workshop summary',
        quote,
      };
    }
    default:
      return { actor, action: `changed the review of ${version}`, why, place, quote };
  }
}

function whyReview(item: DescribedReview): string {
  const fn = item.yourFunction ? FUNCTION_LABELS[item.yourFunction] : null;
  switch (item.reason) {
    case 'signer':
      if (!fn) return 'you sign off on this ICP';
      return item.event === 'approved' ? `you signed for ${fn}` : `you sign for ${fn}`;
    case 'approver':
      return item.event === 'all_approved' ? 'you can approve it' : 'you approve versions';
    case 'requester':
      return 'you requested this review';
    case 'editor':
      return 'you can edit this ICP';
    case 'follower':
      return 'you follow this ICP';
    default:
      return 'you are part of this review';
  }
}

/** Where opening the item lands: the thread in context, a workshop's summary, or the ICP's Review tab. */
export function inboxItemHref(item: InboxItemDto): string {
  const icp = `/icp/${encodeURIComponent(item.icp.id)}`;
  if (item.kind === 'review' && item.event === 'workshop_ended' && item.workshopId) {
    return summaryPath(item.icp.id, item.workshopId);
  }
  return item.kind === 'review'
    ? `${icp}?panel=review`
    : `${icp}?thread=${encodeURIComponent(item.threadId)}`;
}
