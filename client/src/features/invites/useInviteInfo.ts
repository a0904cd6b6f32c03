import { useEffect, useState } from 'react';
import type { InviteInfoDto } from '@bullseye/shared';
import { invitesApi } from '../../api/invitesApi.js';
import { asApiError, type ApiError } from '../../api/apiError.js';

export type InviteInfoState =
  { status: 'loading' } | { status: 'ready'; info: InviteInfoDto } | { status: 'failed'; error: ApiError };

/** What an invite link offers, read without signing in. */
export function useInviteInfo(token: string): InviteInfoState {
  const [loaded, setLoaded] = useState<{ token: string; state: InviteInfoState } | null>(null);

  useEffect(() => {
    let cancelled = false;
    invitesApi.info(token).then(
      (info) => !cancelled && setLoaded({ token, state: { status: 'ready', info } }),
      (e: unknown) => !cancelled && setLoaded({ token, state: { status: 'failed', error: asApiError(e) } }),
    );
    return () => {
      cancelled = true;
    };
  }, [token]);

  return loaded?.token === token ? loaded.state : { status: 'loading' };
}
