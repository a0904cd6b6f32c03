import type { InboxItemDto } from '@bullseye/shared';

export interface InboxPageState {
  items: InboxItemDto[];
  nextBefore: string | null;
}

/**
 * Puts a freshly fetched first page in front of what is loaded, keeping the older pages already
 * loaded when the fresh page reaches into them (so "Load more" work is not lost), and dropping
 * loaded items the fresh page no longer has (read elsewhere, in the Unread view).
 */
export function mergeFirstPage(loaded: InboxPageState, fresh: InboxPageState): InboxPageState {
  if (fresh.nextBefore === null) return fresh;
  const last = fresh.items.at(-1);
  const index = last ? loaded.items.findIndex((item) => item.id === last.id) : -1;
  if (index === -1) return fresh;
  const seen = new Set(fresh.items.map((item) => item.id));
  const older = loaded.items.slice(index + 1).filter((item) => !seen.has(item.id));
  return { items: [...fresh.items, ...older], nextBefore: loaded.nextBefore };
}

/** Appends the next page, ignoring items already shown. */
export function appendPage(loaded: InboxPageState, next: InboxPageState): InboxPageState {
  const seen = new Set(loaded.items.map((item) => item.id));
  return {
    items: [...loaded.items, ...next.items.filter((item) => !seen.has(item.id))],
    nextBefore: next.nextBefore,
  };
}
