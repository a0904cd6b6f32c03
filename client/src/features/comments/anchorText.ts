import { findSection, type CommentAnchorDto } from '@bullseye/shared';

/** "Goals", "Industries", "Whole ICP": where a thread is, in words. */
export function anchorSectionTitle(anchor: CommentAnchorDto): string {
  if (anchor.type === 'icp') return 'Whole ICP';
  return findSection(anchor.section)?.title ?? 'Removed section';
}

/** Why a detached thread is detached. */
export function detachedNote(anchor: CommentAnchorDto): string {
  return anchor.type === 'text' ? 'Detached: the text was deleted' : 'Detached: the criterion was removed';
}

/** The quote without its surrounding whitespace, or null for whole-ICP threads and empty quotes. */
export function anchorQuote(anchor: CommentAnchorDto): string | null {
  if (anchor.type === 'icp') return null;
  const quote = anchor.quote.trim();
  return quote === '' ? null : quote;
}
