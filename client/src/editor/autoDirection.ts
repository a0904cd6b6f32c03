import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const key = new PluginKey<DecorationSet>('autoDirection');

/** Blocks whose direction follows their own text: a Hebrew paragraph reads right to left. */
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote']);

function decorate(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (BLOCKS.has(node.type.name))
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { dir: 'auto' }));
    return !node.isTextblock;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * `dir="auto"` on every paragraph, heading, list item and quote, so right-to-left text renders
 * right to left, each block by its own first strong character. As decorations, not a schema
 * attribute: nothing is written to the shared document, whose schema the server checks.
 */
export const AutoDirection = Extension.create({
  name: 'autoDirection',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc),
          apply: (tr, previous) => (tr.docChanged ? decorate(tr.doc) : previous),
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ];
  },
});
