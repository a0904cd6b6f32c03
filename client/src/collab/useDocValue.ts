import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * A value computed from the whole document (e.g. completeness), recomputed after each change, at
 * most once per animation frame, and when `read` changes (memoize it). When `same` says the new
 * value equals the previous one, the previous one is kept, so nothing re-renders.
 */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T, same?: (a: T, b: T) => boolean): T {
  const cache = useRef<{ doc: Y.Doc; read: (doc: Y.Doc) => T; version: number; value: T } | null>(null);
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
    if (current && current.doc === doc && current.read === read && current.version === version.current) {
      return current.value;
    }
    const computed = read(doc);
    const value = current && same?.(current.value, computed) ? current.value : computed;
    cache.current = { doc, read, version: version.current, value };
    return value;
  });
}
