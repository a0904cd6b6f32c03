import { describe, expect, it } from 'vitest';
import type { CommentInboxItemDto, ReviewInboxItemDto } from '@bullseye/shared';
import { describeInboxItem, inboxItemHref } from './describeInboxItem.js';

const ada = { id: 'u1', name: 'Ada Lovelace' };
const whole: CommentInboxItemDto['anchor'] = { type: 'icp' };

describe('describeInboxItem', () => {
  it('says what happened, by reason', () => {
    expect(
      describeInboxItem({ kind: 'comment', reason: 'mention', actor: ada, anchor: whole }),
    ).toMatchObject({
      actor: 'Ada Lovelace',
      action: 'mentioned you or your function',
    });
    expect(describeInboxItem({ kind: 'comment', reason: 'reply', actor: ada, anchor: whole }).action).toBe(
      "replied in a thread you're in",
    );
    expect(
      describeInboxItem({ kind: 'comment', reason: 'new_thread', actor: ada, anchor: whole }).action,
    ).toBe('started a thread on an ICP you follow');
  });

  it('names a deleted account "Someone"', () => {
    expect(describeInboxItem({ kind: 'comment', reason: 'reply', actor: null, anchor: whole }).actor).toBe(
      'Someone',
    );
  });

  it('places a thread on the whole ICP', () => {
    expect(describeInboxItem({ kind: 'comment', reason: 'reply', actor: ada, anchor: whole })).toMatchObject({
      place: 'The whole ICP',
      quote: null,
    });
  });

  it('places a thread on a criterion or a passage by section title and quote', () => {
    const criterion = describeInboxItem({
      kind: 'comment',
      reason: 'mention',
      actor: ada,
      anchor: { type: 'criterion', section: 'industries', itemId: 'i1', quote: 'Fintech' },
    });
    expect(criterion).toMatchObject({ place: 'Industries', quote: 'Fintech' });
    const text = describeInboxItem({
      kind: 'comment',
      reason: 'mention',
      actor: ada,
      anchor: { type: 'text', section: 'goals', start: 'a', end: 'b', quote: ' cut churn ' },
    });
    expect(text).toMatchObject({ place: 'Goals', quote: 'cut churn' });
  });

  it('leaves out an empty quote (a range) and survives an unknown section', () => {
    const range = describeInboxItem({
      kind: 'comment',
      reason: 'reply',
      actor: ada,
      anchor: { type: 'criterion', section: 'employees', itemId: null, quote: '' },
    });
    expect(range).toMatchObject({ place: 'Company size (employees)', quote: null });
    const gone = describeInboxItem({
      kind: 'comment',
      reason: 'reply',
      actor: ada,
      anchor: { type: 'criterion', section: 'retired', itemId: 'x', quote: 'q' },
    });
    expect(gone.place).toBe('A section that no longer exists');
  });

  it('says how a mention reached the person: by name, or through their function', () => {
    expect(
      describeInboxItem({
        kind: 'comment',
        reason: 'mention',
        mention: { type: 'user' },
        actor: ada,
        anchor: whole,
      }).action,
    ).toBe('mentioned you');
    expect(
      describeInboxItem({
        kind: 'comment',
        reason: 'mention',
        mention: { type: 'function', function: 'product' },
        actor: ada,
        anchor: whole,
      }).action,
    ).toBe('mentioned you as @product');
  });

  describe('review steps', () => {
    const eve = { id: 'u2', name: 'Eve Editor' };
    const review = (
      event: ReviewInboxItemDto['event'],
      reason: ReviewInboxItemDto['reason'],
      extra: Partial<ReviewInboxItemDto> = {},
    ) =>
      describeInboxItem({
        kind: 'review',
        event,
        reason,
        actor: eve,
        version: { id: 'v', number: 3, name: 'Q1 workshop' },
        yourFunction: null,
        byFunction: null,
        ...extra,
      });

    it('says what happened and precisely why it reached the person', () => {
      expect(review('signoff_requested', 'signer', { yourFunction: 'product' })).toEqual({
        actor: 'Eve Editor',
        action: 'requested sign-off on version 3',
        why: 'you sign for Product',
        place: 'Review',
        quote: 'Q1 workshop',
      });
      expect(review('signoff_requested', 'approver').why).toBe('you approve versions');
      expect(review('signoff_requested', 'follower').why).toBe('you follow this ICP');
      expect(review('changes_requested', 'requester', { byFunction: 'marketing' })).toMatchObject({
        action: 'requested changes to version 3 for Marketing',
        why: 'you requested this review',
      });
      expect(review('changes_requested', 'editor', { byFunction: 'sales' }).why).toBe(
        'you can edit this ICP',
      );
      expect(review('all_approved', 'approver')).toMatchObject({
        actor: null,
        action: 'All four functions approved version 3',
        why: 'you can approve it',
      });
      expect(review('approved', 'signer', { yourFunction: 'customer_success' })).toMatchObject({
        action: 'approved version 3',
        why: 'you signed for Customer success',
      });
      expect(review('approved', 'follower', { version: { id: 'v', number: 4, name: null } })).toMatchObject({
        action: 'approved version 4',
        why: 'you follow this ICP',
        quote: null,
      });
    });
  });

  it('links a thread in context, a review step to the Review tab', () => {
    const icp = { id: 'i1', title: 'T', workspaceId: 'w' };
    const base = { id: 'x', createdAt: '', readAt: null, icp, actor: ada };
    expect(
      inboxItemHref({
        ...base,
        kind: 'comment',
        reason: 'reply',
        mention: null,
        threadId: 't1',
        commentId: 'c1',
        excerpt: '',
        anchor: whole,
        threadStatus: 'open',
      }),
    ).toBe('/icp/i1?thread=t1');
    expect(
      inboxItemHref({
        ...base,
        kind: 'review',
        event: 'approved',
        reason: 'follower',
        version: { id: 'v', number: 1, name: null },
        yourFunction: null,
        byFunction: null,
        excerpt: '',
        workshopId: null,
      }),
    ).toBe('/icp/i1?panel=review');
    expect(
      inboxItemHref({
        ...base,
        kind: 'review',
        event: 'workshop_ended',
        reason: 'absent',
        version: { id: 'v', number: 4, name: 'Workshop 2027-01-14' },
        yourFunction: null,
        byFunction: null,
        excerpt: '',
        workshopId: 'w1',
      }),
    ).toBe('/icp/i1/workshops/w1');
  });

  it('tells an absent member about the workshop they missed, with the version it ended as', () => {
    expect(
      describeInboxItem({
        kind: 'review',
        event: 'workshop_ended',
        reason: 'absent',
        actor: { id: 'u2', name: 'Ana' },
        version: { id: 'v', number: 4, name: 'Workshop 2027-01-14' },
        yourFunction: null,
        byFunction: null,
        icp: { id: 'i1', title: 'Mid-market SaaS', workspaceId: 'w' },
      }),
    ).toEqual({
      actor: 'Ana',
      action: 'ran a workshop on Mid-market SaaS you missed',
      why: null,
      place: 'Workshop summary',
      quote: 'Workshop 2027-01-14',
    });
  });
});
