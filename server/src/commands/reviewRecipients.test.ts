import { describe, expect, it } from 'vitest';
import type { IcpFunction, Role } from '@bullseye/shared';
import { reviewRecipients, type ReviewRecipientsInput } from './reviewRecipients.js';

const member = (userId: string, role: Role, fn: IcpFunction | null = null, approver = false) => ({
  userId,
  role,
  function: fn,
  approver,
});

/** Sam (sales, commenter), Pat (product, editor), Vic (product, viewer), Lee (approver), Eve (editor, requester), Ada (admin). */
const members = [
  member('sam', 'commenter', 'sales'),
  member('pat', 'editor', 'product'),
  member('vic', 'viewer', 'product', true),
  member('lee', 'commenter', null, true),
  member('eve', 'editor'),
  member('ada', 'admin', 'marketing', true),
  member('fay', 'commenter'),
];

const byUser = (input: Partial<ReviewRecipientsInput> & Pick<ReviewRecipientsInput, 'event' | 'actorId'>) =>
  Object.fromEntries(
    reviewRecipients({ members, followers: [], requesterId: 'eve', ...input }).map((i) => [
      i.userId,
      i.yourFunction ? `${i.reason}:${i.yourFunction}` : i.reason,
    ]),
  );

describe('reviewRecipients', () => {
  it('sign-off requested: every member who may sign (with their function), approvers, followers; not viewers, not the actor', () => {
    expect(byUser({ event: 'signoff_requested', actorId: 'eve', followers: ['fay', 'eve', 'vic'] })).toEqual({
      sam: 'signer:sales',
      pat: 'signer:product',
      ada: 'signer:marketing', // an approver who also signs: signing is the more specific
      lee: 'approver',
      fay: 'follower',
      vic: 'follower', // a viewer can neither sign nor approve, but follows
    });
  });

  it('changes requested: the requester, editors and admins, followers', () => {
    expect(byUser({ event: 'changes_requested', actorId: 'sam', followers: ['fay', 'sam', 'pat'] })).toEqual({
      eve: 'requester',
      pat: 'editor',
      ada: 'editor',
      fay: 'follower',
    });
  });

  it('all four approved: approvers who may approve, and the requester; not followers', () => {
    expect(byUser({ event: 'all_approved', actorId: 'sam', followers: ['fay'] })).toEqual({
      lee: 'approver',
      ada: 'approver',
      eve: 'requester',
    });
    // The requester who is an approver hears it as the approver.
    expect(byUser({ event: 'all_approved', actorId: 'sam', requesterId: 'ada' })).toEqual({
      lee: 'approver',
      ada: 'approver',
    });
  });

  it('approved: the requester, the people whose sign-offs counted (for the function they signed), followers', () => {
    expect(
      byUser({
        event: 'approved',
        actorId: 'lee',
        followers: ['fay', 'sam', 'lee'],
        signers: [
          { userId: 'sam', function: 'sales' },
          { userId: 'ada', function: 'marketing' },
          { userId: 'pat', function: 'product' },
          { userId: 'lee', function: 'customer_success' },
        ],
      }),
    ).toEqual({
      eve: 'requester',
      sam: 'signer:sales',
      ada: 'signer:marketing',
      pat: 'signer:product',
      fay: 'follower',
    });
  });

  it('reaches members only, one item each, never the actor', () => {
    const items = reviewRecipients({
      event: 'approved',
      actorId: 'lee',
      members,
      followers: ['gone', 'eve', 'eve'],
      requesterId: 'gone',
      signers: [{ userId: 'gone', function: 'sales' }],
    });
    expect(items).toEqual([{ userId: 'eve', reason: 'follower', yourFunction: null }]);
    expect(
      reviewRecipients({ event: 'all_approved', actorId: 'eve', members, followers: [], requesterId: null }),
    ).toHaveLength(2);
  });
});
