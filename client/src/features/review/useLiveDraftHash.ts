import { useEffect, useState } from 'react';
import { canonicalHash } from '@bullseye/shared';
import type { IcpSession } from '../../collab/IcpSession.js';

/** Edits are gathered this long before the document is hashed again (typing stays smooth). */
const SETTLE_MS = 150;

/**
 * The SHA-256 of the live document's canonical JSON, as a version of it would be hashed: compare
 * it with a version's `hash` to know whether the draft on screen is still that version. Computed
 * here, from the document this browser shows (its own unsaved edits included), so it is live and
 * costs no request; null until the document has synced with the server once (before that it may be
 * an old local copy).
 */
export function useLiveDraftHash(session: IcpSession): string | null {
  const [hash, setHash] = useState<string | null>(null);

  useEffect(() => {
    let timer = 0;
    let ready = session.tracker.status.synced;
    const compute = () => {
      timer = 0;
      if (ready) setHash(canonicalHash(session.doc));
    };
    const schedule = () => {
      if (!ready || timer) return;
      timer = window.setTimeout(compute, SETTLE_MS);
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
  }, [session]);

  return hash;
}
