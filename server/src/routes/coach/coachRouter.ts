import { Router } from 'express';
import type { CoachCommands } from '../../commands/coachCommands.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import { coachOperations as op } from './operations.js';

/** `/api/icps/:icpId/coach/dismissals`: members read them; editors and admins dismiss and restore. */
export function coachRouter(commands: CoachCommands, access: AccessLoader): Router {
  const router = Router();

  router.get('/icps/:icpId/coach/dismissals', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.listCoachDismissals.params, req.params, 'params');
    const { icp } = await access.icp(actor, icpId, 'read');
    res.json(await commands.list(icp));
  });

  router.get('/icps/:icpId/contributions', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.getIcpContributions.params, req.params, 'params');
    const { icp } = await access.icp(actor, icpId, 'read');
    res.json(await commands.contributionsOf(icp));
  });

  router.post('/icps/:icpId/coach/dismissals', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.dismissCoachFinding.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, icpId, 'edit');
    const body = parse(op.dismissCoachFinding.body, req.body, 'body');
    res.status(201).json(await commands.dismiss(icp, membership, body));
  });

  router.delete('/icps/:icpId/coach/dismissals', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.restoreCoachFinding.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, icpId, 'edit');
    const { findingKey } = parse(op.restoreCoachFinding.query, req.query, 'query');
    res.json(await commands.restore(icp, membership, findingKey));
  });

  return router;
}
