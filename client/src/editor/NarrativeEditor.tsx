import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import * as Y from 'yjs';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { IcpRichTextSection } from '@bullseye/shared';
import { narrativeExtensions } from '@bullseye/shared/schema';
import type { IcpSession, PresenceUser } from '../collab/IcpSession.js';
import { CommentHighlights } from '../features/comments/commentHighlights.js';
import { useCommentsOptional } from '../features/comments/commentsContext.js';
import { CommentIcon } from '../features/comments/CommentIcon.js';
import { SelectionCommentButton } from '../features/comments/SelectionCommentButton.js';
import { COMMENT_SHORTCUT } from '../features/comments/shortcuts.js';
import { useCommentOnSelection } from '../features/comments/useCommentOnSelection.js';
import { DRAFT_HIGHLIGHT_ID, useSectionHighlights } from '../features/comments/useSectionHighlights.js';
import { useToast } from '../ui/Toast.js';
import { AutoDirection } from './autoDirection.js';
import { PasteGuard, pasteRefusalMessage } from './pasteGuard.js';
import { caretRenderer } from './caretLabels.js';

interface NarrativeEditorProps {
  session: IcpSession;
  section: IcpRichTextSection;
  user: PresenceUser;
  readOnly: boolean;
}

/**
 * A narrative section: a Tiptap editor bound to the section's `Y.XmlFragment`, showing the others'
 * named carets and the comment threads anchored in its text. Undo (Ctrl/Cmd+Z) undoes only this
 * person's own changes in this section. Selecting text offers a "Comment" button, also to people
 * who may comment but not edit.
 */
export function NarrativeEditor({ session, section, user, readOnly }: NarrativeEditorProps) {
  const fragment = useMemo(() => session.doc.getXmlFragment(section.key), [session, section.key]);
  // Stable for the app's lifetime (the provider's callback), so the editor need not be rebuilt.
  const toast = useToast();
  const editor = useEditor(
    {
      extensions: [
        ...narrativeExtensions(),
        AutoDirection,
        Collaboration.configure({ document: session.doc, field: section.key }),
        CollaborationCaret.configure({
          provider: { awareness: session.awareness },
          user,
          render: caretRenderer(session.awareness),
        }),
        CommentHighlights.configure({ fragment }),
        PasteGuard.configure({
          documentBytes: () => Y.encodeStateAsUpdate(session.doc).byteLength,
          onRefused: (refusal) => toast(pasteRefusalMessage(refusal), { tone: 'error' }),
        }),
      ],
      editable: !readOnly,
      editorProps: {
        attributes: {
          class: 'prose',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': section.title,
          'data-testid': `editor-${section.key}`,
        },
      },
    },
    [session, section.key],
  );

  useEffect(() => {
    editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  const comments = useCommentsOptional();
  const commentOnSelection = useCommentOnSelection(editor, fragment, section.key);
  useSectionHighlights(editor, section.key);
  const body = useRef<HTMLDivElement>(null);

  /** A click on highlighted text (not the end of a drag selecting it) selects its thread. */
  function onClick(event: MouseEvent) {
    const target = (event.target as Element).closest<HTMLElement>('[data-thread-id]');
    const id = target?.dataset.threadId;
    if (!comments || !id || id === DRAFT_HIGHLIGHT_ID || !window.getSelection()?.isCollapsed) return;
    // After the editor has read the caret this click placed: redrawing the highlights first would
    // put its previous selection back. While typing in a narrow window, no drawer over the text.
    const openSidebar = comments.sidebarDocked || readOnly;
    setTimeout(() => comments.select(id, { openSidebar }), 0);
  }

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      empty: e.isEmpty,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      length: e.state.doc.textContent.length,
    }),
  });

  return (
    <div className={`narrative ${readOnly ? 'narrative-readonly' : ''}`}>
      {!readOnly && (
        <Toolbar editor={editor} state={state} label={section.title} onComment={commentOnSelection} />
      )}
      <div className="narrative-body" ref={body} onClick={onClick}>
        {state.empty && (
          <p className="placeholder" aria-hidden="true">
            {readOnly ? 'Nothing written yet.' : section.placeholder}
          </p>
        )}
        <EditorContent editor={editor} />
        {commentOnSelection && (
          <SelectionCommentButton editor={editor} onComment={commentOnSelection} container={body} />
        )}
      </div>
      {state.length > section.maxChars * 0.8 && (
        <p className={`small ${state.length > section.maxChars ? 'field-error' : 'muted'}`}>
          {state.length.toLocaleString()} / {section.maxChars.toLocaleString()} characters. Keep it to one
          page.
        </p>
      )}
    </div>
  );
}

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
}

interface ToolbarProps {
  editor: Editor;
  state: ToolbarState;
  label: string;
  /** Starts a thread on the selection; null when this person may not comment. */
  onComment: (() => boolean) | null;
}

function Toolbar({ editor, state, label, onComment }: ToolbarProps) {
  const buttons = [
    { name: 'Bold', active: state.bold, run: () => editor.chain().focus().toggleBold().run(), text: 'B' },
    {
      name: 'Italic',
      active: state.italic,
      run: () => editor.chain().focus().toggleItalic().run(),
      text: 'I',
    },
    {
      name: 'Bulleted list',
      active: state.bulletList,
      run: () => editor.chain().focus().toggleBulletList().run(),
      text: '•',
    },
    {
      name: 'Numbered list',
      active: state.orderedList,
      run: () => editor.chain().focus().toggleOrderedList().run(),
      text: '1.',
    },
  ];
  return (
    <div className="toolbar" role="toolbar" aria-label={`${label} formatting`}>
      {buttons.map((b) => (
        <button
          key={b.name}
          type="button"
          className={`tool ${b.active ? 'tool-active' : ''}`}
          aria-label={b.name}
          aria-pressed={b.active}
          title={b.name}
          onMouseDown={(e) => e.preventDefault()}
          onClick={b.run}
        >
          {b.text}
        </button>
      ))}
      {onComment && (
        <button
          type="button"
          className="tool tool-comment"
          aria-label={`Comment (${COMMENT_SHORTCUT})`}
          title={`Comment on the selected text (${COMMENT_SHORTCUT})`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onComment()}
        >
          <CommentIcon size={14} />
        </button>
      )}
    </div>
  );
}
