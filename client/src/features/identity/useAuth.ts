import { useContext } from 'react';
import { AuthContext, type Auth } from './authContext.js';

/** The sign-in state and its actions, from {@link MeProvider}. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs a MeProvider above it');
  return auth;
}
