import { Router } from 'express';
import type { ComparisonCommands } from '../../commands/comparisonCommands.js';
import type { IcpCommands } from '../../commands/icpCommands.js';
import { notFound } from '../../errors.js';
import type { NegativeIcps } from '../../scoring/negativeIcps.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import { icpOperations as op } from './operations.js';

/** `/api/icps`: authenticate, validate, authorize every id, one command (presenting with the review). */
export function icpsRouter(
  commands: IcpCommands,
  comparisons: ComparisonCommands,
  negatives: NegativeIcps,
  access: AccessLoader,
): Router {
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
    res.status(201).json(await commands.create(membership, body.title, body.kind));
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
    const { icp, membership } = await access.icp(actor, id, 'manageIcps');
    const body = parse(op.updateIcp.body, req.body, 'body');
    res.json(await commands.update(membership, icp, body));
  });

  router.post('/icps/:id/duplicate', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.duplicateIcp.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, id, 'manageIcps');
    const body = parse(op.duplicateIcp.body, req.body, 'body');
    res.status(201).json(await commands.duplicate(membership, icp, body));
  });

  router.put('/icps/:id/primary', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.markPrimaryIcp.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, id, 'manageIcps');
    res.json(await commands.setPrimary(membership, icp, true));
  });

  router.delete('/icps/:id/primary', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.unmarkPrimaryIcp.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, id, 'manageIcps');
    res.json(await commands.setPrimary(membership, icp, false));
  });

  router.get('/icps/:id/compare/:otherId', async (req, res) => {
    const actor = requireActor(req);
    const { id, otherId } = parse(op.compareIcps.params, req.params, 'params');
    const { icp } = await access.icp(actor, id, 'read');
    const { icp: other } = await access.icp(actor, otherId, 'read');
    const { datasetId } = parse(op.compareIcps.query, req.query, 'query');
    // Another workspace's ICP is unknown here, even to someone who is a member of both.
    if (other.workspace_id !== icp.workspace_id) throw notFound('ICP');
    let dataset = null;
    if (datasetId) {
      ({ dataset } = await access.dataset(actor, datasetId, 'read'));
      if (dataset.workspace_id !== icp.workspace_id) throw notFound('Dataset');
    }
    res.json(await comparisons.compare(icp, other, dataset));
  });

  router.get('/icps/:id/inherited-disqualifiers', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getInheritedDisqualifiers.params, req.params, 'params');
    const { icp } = await access.icp(actor, id, 'read');
    const { inherited, pending } = await negatives.of(icp);
    res.json({ inherited, pending });
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
