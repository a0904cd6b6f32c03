import type { CommentAnchorDto } from '@bullseye/shared';
import { anchorQuote, anchorSectionTitle } from './anchorText.js';

/** Where a thread points: the section, and the quoted text or criterion (struck through once gone). */
export function AnchorLabel({ anchor, detached }: { anchor: CommentAnchorDto; detached: boolean }) {
  const quote = anchorQuote(anchor);
  return (
    <span className="anchor-label">
      <span className="anchor-section">{anchorSectionTitle(anchor)}</span>
      {quote !== null &&
        (detached ? (
          <del className="anchor-quote anchor-quote-detached">
            <q>{quote}</q>
          </del>
        ) : (
          <q className="anchor-quote">{quote}</q>
        ))}
    </span>
  );
}
