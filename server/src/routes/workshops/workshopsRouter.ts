import { Router } from 'express';
import type { WorkshopCommands } from '../../commands/workshopCommands.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import { workshopOperations as op } from './operations.js';

/**
 * `/api/icps/:icpId/workshops` and `/api/workshops/...`: authenticate, validate, authorize the
 * ICP or workshop, one command. Reading the ICP is enough to reach a workshop; what each person
 * may do in it (facilitate, write notes, vote) is decided by the command, with the session locked.
 */
export function workshopsRouter(commands: WorkshopCommands, access: AccessLoader): Router {
  const router = Router();

  router.get('/icps/:icpId/workshops', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.listWorkshops.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, icpId, 'read');
    res.json(await commands.list(icp, membership));
  });

  router.post('/icps/:icpId/workshops', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.startWorkshop.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, icpId, 'edit');
    const body = parse(op.startWorkshop.body, req.body, 'body');
    res.status(201).json(await commands.start(icp, membership, body));
  });

  router.get('/workshops/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getWorkshop.params, req.params, 'params');
    res.json(await commands.get(await access.workshop(actor, id, 'read')));
  });

  router.post('/workshops/:id/actions', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.workshopAction.params, req.params, 'params');
    const target = await access.workshop(actor, id, 'read');
    const action = parse(op.workshopAction.body, req.body, 'body');
    res.json(await commands.act(target, action));
  });

  router.post('/workshops/:id/notes', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.addWorkshopNote.params, req.params, 'params');
    const target = await access.workshop(actor, id, 'read');
    const body = parse(op.addWorkshopNote.body, req.body, 'body');
    res.status(201).json(await commands.addNote(target, body.section, body.text));
  });

  router.patch('/workshops/:id/notes/:noteId', async (req, res) => {
    const actor = requireActor(req);
    const { id, noteId } = parse(op.updateWorkshopNote.params, req.params, 'params');
    const target = await access.workshop(actor, id, 'read');
    const body = parse(op.updateWorkshopNote.body, req.body, 'body');
    res.json(await commands.changeNote(target, noteId, body.text));
  });

  router.delete('/workshops/:id/notes/:noteId', async (req, res) => {
    const actor = requireActor(req);
    const { id, noteId } = parse(op.deleteWorkshopNote.params, req.params, 'params');
    res.json(await commands.changeNote(await access.workshop(actor, id, 'read'), noteId, null));
  });

  router.put('/workshops/:id/notes/:noteId/vote', async (req, res) => {
    const actor = requireActor(req);
    const { id, noteId } = parse(op.voteOnWorkshopNote.params, req.params, 'params');
    const target = await access.workshop(actor, id, 'read');
    const body = parse(op.voteOnWorkshopNote.body, req.body, 'body');
    res.json(await commands.vote(target, noteId, body.count));
  });

  return router;
}
