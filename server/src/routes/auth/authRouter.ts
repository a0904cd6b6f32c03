import { Router, type Response } from 'express';
import type { AccountCommands } from '../../commands/accountCommands.js';
import type { AuthService, SetCookies } from '../../auth/authService.js';
import type { PasswordWork } from '../../auth/passwordWork.js';
import type { CollabEvents } from '../../collaboration/collabEvents.js';
import type { SettingsStore } from '../../db/settingsStore.js';
import { forbidden, HttpError } from '../../errors.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { passwordWorkSlot } from '../../middlewares/passwordWorkSlot.js';
import { parse } from '../../middlewares/validate.js';
import type { RequestHandler } from 'express';
import { authOperations as op } from './operations.js';

export interface AuthRouterDeps {
  auth: AuthService;
  accounts: AccountCommands;
  settings: SettingsStore;
  access: CollabEvents;
  /** The sign-in rate limits (see loginRateLimit), checked before any password is hashed. */
  loginLimiter: RequestHandler[];
  /** Bounds concurrent password hashing; every route that hashes a password waits for a slot. */
  passwordWork: PasswordWork;
}

function setCookies(res: Response, cookies: SetCookies): void {
  for (const cookie of cookies) res.append('Set-Cookie', cookie);
}

/** `/api/instance`, `/api/setup`, `/api/signup`, `/api/session` (GET, POST, DELETE), `/api/me`. */
export function authRouter({
  auth,
  accounts,
  settings,
  access,
  loginLimiter,
  passwordWork,
}: AuthRouterDeps): Router {
  const router = Router();
  const hashing = passwordWorkSlot(passwordWork);

  const instance = async () => ({
    needsSetup: await accounts.needsSetup(),
    signupOpen: await settings.signupOpen(),
  });

  router.get('/instance', async (_req, res) => {
    res.json(await instance());
  });

  router.patch('/instance', async (req, res) => {
    const actor = requireActor(req);
    const body = parse(op.updateInstance.body, req.body, 'body');
    if ((await settings.ownerId()) !== actor.user.id) throw forbidden('owner');
    await settings.setSignupOpen(body.signupOpen);
    res.json(await instance());
  });

  router.post('/setup', hashing, async (req, res) => {
    const body = parse(op.setup.body, req.body, 'body');
    const { me, cookies } = await accounts.setup(body);
    setCookies(res, cookies);
    res.status(201).json(me);
  });

  router.post('/signup', hashing, async (req, res) => {
    const body = parse(op.signUp.body, req.body, 'body');
    const { me, cookies } = await accounts.signUp(body);
    setCookies(res, cookies);
    res.status(201).json(me);
  });

  router.post('/session', ...loginLimiter, hashing, async (req, res) => {
    const body = parse(op.signIn.body, req.body, 'body');
    const { user, cookies } = await auth.signIn(body, req.headers);
    setCookies(res, cookies);
    res.json(await accounts.me(user));
  });

  // The signed-out state is expected, not an error: a page load asks here and gets 200 either way.
  router.get('/session', async (req, res) => {
    const me = req.actor ? await accounts.me(req.actor.user) : null;
    res.json({ me, instance: await instance() });
  });

  router.delete('/session', async (req, res) => {
    // The cookie's session ends even when the request was authenticated by an API token.
    const sessionId = req.actor?.sessionId ?? (await auth.session(req.headers))?.sessionId;
    setCookies(res, await auth.signOut(req.headers));
    if (sessionId) access.credentialRevoked({ sessionId });
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    res.json(await accounts.me(requireActor(req).user));
  });

  router.post('/me/password', hashing, async (req, res) => {
    const actor = requireActor(req);
    // better-auth changes the password of the session in the cookie: an API token cannot do it.
    if (actor.via !== 'session') {
      throw new HttpError(403, 'session_required', 'Sign in with your password to change it');
    }
    const body = parse(op.changePassword.body, req.body, 'body');
    setCookies(res, await auth.changePassword(req.headers, body.currentPassword, body.newPassword));
    // Every other session was signed out: their open sockets must not outlive them.
    access.credentialRevoked({ sessionsOf: { userId: actor.user.id, exceptSessionId: actor.sessionId } });
    res.status(204).end();
  });

  return router;
}
