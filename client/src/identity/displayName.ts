import { useCallback, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'bullseye.displayName';
const listeners = new Set<() => void>();
/** Used when the browser refuses storage (some private modes): the name lasts for this page. */
let memoryName: string | null = null;

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? memoryName;
  } catch {
    return memoryName;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * The name this browser shows to others, asked once and kept in localStorage until accounts exist.
 * Every tab of this browser follows a change.
 */
export function useDisplayName(): [string | null, (name: string) => void] {
  const name = useSyncExternalStore(subscribe, read);
  const setName = useCallback((next: string) => {
    memoryName = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage refused: memoryName keeps it for this page.
    }
    listeners.forEach((l) => l());
  }, []);
  return [name, setName];
}
