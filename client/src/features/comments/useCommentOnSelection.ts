import { useCallback } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { useToast } from '../../ui/Toast.js';
import { useCommentsOptional } from './commentsContext.js';
import { selectedTextRange, textAnchorFor } from './textSelection.js';

/**
 * Starts a thread on the text selected in a narrative editor; null when this person may not
 * comment. Returns whether a thread was started (else it says why in a toast).
 */
export function useCommentOnSelection(
  editor: Editor,
  fragment: Y.XmlFragment,
  section: string,
): (() => boolean) | null {
  const comments = useCommentsOptional();
  const toast = useToast();
  const canComment = comments?.canComment ?? false;
  const startDraft = comments?.startDraft;
  const start = useCallback(() => {
    if (!startDraft || editor.isDestroyed) return false;
    const range = selectedTextRange(editor.view);
    const anchor = range && textAnchorFor(editor.view, fragment, section, range);
    if (!anchor) {
      toast('Select the text you want to comment on first.');
      return false;
    }
    startDraft(anchor);
    return true;
  }, [editor, fragment, section, startDraft, toast]);
  return canComment ? start : null;
}
