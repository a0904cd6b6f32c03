import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * A value computed from the whole document (e.g. completeness), recomputed after each change,
 * at most once per animation frame.
 */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const cache = useRef<{ doc: Y.Doc; version: number; value: T } | null>(null);
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
    if (current && current.doc === doc && current.version === version.current) return current.value;
    const value = read(doc);
    cache.current = { doc, version: version.current, value };
    return value;
  });
}
