import type { MeDto } from '@bullseye/shared';
import { useAuth } from './useAuth.js';

/** The signed-in person. Only for screens behind {@link RequireSignedIn}. */
export function useMe(): MeDto {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useMe is only available to signed-in screens');
  return state.me;
}
