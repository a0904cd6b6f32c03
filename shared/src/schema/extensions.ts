import { getSchema, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/**
 * The Tiptap extensions that define what narrative sections may contain. Client editors add the
 * Collaboration extensions on top; the server builds the same ProseMirror schema from this list.
 * Undo/redo is off because the Collaboration extension brings its own Yjs-aware undo manager.
 */
export function narrativeExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [3, 4] },
      codeBlock: false,
      horizontalRule: false,
      // No `protocols`: http, https and mailto are linkify's own schemes (and allowed by default);
      // listing them made every editor re-register them, one "linkifyjs: already initialized"
      // console warning per scheme and editor.
      link: { openOnClick: false, autolink: true },
    }),
  ];
}

/** The ProseMirror schema of narrative sections, built without a browser. */
export function narrativeSchema() {
  return getSchema(narrativeExtensions());
}
