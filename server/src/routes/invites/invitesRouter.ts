import { Router, type RequestHandler } from 'express';
import { signUpBodySchema } from '@bullseye/shared';
import type { AuthService } from '../../auth/authService.js';
import type { PasswordWork } from '../../auth/passwordWork.js';
import type { InviteCommands } from '../../commands/inviteCommands.js';
import { passwordWorkSlot } from '../../middlewares/passwordWorkSlot.js';
import { parse } from '../../middlewares/validate.js';
import { presentWorkspace } from '../../presenters/account.js';
import { inviteOperations as op } from './operations.js';

/** `/api/invites/:token`: public, the link's secret is the credential. */
export function invitesRouter(
  invites: InviteCommands,
  auth: AuthService,
  passwordWork: PasswordWork,
): Router {
  const router = Router();
  // Accepting without a session signs up, which hashes a password.
  const slot = passwordWorkSlot(passwordWork);
  const hashing: RequestHandler = (req, res, next) => (req.actor ? next() : slot(req, res, next));

  router.get('/invites/:token', async (req, res) => {
    const { token } = parse(op.getInvite.params, req.params, 'params');
    res.json(await invites.info(token));
  });

  router.post('/invites/:token/accept', hashing, async (req, res) => {
    const { token } = parse(op.acceptInvite.params, req.params, 'params');
    let userId = req.actor?.user.id;
    let status = 200;
    if (!userId) {
      const body = parse(signUpBodySchema, req.body, 'body');
      await invites.assertUsable(token);
      const { user, cookies } = await auth.signUp(body);
      for (const cookie of cookies) res.append('Set-Cookie', cookie);
      userId = user.id;
      status = 201;
    }
    const { workspace, membership } = await invites.accept(token, userId);
    res.status(status).json({ workspace: presentWorkspace(workspace, membership) });
  });

  return router;
}
