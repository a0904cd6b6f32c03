/**
 * The inbox entry's badge text (null when there is nothing unread; "99+" above 99) and its
 * accessible name ("Inbox", "Inbox, 3 unread").
 */
export function unreadBadge(unread: number): { text: string | null; label: string } {
  if (unread <= 0) return { text: null, label: 'Inbox' };
  return { text: unread > 99 ? '99+' : String(unread), label: `Inbox, ${unread} unread` };
}
