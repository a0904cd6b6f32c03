import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * Subscribes a component to a Yjs type (deeply) and returns `read(type)`, recomputed only when the
 * type changes. `read` must return a fresh value for a changed type and may be called often.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Yjs type, whatever its event type
export function useYValue<T, YType extends Y.AbstractType<any>>(type: YType, read: (type: YType) => T): T {
  const cache = useRef<{ type: YType; value: T; stale: boolean } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      const onChange = () => {
        if (cache.current) cache.current.stale = true;
        listener();
      };
      type.observeDeep(onChange);
      return () => type.unobserveDeep(onChange);
    },
    [type],
  );
  const getSnapshot = () => {
    const current = cache.current;
    if (current && current.type === type && !current.stale) return current.value;
    const value = read(type);
    cache.current = { type, value, stale: false };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}
