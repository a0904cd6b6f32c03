import { describe, expect, it } from 'vitest';
import type { InboxItemDto } from '@bullseye/shared';
import { describeInboxItem } from './describeInboxItem.js';

const ada = { id: 'u1', name: 'Ada Lovelace' };
const whole: InboxItemDto['anchor'] = { type: 'icp' };

describe('describeInboxItem', () => {
  it('says what happened, by reason', () => {
    expect(describeInboxItem({ reason: 'mention', actor: ada, anchor: whole })).toMatchObject({
      actor: 'Ada Lovelace',
      action: 'mentioned you or your function',
    });
    expect(describeInboxItem({ reason: 'reply', actor: ada, anchor: whole }).action).toBe(
      "replied in a thread you're in",
    );
    expect(describeInboxItem({ reason: 'new_thread', actor: ada, anchor: whole }).action).toBe(
      'started a thread on an ICP you follow',
    );
  });

  it('names a deleted account "Someone"', () => {
    expect(describeInboxItem({ reason: 'reply', actor: null, anchor: whole }).actor).toBe('Someone');
  });

  it('places a thread on the whole ICP', () => {
    expect(describeInboxItem({ reason: 'reply', actor: ada, anchor: whole })).toMatchObject({
      place: 'The whole ICP',
      quote: null,
    });
  });

  it('places a thread on a criterion or a passage by section title and quote', () => {
    const criterion = describeInboxItem({
      reason: 'mention',
      actor: ada,
      anchor: { type: 'criterion', section: 'industries', itemId: 'i1', quote: 'Fintech' },
    });
    expect(criterion).toMatchObject({ place: 'Industries', quote: 'Fintech' });
    const text = describeInboxItem({
      reason: 'mention',
      actor: ada,
      anchor: { type: 'text', section: 'goals', start: 'a', end: 'b', quote: ' cut churn ' },
    });
    expect(text).toMatchObject({ place: 'Goals', quote: 'cut churn' });
  });

  it('leaves out an empty quote (a range) and survives an unknown section', () => {
    const range = describeInboxItem({
      reason: 'reply',
      actor: ada,
      anchor: { type: 'criterion', section: 'employees', itemId: null, quote: '' },
    });
    expect(range).toMatchObject({ place: 'Company size (employees)', quote: null });
    const gone = describeInboxItem({
      reason: 'reply',
      actor: ada,
      anchor: { type: 'criterion', section: 'retired', itemId: 'x', quote: 'q' },
    });
    expect(gone.place).toBe('A section that no longer exists');
  });
});
