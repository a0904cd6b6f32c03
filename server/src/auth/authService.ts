import { APIError } from 'better-auth/api';
import type { IncomingHttpHeaders } from 'node:http';
import type { SignInBody, SignUpBody, UserDto } from '@bullseye/shared';
import { HttpError } from '../errors.js';
import type { BetterAuth } from './betterAuth.js';
import { refuseCommonPassword } from './commonPasswords.js';

/** Cookies to set on the response, as better-auth produced them. */
export type SetCookies = string[];

export interface SignedIn {
  user: UserDto;
  cookies: SetCookies;
}

/** Who a session belongs to, and which session it is (to end it or compare on sign-out). */
export interface SessionInfo {
  user: UserDto;
  sessionId: string;
  token: string;
}

function toHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) result.append(name, v);
    else result.set(name, value);
  }
  return result;
}

const user = (u: { id: string; name: string; email: string }): UserDto => ({
  id: u.id,
  name: u.name,
  email: u.email,
});

/**
 * The account operations Bullseye needs, over better-auth's server API: sign up, sign in, sign
 * out, read a session, change a password. Errors come back as Bullseye's HttpErrors.
 */
export class AuthService {
  constructor(private readonly auth: BetterAuth) {}

  /** Creates a password account; one of the most common passwords is refused (400 `common_password`). */
  async signUp(body: SignUpBody): Promise<SignedIn> {
    await refuseCommonPassword(body.password, 'password');
    try {
      const { headers, response } = await this.auth.api.signUpEmail({
        body: { name: body.name, email: body.email, password: body.password },
        returnHeaders: true,
      });
      return { user: user(response.user), cookies: headers.getSetCookie() };
    } catch (error) {
      if (error instanceof APIError && error.status === 'UNPROCESSABLE_ENTITY') {
        throw new HttpError(
          409,
          'email_taken',
          'An account with this email exists; sign in instead',
          'email',
        );
      }
      throw error;
    }
  }

  /** Signs in; the same answer for an unknown email and a wrong password. */
  async signIn(body: SignInBody, requestHeaders: IncomingHttpHeaders): Promise<SignedIn> {
    try {
      const { headers, response } = await this.auth.api.signInEmail({
        body: { email: body.email, password: body.password },
        headers: toHeaders(requestHeaders),
        returnHeaders: true,
      });
      return { user: user(response.user), cookies: headers.getSetCookie() };
    } catch (error) {
      if (error instanceof APIError && (error.status === 'UNAUTHORIZED' || error.status === 'BAD_REQUEST')) {
        throw new HttpError(401, 'invalid_credentials', 'Wrong email or password');
      }
      throw error;
    }
  }

  async signOut(requestHeaders: IncomingHttpHeaders): Promise<SetCookies> {
    try {
      const { headers } = await this.auth.api.signOut({
        headers: toHeaders(requestHeaders),
        returnHeaders: true,
      });
      return headers.getSetCookie();
    } catch {
      return [];
    }
  }

  /** The session carried by the request's cookie, if it is valid. */
  async session(requestHeaders: IncomingHttpHeaders): Promise<SessionInfo | null> {
    if (!requestHeaders.cookie) return null;
    const result = await this.auth.api.getSession({
      headers: toHeaders(requestHeaders),
      query: { disableRefresh: false },
    });
    if (!result) return null;
    return { user: user(result.user), sessionId: result.session.id, token: result.session.token };
  }

  /** Changes the password and ends the user's other sessions; answers the new session's cookies. */
  async changePassword(
    requestHeaders: IncomingHttpHeaders,
    currentPassword: string,
    newPassword: string,
  ): Promise<SetCookies> {
    await refuseCommonPassword(newPassword, 'newPassword');
    try {
      const { headers } = await this.auth.api.changePassword({
        body: { currentPassword, newPassword, revokeOtherSessions: true },
        headers: toHeaders(requestHeaders),
        returnHeaders: true,
      });
      return headers.getSetCookie();
    } catch (error) {
      if (error instanceof APIError && error.status === 'BAD_REQUEST') {
        throw new HttpError(
          400,
          'wrong_password',
          'currentPassword: is not your current password',
          'currentPassword',
        );
      }
      throw error;
    }
  }
}
