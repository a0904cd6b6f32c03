import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { flatText, resolveTextAnchor, type TextAnchorPositions } from '@bullseye/shared';
import { flatRangeToPm, pmFlatText } from './pmFlatOffsets.js';

/** One range to highlight: a thread's text anchor (or the anchor of a comment being written). */
export interface HighlightSpec extends TextAnchorPositions {
  /** The thread id, set as `data-thread-id`. */
  id: string;
  /** CSS classes, e.g. `comment-highlight comment-highlight-blocking`. */
  className: string;
}

interface HighlightState {
  specs: readonly HighlightSpec[];
  decorations: DecorationSet;
}

type HighlightMeta = { specs: readonly HighlightSpec[] } | { refresh: true };

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

export interface CommentHighlightsOptions {
  /** The section's Yjs fragment, where the anchors' relative positions live. */
  fragment: Y.XmlFragment | null;
}

/**
 * Draws comment anchors as inline decorations. Anchors are Yjs relative positions, so they are
 * resolved against the section's fragment (flat offsets) and mapped into the editor's document.
 * Between two resolutions (e.g. while a local edit has not reached Yjs yet) the decorations are
 * mapped through the editor's changes; after any change they are resolved again on the next frame,
 * so remote edits, deleted text and undo all show as they are.
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { fragment: null };
  },

  addProseMirrorPlugins() {
    const { fragment } = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ specs: [], decorations: DecorationSet.empty }),
          apply(tr: Transaction, value: HighlightState): HighlightState {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            const mapped = tr.docChanged ? value.decorations.map(tr.mapping, tr.doc) : value.decorations;
            if (!meta || !fragment)
              return mapped === value.decorations ? value : { ...value, decorations: mapped };
            const specs = 'specs' in meta ? meta.specs : value.specs;
            return { specs, decorations: buildDecorations(tr.doc, fragment, specs) ?? mapped };
          },
        },
        props: {
          decorations: (state: EditorState) => commentHighlightsKey.getState(state)?.decorations,
        },
        view: (view: EditorView) => {
          let frame = 0;
          const refresh = () => {
            if (frame) return;
            frame = requestAnimationFrame(() => {
              frame = 0;
              if (!view.isDestroyed)
                view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { refresh: true }));
            });
          };
          fragment?.observeDeep(refresh);
          refresh();
          return {
            update: (updated: EditorView, previous: EditorState) => {
              if (!updated.state.doc.eq(previous.doc)) refresh();
            },
            destroy: () => {
              cancelAnimationFrame(frame);
              fragment?.unobserveDeep(refresh);
            },
          };
        },
      }),
    ];
  },
});

/** Null while the editor and Yjs disagree on the text (a change is on its way from one to the other). */
function buildDecorations(
  doc: PmNode,
  fragment: Y.XmlFragment,
  specs: readonly HighlightSpec[],
): DecorationSet | null {
  if (specs.length === 0) return DecorationSet.empty;
  if (flatText(fragment) !== pmFlatText(doc)) return null;
  const decorations: Decoration[] = [];
  for (const spec of specs) {
    const flat = resolveTextAnchor(fragment, spec);
    const range = flat && flatRangeToPm(doc, flat.from, flat.to);
    if (!range) continue;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        { class: spec.className, 'data-thread-id': spec.id },
        { inclusiveStart: false, inclusiveEnd: false, threadId: spec.id },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** Replaces the highlighted ranges of an editor's view. */
export function setCommentHighlights(view: EditorView, specs: readonly HighlightSpec[]): void {
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { specs } satisfies HighlightMeta));
}
