import { Router } from 'express';
import type { IcpStore } from '../../db/icpStore.js';
import type { IcpCommands } from '../../commands/icpCommands.js';
import { notFound } from '../../errors.js';
import { parse } from '../../middlewares/validate.js';
import { presentIcp } from '../../presenters/icp.js';
import { icpOperations as op } from './operations.js';

/** `/api/icps`: each handler validates, runs one store call or command, and presents the result. */
export function icpsRouter(icps: IcpStore, commands: IcpCommands): Router {
  const router = Router();

  router.get('/icps', async (req, res) => {
    const query = parse(op.listIcps.query, req.query, 'query');
    const rows = await icps.list({ archived: query.archived });
    res.json({ icps: rows.map(presentIcp) });
  });

  router.post('/icps', async (req, res) => {
    const body = parse(op.createIcp.body, req.body, 'body');
    res.status(201).json(await commands.create(body.title));
  });

  router.get('/icps/:id', async (req, res) => {
    const { id } = parse(op.getIcp.params, req.params, 'params');
    const row = await icps.find(id);
    if (!row) throw notFound('ICP');
    res.json(presentIcp(row));
  });

  router.patch('/icps/:id', async (req, res) => {
    const { id } = parse(op.updateIcp.params, req.params, 'params');
    const body = parse(op.updateIcp.body, req.body, 'body');
    res.json(await commands.rename(id, body.title));
  });

  router.post('/icps/:id/archive', async (req, res) => {
    const { id } = parse(op.archiveIcp.params, req.params, 'params');
    res.json(await commands.setArchived(id, true));
  });

  router.post('/icps/:id/unarchive', async (req, res) => {
    const { id } = parse(op.unarchiveIcp.params, req.params, 'params');
    res.json(await commands.setArchived(id, false));
  });

  return router;
}
