import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MeDto } from '@bullseye/shared';
import { authApi } from '../../api/authApi.js';
import { asApiError } from '../../api/apiError.js';
import { onSessionEnded } from '../../api/request.js';
import { AuthContext, type Auth, type AuthState, type SignedOutReason } from './authContext.js';

/**
 * The one owner of "who is signed in". Asks /api/session on load: the person, or without a
 * session whether this is a first run and whether sign-up is open. Any request later refused with
 * `unauthenticated` makes it ask again, so an ended session sends the person to sign in.
 */
export function MeProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  // Answers of an older refresh must not overwrite a newer one.
  const generation = useRef(0);
  const wasSignedIn = useRef(false);
  const signingOut = useRef(false);
  const refreshing = useRef(false);

  const apply = useCallback((next: AuthState) => {
    if (next.status === 'signedIn') wasSignedIn.current = true;
    if (next.status === 'signedOut') wasSignedIn.current = false;
    setState(next);
  }, []);

  const refresh = useCallback(async (): Promise<MeDto | null> => {
    const mine = ++generation.current;
    const reason: SignedOutReason = signingOut.current
      ? 'signedOut'
      : wasSignedIn.current
        ? 'sessionEnded'
        : 'none';
    refreshing.current = true;
    try {
      const next = await loadAuthState(reason);
      // A blip while signed in keeps the person here; only the first load shows "unreachable".
      const keep = next.status === 'unreachable' && wasSignedIn.current;
      if (mine === generation.current && !keep) apply(next);
      return next.status === 'signedIn' ? next.me : null;
    } finally {
      refreshing.current = false;
    }
  }, [apply]);

  const signedIn = useCallback(
    (me: MeDto) => {
      generation.current++;
      apply({ status: 'signedIn', me });
    },
    [apply],
  );

  const signOut = useCallback(async () => {
    signingOut.current = true;
    try {
      await authApi.signOut().catch(() => undefined);
      await refresh();
    } finally {
      signingOut.current = false;
    }
  }, [refresh]);

  useEffect(() => {
    void refresh();
    // Only a session that existed can end; a refused request while signed out starts no refresh.
    const stopListening = onSessionEnded(() => {
      if (wasSignedIn.current && !refreshing.current) void refresh();
    });
    // Roles and workspaces may have changed while the person was in another window.
    const onFocus = () => {
      if (wasSignedIn.current && !refreshing.current) void refresh();
    };
    window.addEventListener('focus', onFocus);
    return () => {
      stopListening();
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh]);

  const value = useMemo<Auth>(
    () => ({ state, refresh, signedIn, signOut }),
    [state, refresh, signedIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/**
 * The person behind the session cookie, or, without one, what the installation allows. One
 * `GET /api/session`, which answers 200 signed in or not: the browser logs every refused request
 * in the console, and being signed out is no error.
 */
async function loadAuthState(reasonIfSignedOut: SignedOutReason): Promise<AuthState> {
  try {
    const session = await authApi.session();
    if (session.me) return { status: 'signedIn', me: session.me };
    return { status: 'signedOut', instance: session.instance, reason: reasonIfSignedOut };
  } catch (e) {
    return { status: 'unreachable', error: asApiError(e) };
  }
}
