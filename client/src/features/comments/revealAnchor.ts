import type { CommentAnchorDto } from '@bullseye/shared';

/** How long to wait for an anchor to be drawn (the document may still be syncing) before giving up. */
const WAIT_MS = 5000;

function sectionElement(section: string): HTMLElement | null {
  return document.getElementById(`section-${section}`);
}

/**
 * The elements that show an anchor: the highlighted text, the criterion, or the range section.
 * Empty while a text highlight is not drawn yet.
 */
export function anchorElements(threadId: string, anchor: CommentAnchorDto, detached: boolean): HTMLElement[] {
  if (anchor.type === 'icp') return [];
  const section = sectionElement(anchor.section);
  if (!section) return [];
  if (detached) return [section];
  if (anchor.type === 'text') {
    return [...section.querySelectorAll<HTMLElement>(`[data-thread-id="${CSS.escape(threadId)}"]`)];
  }
  if (anchor.itemId === null) return [section];
  const item = section.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(anchor.itemId)}"]`);
  return item ? [item] : [section];
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Scrolls a thread's anchor into view and, if asked, flashes it. Waits (a frame at a time) for a
 * text highlight to be drawn, then falls back to its section. Returns a function that cancels.
 */
export function revealAnchor(
  threadId: string,
  anchor: CommentAnchorDto,
  detached: () => boolean,
  { flash = false }: { flash?: boolean } = {},
): () => void {
  if (anchor.type === 'icp') return () => {};
  const started = performance.now();
  let frame = 0;
  const attempt = () => {
    frame = 0;
    let elements = anchorElements(threadId, anchor, detached());
    if (elements.length === 0 && performance.now() - started > WAIT_MS) {
      const section = sectionElement(anchor.section);
      elements = section ? [section] : [];
      if (elements.length === 0) return;
    }
    if (elements.length === 0) {
      frame = requestAnimationFrame(attempt);
      return;
    }
    const first = elements[0]!;
    if (!isInView(first))
      first.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    if (flash) elements.forEach(flashElement);
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}

function isInView(element: HTMLElement): boolean {
  const rect = element.getBoundingClientRect();
  // Below the sticky top bar and above the bottom edge.
  return rect.top >= 64 && rect.bottom <= window.innerHeight - 16;
}

function flashElement(element: HTMLElement) {
  const text = element.classList.contains('comment-highlight') || element.hasAttribute('data-thread-id');
  const keyframes: Keyframe[] = text
    ? [
        { backgroundColor: 'rgb(255 196 0 / 85%)' },
        { backgroundColor: 'rgb(255 196 0 / 20%)' },
        { backgroundColor: 'rgb(255 196 0 / 85%)' },
        { backgroundColor: getComputedStyle(element).backgroundColor },
      ]
    : [
        { boxShadow: '0 0 0 0 rgb(255 176 0 / 0%)' },
        { boxShadow: '0 0 0 5px rgb(255 176 0 / 75%)' },
        { boxShadow: '0 0 0 0 rgb(255 176 0 / 0%)' },
        { boxShadow: '0 0 0 5px rgb(255 176 0 / 75%)' },
        { boxShadow: '0 0 0 0 rgb(255 176 0 / 0%)' },
      ];
  element.animate(keyframes, { duration: reducedMotion() ? 1 : 1600, delay: 250, easing: 'ease-in-out' });
}
