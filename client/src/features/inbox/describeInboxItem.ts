import { findSection, type InboxItemDto } from '@bullseye/shared';

export interface InboxItemDescription {
  /** Who acted: their name, or "Someone" once their account is gone. */
  actor: string;
  /** What they did, completing the sentence after the actor's name. */
  action: string;
  /** Where in the ICP: a section's title, or "The whole ICP". */
  place: string;
  /** The criterion or passage the thread is on, when there is one. */
  quote: string | null;
}

const ACTIONS: Record<InboxItemDto['reason'], string> = {
  // The item does not say whether the person or their function (@sales...) was named.
  mention: 'mentioned you or your function',
  reply: "replied in a thread you're in",
  new_thread: 'started a thread on an ICP you follow',
};

/** The words an inbox item shows: "Ada Lovelace replied in a thread you're in", on "Goals" “…”. */
export function describeInboxItem(
  item: Pick<InboxItemDto, 'reason' | 'actor' | 'anchor'>,
): InboxItemDescription {
  const actor = item.actor?.name.trim() || 'Someone';
  const action = ACTIONS[item.reason] ?? 'commented';
  if (item.anchor.type === 'icp') return { actor, action, place: 'The whole ICP', quote: null };
  const place = findSection(item.anchor.section)?.title ?? 'A section that no longer exists';
  const quote = item.anchor.quote.trim() || null;
  return { actor, action, place, quote };
}
