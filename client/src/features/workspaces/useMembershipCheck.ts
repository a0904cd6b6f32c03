import { useEffect } from 'react';
import type { ApiError } from '../../api/apiError.js';
import { useAuth } from '../identity/useAuth.js';

/**
 * A workspace screen whose request was refused with 404 or 403 has probably lost its membership
 * (removed, or demoted); re-reading /api/me lets the workspace route show what is left.
 */
export function useMembershipCheck(error: ApiError | null): void {
  const { refresh } = useAuth();
  useEffect(() => {
    if (error && (error.status === 404 || error.status === 403)) void refresh();
  }, [error, refresh]);
}
