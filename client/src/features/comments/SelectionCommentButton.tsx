import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Editor } from '@tiptap/core';
import { CommentIcon } from './CommentIcon.js';
import { COMMENT_SHORTCUT, isCommentShortcut } from './shortcuts.js';
import { selectedTextRange } from './textSelection.js';

interface SelectionCommentButtonProps {
  editor: Editor;
  /** Starts a thread on the selection (see useCommentOnSelection). */
  onComment: () => boolean;
  /** The positioned element the button is placed in. */
  container: RefObject<HTMLElement | null>;
}

const BUTTON_WIDTH = 104;

/**
 * A "Comment" button floating above the text selected in a narrative editor, editable or not, and
 * the Ctrl/Cmd+Alt+M shortcut for the same. Shown once the mouse is released, hidden as soon as
 * the selection leaves the editor.
 */
export function SelectionCommentButton({ editor, onComment, container }: SelectionCommentButtonProps) {
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let frame = 0;
    let pointerDown = false;
    const update = () => {
      frame = 0;
      const box = container.current;
      if (pointerDown || editor.isDestroyed || !box) return setPosition(null);
      const view = editor.view;
      const range = selectedTextRange(view);
      if (!range) return setPosition(null);
      try {
        const start = view.coordsAtPos(range.from, 1);
        const end = view.coordsAtPos(range.to, -1);
        const rect = box.getBoundingClientRect();
        const oneLine = Math.abs(start.top - end.top) < 4;
        const middle = oneLine ? (start.left + end.right) / 2 - BUTTON_WIDTH / 2 : start.left;
        const left = Math.min(Math.max(middle - rect.left, 0), Math.max(rect.width - BUTTON_WIDTH, 0));
        setPosition({ top: start.top - rect.top - 38, left });
      } catch {
        setPosition(null);
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (button.current?.contains(event.target as Node)) return;
      pointerDown = true;
      setPosition(null);
    };
    const onPointerUp = () => {
      pointerDown = false;
      schedule();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event) || editor.isDestroyed || !selectedTextRange(editor.view)) return;
      event.preventDefault();
      onComment();
    };
    document.addEventListener('selectionchange', schedule);
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('pointerup', onPointerUp, true);
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('resize', schedule);
    editor.on('transaction', schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('pointerup', onPointerUp, true);
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('resize', schedule);
      editor.off('transaction', schedule);
    };
  }, [editor, onComment, container]);

  if (!position) return null;
  return (
    <button
      ref={button}
      type="button"
      className="selection-comment btn btn-sm"
      style={{ top: position.top, left: position.left }}
      title={`Comment on the selected text (${COMMENT_SHORTCUT})`}
      data-testid="selection-comment"
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        if (onComment()) setPosition(null);
      }}
    >
      <CommentIcon size={14} />
      Comment
    </button>
  );
}
