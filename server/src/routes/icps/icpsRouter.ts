import { Router } from 'express';
import type { IcpCommands } from '../../commands/icpCommands.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import { icpOperations as op } from './operations.js';

/** `/api/icps`: authenticate, validate, authorize every id, one command (presenting with the review). */
export function icpsRouter(commands: IcpCommands, access: AccessLoader): Router {
  const router = Router();

  router.get('/icps', async (req, res) => {
    const actor = requireActor(req);
    const query = parse(op.listIcps.query, req.query, 'query');
    const { membership } = await access.workspace(actor, query.workspaceId, 'read');
    res.json(await commands.list(membership, query));
  });

  router.post('/icps', async (req, res) => {
    const actor = requireActor(req);
    const body = parse(op.createIcp.body, req.body, 'body');
    const { membership } = await access.workspace(actor, body.workspaceId, 'manageIcps');
    res.status(201).json(await commands.create(membership, body.title));
  });

  router.get('/icps/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getIcp.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, id, 'read');
    res.json(await commands.get(icp, membership));
  });

  router.get('/icps/:id/draft', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getIcpDraft.params, req.params, 'params');
    const { icp } = await access.icp(actor, id, 'read');
    res.json(await commands.draft(icp));
  });

  router.patch('/icps/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.updateIcp.params, req.params, 'params');
    const { membership } = await access.icp(actor, id, 'manageIcps');
    const body = parse(op.updateIcp.body, req.body, 'body');
    res.json(await commands.update(membership, id, body));
  });

  router.post('/icps/:id/archive', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.archiveIcp.params, req.params, 'params');
    const { membership } = await access.icp(actor, id, 'manageIcps');
    res.json(await commands.setArchived(membership, id, true));
  });

  router.post('/icps/:id/unarchive', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.unarchiveIcp.params, req.params, 'params');
    const { membership } = await access.icp(actor, id, 'manageIcps');
    res.json(await commands.setArchived(membership, id, false));
  });

  return router;
}
