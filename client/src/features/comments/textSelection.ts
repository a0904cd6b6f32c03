import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { createTextAnchor, flatText, LIMITS, type CommentAnchor } from '@bullseye/shared';
import { pmFlatText, pmToFlat } from './pmFlatOffsets.js';

export interface PmRange {
  from: number;
  to: number;
}

/**
 * The text selected in an editor, as ProseMirror positions. Read from the DOM selection, because a
 * read-only editor (Commenters) does not always carry the person's selection in its state; falls
 * back to the editor's own selection while it has focus.
 */
export function selectedTextRange(view: EditorView): PmRange | null {
  const selection = view.dom.ownerDocument.getSelection();
  if (
    selection &&
    selection.rangeCount > 0 &&
    !selection.isCollapsed &&
    selection.anchorNode &&
    selection.focusNode &&
    view.dom.contains(selection.anchorNode) &&
    view.dom.contains(selection.focusNode)
  ) {
    try {
      const a = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
      const b = view.posAtDOM(selection.focusNode, selection.focusOffset);
      if (a !== b) return { from: Math.min(a, b), to: Math.max(a, b) };
    } catch {
      // A node the editor does not own (e.g. a collaborator's caret label): use the editor's state.
    }
  }
  const { from, to, empty } = view.state.selection;
  return !empty && view.hasFocus() ? { from, to } : null;
}

/**
 * A text anchor for a ProseMirror range of a section, or null when the range holds no text (only
 * empty paragraphs) or the editor and Yjs disagree for a moment.
 */
export function textAnchorFor(
  view: EditorView,
  fragment: Y.XmlFragment,
  section: string,
  range: PmRange,
): CommentAnchor | null {
  const doc = view.state.doc;
  const text = pmFlatText(doc);
  if (flatText(fragment) !== text) return null;
  let from = pmToFlat(doc, range.from);
  let to = pmToFlat(doc, range.to);
  // A double-click may take the space after a word; anchor the words only.
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (from >= to) return null;
  const quote = doc.textBetween(range.from, range.to, ' ', ' ').replace(/\s+/g, ' ').trim();
  return {
    type: 'text',
    section,
    ...createTextAnchor(fragment, from, to),
    quote: quote.length > LIMITS.maxQuoteLength ? `${quote.slice(0, LIMITS.maxQuoteLength - 1)}…` : quote,
  };
}
