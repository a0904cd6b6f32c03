import { canonicalHash } from '@bullseye/shared';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useSettledDocValue } from '../../collab/useSettledDocValue.js';

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
  return useSettledDocValue(session, canonicalHash, SETTLE_MS);
}
