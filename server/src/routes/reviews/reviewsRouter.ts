import { Router } from 'express';
import type { ReviewCommands } from '../../commands/reviewCommands.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import { authorizeReview } from '../../policies/policies.js';
import { reviewOperations as op } from './operations.js';

/**
 * `/api/versions/:id/review|sign-offs|approve`: authenticate, validate, authorize the version and
 * the member's step (policies), one command; the review's state is checked in the command.
 */
export function reviewsRouter(commands: ReviewCommands, access: AccessLoader): Router {
  const router = Router();

  router.post('/versions/:id/review', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.requestSignOff.params, req.params, 'params');
    const target = await access.version(actor, id, 'read');
    authorizeReview(target.membership, target.icp, 'requestSignOff');
    res.json(await commands.request(target));
  });

  router.post('/versions/:id/sign-offs', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.signOff.params, req.params, 'params');
    const target = await access.version(actor, id, 'read');
    const body = parse(op.signOff.body, req.body, 'body');
    authorizeReview(target.membership, target.icp, { signOffFor: body.function });
    res.json(await commands.signOff(target, body));
  });

  router.post('/versions/:id/approve', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.approveVersion.params, req.params, 'params');
    const target = await access.version(actor, id, 'read');
    const body = parse(op.approveVersion.body, req.body ?? {}, 'body');
    authorizeReview(target.membership, target.icp, 'approve');
    res.json(await commands.approve(target, body));
  });

  return router;
}
