import { describe, expect, it } from 'vitest';
import { unreadBadge } from './unreadBadge.js';

describe('unreadBadge', () => {
  it('shows nothing and says "Inbox" when all is read', () => {
    expect(unreadBadge(0)).toEqual({ text: null, label: 'Inbox' });
  });

  it('shows the count and says it', () => {
    expect(unreadBadge(1)).toEqual({ text: '1', label: 'Inbox, 1 unread' });
    expect(unreadBadge(99)).toEqual({ text: '99', label: 'Inbox, 99 unread' });
  });

  it('caps the badge at 99+ but says the real count', () => {
    expect(unreadBadge(100)).toEqual({ text: '99+', label: 'Inbox, 100 unread' });
  });
});
