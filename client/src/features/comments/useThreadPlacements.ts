import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { CommentAnchorDto, ThreadDto } from '@bullseye/shared';
import { placeAnchors, type AnchorPlacement } from './threadOrder.js';

interface Cache {
  doc: Y.Doc;
  threads: ReadonlyMap<string, ThreadDto>;
  version: number;
  value: Map<string, AnchorPlacement>;
}

/**
 * Where each thread's anchor is in the live document, recomputed when the threads change and after
 * every document change (local or remote), at most once per animation frame.
 */
export function useThreadPlacements(
  doc: Y.Doc,
  threads: ReadonlyMap<string, ThreadDto>,
): Map<string, AnchorPlacement> {
  const cache = useRef<Cache | null>(null);
  const version = useRef(0);
  const subscribe = useCallback(
    (listener: () => void) => {
      let frame = 0;
      const onUpdate = () => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          version.current++;
          listener();
        });
      };
      doc.on('update', onUpdate);
      return () => {
        cancelAnimationFrame(frame);
        doc.off('update', onUpdate);
      };
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => {
    const current = cache.current;
    if (
      current &&
      current.doc === doc &&
      current.threads === threads &&
      current.version === version.current
    ) {
      return current.value;
    }
    const anchors = new Map<string, CommentAnchorDto>([...threads.values()].map((t) => [t.id, t.anchor]));
    const placed = placeAnchors(doc, anchors);
    // Typing elsewhere moves nothing: keep the same map so nothing re-renders.
    const value = current && samePlacements(current.value, placed) ? current.value : placed;
    cache.current = { doc, threads, version: version.current, value };
    return value;
  });
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
