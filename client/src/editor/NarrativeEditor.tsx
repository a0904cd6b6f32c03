import { useEffect } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { IcpRichTextSection } from '@bullseye/shared';
import { narrativeExtensions } from '@bullseye/shared/schema';
import type { IcpSession, PresenceUser } from '../collab/IcpSession.js';

interface NarrativeEditorProps {
  session: IcpSession;
  section: IcpRichTextSection;
  user: PresenceUser;
  readOnly: boolean;
}

/**
 * A narrative section: a Tiptap editor bound to the section's `Y.XmlFragment`, showing the others'
 * named carets. Undo (Ctrl/Cmd+Z) undoes only this person's own changes in this section.
 */
export function NarrativeEditor({ session, section, user, readOnly }: NarrativeEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        ...narrativeExtensions(),
        Collaboration.configure({ document: session.doc, field: section.key }),
        CollaborationCaret.configure({ provider: { awareness: session.awareness }, user }),
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
      {!readOnly && <Toolbar editor={editor} state={state} label={section.title} />}
      <div className="narrative-body">
        {state.empty && (
          <p className="placeholder" aria-hidden="true">
            {readOnly ? 'Nothing written yet.' : section.placeholder}
          </p>
        )}
        <EditorContent editor={editor} />
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

function Toolbar({ editor, state, label }: { editor: Editor; state: ToolbarState; label: string }) {
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
    </div>
  );
}
