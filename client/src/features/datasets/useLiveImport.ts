import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { datasetsApi } from '../../api/datasetsApi.js';
import { isTerminal, newerImport } from './importState.js';

export const POLL_MS = 1000;

export interface LiveImport {
  imp: ImportDto | null;
  /** Shows an answer of this page's own request (cancel, mapping, decision): taken as it is. */
  apply: (dto: ImportDto) => void;
  /** Shows a snapshot whose age is unknown: kept only if it is further along. */
  offer: (dto: ImportDto | null) => void;
}

/**
 * The latest import of a dataset, kept current: polled about every second until it is done,
 * cancelled or failed (and never after unmount). `onSettled` runs once when an import this page
 * watched reaches one of those states; `onGone` when the import no longer exists.
 */
export function useLiveImport(
  seed: ImportDto | null,
  onSettled: (dto: ImportDto) => void,
  onGone: () => void,
): LiveImport {
  const [imp, setImp] = useState<ImportDto | null>(seed);
  const [seen, setSeen] = useState(seed);
  if (seed !== seen) {
    setSeen(seed);
    setImp((current) => newerImport(current, seed));
  }

  // Answers to polls started before one of our own requests was answered are stale.
  const generation = useRef(0);
  const apply = useCallback((dto: ImportDto) => {
    generation.current += 1;
    setImp(dto);
  }, []);
  const offer = useCallback((dto: ImportDto | null) => setImp((current) => newerImport(current, dto)), []);

  const id = imp?.id ?? null;
  const state = imp?.state ?? null;
  const settled = useRef({ onSettled, onGone });
  useEffect(() => {
    settled.current = { onSettled, onGone };
  });

  useEffect(() => {
    if (!id || !state || isTerminal(state)) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const started = generation.current;
      try {
        const dto = await datasetsApi.getImport(id);
        if (!stopped && started === generation.current) setImp(dto);
      } catch (e) {
        if (stopped) return;
        if (asApiError(e).status === 404) {
          settled.current.onGone();
          return;
        }
        // Other failures (offline, restarting server): keep polling.
      }
      if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, state]);

  // Reports the end of an import this page saw running.
  const watching = useRef<string | null>(null);
  useEffect(() => {
    if (!imp) return;
    if (!isTerminal(imp.state)) {
      watching.current = imp.id;
    } else if (watching.current === imp.id) {
      watching.current = null;
      settled.current.onSettled(imp);
    }
  }, [imp]);

  return { imp, apply, offer };
}
