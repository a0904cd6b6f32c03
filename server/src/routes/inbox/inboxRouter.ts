import { Router } from 'express';
import type { InboxCommands } from '../../commands/inboxCommands.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import { inboxOperations as op } from './operations.js';

/** `/api/inbox`: always the caller's own items, so no other authorization is needed. */
export function inboxRouter(commands: InboxCommands): Router {
  const router = Router();

  router.get('/inbox', async (req, res) => {
    const actor = requireActor(req);
    const query = parse(op.listInbox.query, req.query, 'query');
    res.json(await commands.list(actor.user.id, query));
  });

  router.post('/inbox/read', async (req, res) => {
    const actor = requireActor(req);
    const body = parse(op.markInboxRead.body, req.body, 'body');
    res.json(await commands.markRead(actor.user.id, body));
  });

  return router;
}
