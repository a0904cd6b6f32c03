import { Router } from 'express';
import type { VersionCommands } from '../../commands/versionCommands.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import { authorizeReview } from '../../policies/policies.js';
import { attachmentDisposition } from '../../presenters/export.js';
import { versionOperations as op } from './operations.js';

/**
 * `/api/icps/:icpId/versions`, `/api/icps/:icpId/diff` and `/api/versions/...`: authenticate,
 * validate, authorize the ICP or version (other workspaces' ids are unknown ids), one command.
 */
export function versionsRouter(commands: VersionCommands, access: AccessLoader): Router {
  const router = Router();

  router.get('/icps/:icpId/versions', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.listVersions.params, req.params, 'params');
    const { icp } = await access.icp(actor, icpId, 'read');
    res.json(await commands.list(icp));
  });

  router.post('/icps/:icpId/versions', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.createVersion.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, icpId, 'read');
    authorizeReview(membership, icp, 'requestSignOff');
    const body = parse(op.createVersion.body, req.body, 'body');
    res.status(201).json(await commands.create(icp, membership, body));
  });

  router.get('/icps/:icpId/diff', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.diffVersions.params, req.params, 'params');
    const { icp } = await access.icp(actor, icpId, 'read');
    const query = parse(op.diffVersions.query, req.query, 'query');
    res.json(await commands.diff(icp, query));
  });

  router.get('/versions/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getVersion.params, req.params, 'params');
    res.json(await commands.get(await access.version(actor, id, 'read')));
  });

  router.post('/versions/:id/restore', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.restoreVersion.params, req.params, 'params');
    const target = await access.version(actor, id, 'read');
    authorizeReview(target.membership, target.icp, 'restore');
    res.json(await commands.restore(target));
  });

  router.get('/versions/:id/export', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.exportVersion.params, req.params, 'params');
    const target = await access.version(actor, id, 'read');
    const query = parse(op.exportVersion.query, req.query, 'query');
    const file = await commands.export(target, query);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    res.send(file.body);
  });

  return router;
}
