import { createContext } from 'react';
import type { InstanceDto, MeDto } from '@bullseye/shared';
import type { ApiError } from '../../api/apiError.js';

/** Why nobody is signed in: never was, signed out here, or the session ended (elsewhere, expired). */
export type SignedOutReason = 'none' | 'signedOut' | 'sessionEnded';

/** Where the app stands with the server: who is signed in, or what a visitor may do. */
export type AuthState =
  | { status: 'loading' }
  | { status: 'signedIn'; me: MeDto }
  | { status: 'signedOut'; instance: InstanceDto; reason: SignedOutReason }
  | { status: 'unreachable'; error: ApiError };

export interface Auth {
  state: AuthState;
  /** Reads /api/me again (after joining or creating a workspace, or when access changed). */
  refresh: () => Promise<MeDto | null>;
  /** Setup, sign-in, sign-up and joining answer with the person; adopt it without another request. */
  signedIn: (me: MeDto) => void;
  /** Ends the session on the server and forgets the person here. */
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);
