import { useEffect, useMemo } from 'react';
import type { Editor } from '@tiptap/core';
import { setCommentHighlights, type HighlightSpec } from './commentHighlights.js';
import { useCommentsOptional } from './commentsContext.js';

/** Id of the highlight of a thread being written. */
export const DRAFT_HIGHLIGHT_ID = 'draft';

/**
 * Keeps a narrative editor's highlights in step with the threads: open text threads of the section
 * (blocking ones stressed, the selected one active), the selected thread even when resolved (so a
 * link to it shows where it was), and the text of a thread being written.
 */
export function useSectionHighlights(editor: Editor, section: string): void {
  const comments = useCommentsOptional();
  const threads = comments?.threads;
  const selectedId = comments?.selectedId ?? null;
  const draft = comments?.draft ?? null;

  const specs = useMemo(() => {
    const list: HighlightSpec[] = [];
    for (const t of threads ?? []) {
      if (t.anchor.type !== 'text' || t.anchor.section !== section) continue;
      const active = t.id === selectedId;
      if (t.status !== 'open' && !active) continue;
      const classes =
        t.status === 'open'
          ? [
              'comment-highlight',
              t.blocking && 'comment-highlight-blocking',
              active && 'comment-highlight-active',
            ]
          : ['comment-highlight-resolved'];
      list.push({
        id: t.id,
        start: t.anchor.start,
        end: t.anchor.end,
        className: classes.filter(Boolean).join(' '),
      });
    }
    if (draft?.type === 'text' && draft.section === section) {
      list.push({
        id: DRAFT_HIGHLIGHT_ID,
        start: draft.start,
        end: draft.end,
        className: 'comment-highlight-draft',
      });
    }
    return list;
  }, [threads, selectedId, draft, section]);

  // Threads re-sort on every edit; only a real change of ranges or looks reaches the editor.
  const signature = JSON.stringify(specs);
  useEffect(() => {
    if (editor.isDestroyed) return;
    setCommentHighlights(editor.view, JSON.parse(signature) as HighlightSpec[]);
  }, [editor, signature]);
}
