import {
  abilitiesFor,
  reviewAbilities,
  type IcpFunction,
  type ReviewInboxEvent,
  type ReviewInboxReason,
  type Role,
} from '@bullseye/shared';
import type { NewReviewInboxItem } from '../db/inboxStore.js';

export interface ReviewRecipientsInput {
  event: ReviewInboxEvent;
  /** Who took the step; never notified of it. */
  actorId: string;
  /** The workspace's current members; nobody else is notified. */
  members: readonly { userId: string; role: Role; function: IcpFunction | null; approver: boolean }[];
  /** The ICP's followers. */
  followers: readonly string[];
  /** Who requested the review (null once their account is gone). */
  requesterId: string | null;
  /** For `approved`: whose decisions counted, per function (the latest of each). */
  signers?: readonly { userId: string; function: IcpFunction }[];
}

/** Most specific first: a person's one item carries the highest of their reasons. */
const PRIORITY: Record<ReviewInboxReason, number> = {
  signer: 5,
  approver: 4,
  requester: 3,
  editor: 2,
  follower: 1,
  absent: 0,
};

/**
 * Who hears of a review step, and why (one item per person, the most specific reason winning,
 * members only, never the actor):
 * - sign-off requested: everyone who may sign for a function (`signer`, with their function),
 *   approvers, followers;
 * - changes requested: the person who requested the review, everyone who may edit the ICP (they
 *   make the changes), followers;
 * - all four functions approved: approvers (they can approve it now), the requester;
 * - approved: the requester, the people whose sign-offs counted (`signer`), followers.
 * Signing and approving need a member who may comment (viewers only read), as in `reviewAbilities`.
 */
export function reviewRecipients(input: ReviewRecipientsInput): NewReviewInboxItem[] {
  const members = new Map(input.members.map((m) => [m.userId, m]));
  const items = new Map<string, NewReviewInboxItem>();
  const add = (userId: string | null, reason: ReviewInboxReason, yourFunction: IcpFunction | null = null) => {
    if (userId === null || userId === input.actorId || !members.has(userId)) return;
    const current = items.get(userId);
    if (current === undefined || PRIORITY[reason] > PRIORITY[current.reason]) {
      items.set(userId, { userId, reason, yourFunction });
    }
  };
  const abilities = (m: ReviewRecipientsInput['members'][number]) => reviewAbilities(m, false);

  switch (input.event) {
    case 'signoff_requested':
      for (const m of input.members) {
        const fn = abilities(m).signOffFor;
        if (fn) add(m.userId, 'signer', fn);
        if (abilities(m).approve) add(m.userId, 'approver');
      }
      break;
    case 'changes_requested':
      add(input.requesterId, 'requester');
      for (const m of input.members) if (abilitiesFor(m.role).edit) add(m.userId, 'editor');
      break;
    case 'all_approved':
      for (const m of input.members) if (abilities(m).approve) add(m.userId, 'approver');
      add(input.requesterId, 'requester');
      break;
    case 'approved':
      add(input.requesterId, 'requester');
      for (const s of input.signers ?? []) add(s.userId, 'signer', s.function);
      break;
  }
  if (input.event !== 'all_approved') for (const userId of input.followers) add(userId, 'follower');
  return [...items.values()];
}
