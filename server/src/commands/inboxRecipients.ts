import type { IcpFunction, InboxMention, InboxReason, MentionTarget } from '@bullseye/shared';
import type { NewInboxItem } from '../db/inboxStore.js';

export interface RecipientsInput {
  /** Who wrote the comment; never notified of their own words. */
  authorId: string;
  /** The workspace's current members; nobody else is notified. */
  members: readonly { userId: string; function: IcpFunction | null }[];
  /** What the comment mentions: people directly, or everyone representing a function. */
  mentions: readonly MentionTarget[];
  /** For a reply: the thread's first author and everyone who replied before. */
  participants?: readonly string[];
  /** For a first comment: the ICP's followers. */
  followers?: readonly string[];
}

const PRIORITY: Record<InboxReason, number> = { mention: 3, reply: 2, new_thread: 1 };

/**
 * Who hears of a new (or newly mentioning) comment, and why: one item per person, the most
 * specific reason winning (`mention` > `reply` > `new_thread`), members only, never the author.
 * A mention records how the person was named: by name wins over through their function.
 */
export function inboxRecipients(input: RecipientsInput): NewInboxItem[] {
  const members = new Map(input.members.map((m) => [m.userId, m]));
  const items = new Map<string, NewInboxItem>();
  const add = (userId: string, reason: InboxReason, mention?: InboxMention) => {
    if (userId === input.authorId || !members.has(userId)) return;
    const current = items.get(userId);
    if (current === undefined || PRIORITY[reason] > PRIORITY[current.reason]) {
      items.set(userId, mention ? { userId, reason, mention } : { userId, reason });
    }
  };
  for (const mention of input.mentions) {
    if (mention.type === 'user') add(mention.userId, 'mention', { type: 'user' });
  }
  for (const mention of input.mentions) {
    if (mention.type !== 'function') continue;
    for (const m of input.members) {
      if (m.function === mention.function)
        add(m.userId, 'mention', { type: 'function', function: m.function });
    }
  }
  for (const userId of input.participants ?? []) add(userId, 'reply');
  for (const userId of input.followers ?? []) add(userId, 'new_thread');
  return [...items.values()];
}
