import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { IcpSession } from './IcpSession.js';

/**
 * A value read from the live document once edits have settled for `settleMs` (typing stays
 * smooth), again whenever `read` changes (memoize it), and at once when the document first syncs
 * with the server; null until then (before, it may be empty or an old local copy). When `same`
 * says a new value equals the previous one, the previous one is kept, so nothing re-renders.
 */
export function useSettledDocValue<T>(
  session: IcpSession,
  read: (doc: Y.Doc) => T,
  settleMs: number,
  same: (a: T, b: T) => boolean = Object.is,
): T | null {
  const [value, setValue] = useState<T | null>(null);

  useEffect(() => {
    let timer = 0;
    let ready = session.tracker.status.synced;
    const compute = () => {
      timer = 0;
      if (!ready) return;
      const next = read(session.doc);
      setValue((current) => (current !== null && same(current, next) ? current : next));
    };
    const schedule = () => {
      if (!ready || timer) return;
      timer = window.setTimeout(compute, settleMs);
    };
    const unsubscribe = session.tracker.subscribe(() => {
      if (ready || !session.tracker.status.synced) return;
      ready = true;
      compute();
    });
    session.doc.on('update', schedule);
    compute();
    return () => {
      unsubscribe();
      session.doc.off('update', schedule);
      window.clearTimeout(timer);
    };
  }, [session, read, settleMs, same]);

  return value;
}
