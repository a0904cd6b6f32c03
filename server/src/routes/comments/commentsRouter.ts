import { Router } from 'express';
import type { CommentCommands } from '../../commands/commentCommands.js';
import type { FollowStore } from '../../db/followStore.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import { presentFollow } from '../../presenters/comment.js';
import { commentOperations as op } from './operations.js';

/**
 * `/api/icps/:icpId/comments`, `/api/comments/...` and following: authenticate, validate,
 * authorize the ICP or comment, one command or store call, present. Rules that depend on the
 * comment (who edits, deletes, marks blocking) are decided in the command, inside its transaction.
 */
export function commentsRouter(
  commands: CommentCommands,
  follows: FollowStore,
  access: AccessLoader,
): Router {
  const router = Router();

  router.get('/icps/:icpId/comments', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.listComments.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, icpId, 'read');
    const query = parse(op.listComments.query, req.query, 'query');
    res.json(await commands.list(icp, membership, query));
  });

  router.post('/icps/:icpId/comments', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.createComment.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, icpId, 'comment');
    const body = parse(op.createComment.body, req.body, 'body');
    res.status(201).json(await commands.create(icp, membership, body));
  });

  router.put('/icps/:icpId/follow', async (req, res) => {
    const actor = requireActor(req);
    const { icpId } = parse(op.followIcp.params, req.params, 'params');
    const { icp } = await access.icp(actor, icpId, 'read');
    const body = parse(op.followIcp.body, req.body, 'body');
    await follows.set(icp.id, actor.user.id, body.following);
    res.json(presentFollow(body.following));
  });

  router.post('/comments/:id/replies', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.replyToComment.params, req.params, 'params');
    const target = await access.comment(actor, id, 'comment');
    const body = parse(op.replyToComment.body, req.body, 'body');
    res.status(201).json(await commands.reply(target, body.body));
  });

  router.patch('/comments/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.updateComment.params, req.params, 'params');
    const target = await access.comment(actor, id, 'read');
    const body = parse(op.updateComment.body, req.body, 'body');
    res.json(await commands.update(target, body));
  });

  router.delete('/comments/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.deleteComment.params, req.params, 'params');
    await commands.remove(await access.comment(actor, id, 'read'));
    res.status(204).end();
  });

  router.post('/comments/:id/resolve', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.resolveComment.params, req.params, 'params');
    res.json(await commands.setResolved(await access.comment(actor, id, 'comment'), true));
  });

  router.post('/comments/:id/reopen', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.reopenComment.params, req.params, 'params');
    res.json(await commands.setResolved(await access.comment(actor, id, 'comment'), false));
  });

  return router;
}
