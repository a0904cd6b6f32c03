import { Router } from 'express';
import type { TokenCommands } from '../../commands/tokenCommands.js';
import type { ApiTokenStore } from '../../db/apiTokenStore.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import { presentToken } from '../../presenters/account.js';
import { tokenOperations as op } from './operations.js';

/** `/api/tokens`: a person's own API tokens. */
export function tokensRouter(tokens: ApiTokenStore, commands: TokenCommands): Router {
  const router = Router();

  router.get('/tokens', async (req, res) => {
    const actor = requireActor(req);
    res.json({ tokens: (await tokens.listForUser(actor.user.id)).map(presentToken) });
  });

  router.post('/tokens', async (req, res) => {
    const actor = requireActor(req);
    const body = parse(op.createToken.body, req.body, 'body');
    res.status(201).json(await commands.create(actor.user.id, body.name, body.scope));
  });

  router.delete('/tokens/:tokenId', async (req, res) => {
    const actor = requireActor(req);
    const { tokenId } = parse(op.revokeToken.params, req.params, 'params');
    await commands.revoke(actor.user.id, tokenId);
    res.status(204).end();
  });

  return router;
}
