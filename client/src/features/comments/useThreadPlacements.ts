import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { CommentAnchorDto, ThreadDto } from '@bullseye/shared';
import { useDocValue } from '../../collab/useDocValue.js';
import { placeAnchors, type AnchorPlacement } from './threadOrder.js';

/**
 * Where each thread's anchor is in the live document, recomputed when the threads change and after
 * every document change (local or remote), at most once per animation frame.
 */
export function useThreadPlacements(
  doc: Y.Doc,
  threads: ReadonlyMap<string, ThreadDto>,
): Map<string, AnchorPlacement> {
  const read = useCallback(
    (d: Y.Doc) =>
      placeAnchors(d, new Map<string, CommentAnchorDto>([...threads.values()].map((t) => [t.id, t.anchor]))),
    [threads],
  );
  // Typing elsewhere moves nothing: keep the same map so nothing re-renders.
  return useDocValue(doc, read, samePlacements);
}

function samePlacements(a: Map<string, AnchorPlacement>, b: Map<string, AnchorPlacement>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, p] of b) {
    const q = a.get(id);
    if (
      !q ||
      q.section !== p.section ||
      q.offset !== p.offset ||
      q.detached !== p.detached ||
      q.range?.from !== p.range?.from ||
      q.range?.to !== p.range?.to
    ) {
      return false;
    }
  }
  return true;
}
