import type { IncomingHttpHeaders } from 'node:http';
import type { TokenScope, UserDto } from '@bullseye/shared';
import type { ApiTokenStore } from '../db/apiTokenStore.js';
import type { UserStore } from '../db/userStore.js';
import type { AuthService } from './authService.js';
import { API_TOKEN_PREFIX, hashSecret } from './secrets.js';

/** Who is making a request or opening a socket, and with which credential. */
export interface Actor {
  user: UserDto;
  via: 'session' | 'token';
  /** The session's id, when signed in with a cookie (sign-out closes its sockets). */
  sessionId?: string;
  /** The API token's id, when authenticated with one (revoking it closes its sockets). */
  tokenId?: string;
  /** A `scoring` token reaches only the scoring API (see middlewares/tokenScope.ts). */
  scope: TokenScope;
}

/**
 * Resolves the actor from request headers: `Authorization: Bearer <token>` (a personal API
 * token), else the session cookie. A present but invalid Authorization header is never
 * silently replaced by the cookie.
 */
export class Authenticator {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: ApiTokenStore,
    private readonly users: UserStore,
  ) {}

  async fromHeaders(headers: IncomingHttpHeaders): Promise<Actor | null> {
    const authorization = headers.authorization;
    if (authorization !== undefined) return this.fromBearer(authorization);
    const session = await this.auth.session(headers);
    return session && { user: session.user, via: 'session', sessionId: session.sessionId, scope: 'full' };
  }

  private async fromBearer(authorization: string): Promise<Actor | null> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const secret = match?.[1];
    if (!secret?.startsWith(API_TOKEN_PREFIX) || secret.length > 128) return null;
    const row = await this.tokens.findByHash(hashSecret(secret));
    if (!row) return null;
    const user = await this.users.find(row.user_id);
    if (!user) return null;
    this.tokens.touch(row).catch((error: unknown) => console.error('token touch failed', error));
    return { user, via: 'token', tokenId: row.id, scope: row.scope === 'full' ? 'full' : 'scoring' };
  }
}
