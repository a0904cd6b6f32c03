import { Router, type Request } from 'express';
import type { AccountCommands } from '../../commands/accountCommands.js';
import type { InviteCommands } from '../../commands/inviteCommands.js';
import type { MemberCommands } from '../../commands/memberCommands.js';
import type { WorkspaceStore } from '../../db/workspaceStore.js';
import type { InviteStore } from '../../db/inviteStore.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import { presentMember, presentWorkspace } from '../../presenters/account.js';
import { workspaceOperations as op } from './operations.js';

export interface WorkspacesRouterDeps {
  access: AccessLoader;
  workspaces: WorkspaceStore;
  invites: InviteStore;
  accounts: AccountCommands;
  members: MemberCommands;
  inviteCommands: InviteCommands;
  /** PUBLIC_URL's origin, if set: invite links point there (else http://localhost:<port>). */
  publicOrigin: string | undefined;
}

/** `/api/workspaces/...`: authenticate, validate, authorize, one command, present. */
export function workspacesRouter(deps: WorkspacesRouterDeps): Router {
  const { access, workspaces, accounts, members, inviteCommands } = deps;
  const router = Router();
  // Invite links come from configuration only, never from the request's Host (or X-Forwarded-*)
  // headers, which anyone can forge to mint links to their own site. Without PUBLIC_URL that is the
  // documented default, http://localhost:<the port this request arrived on>; the web app shows the
  // link on the origin its admin is using instead.
  const linkOrigin = (req: Request) => deps.publicOrigin ?? `http://localhost:${req.socket.localPort}`;

  router.get('/workspaces', async (req, res) => {
    const actor = requireActor(req);
    const list = await workspaces.listForUser(actor.user.id);
    res.json({ workspaces: list.map((w) => presentWorkspace(w.workspace, w.membership)) });
  });

  router.post('/workspaces', async (req, res) => {
    const actor = requireActor(req);
    const body = parse(op.createWorkspace.body, req.body, 'body');
    const { workspace, membership } = await accounts.createWorkspaceFor(actor.user.id, body.name);
    res.status(201).json(presentWorkspace(workspace, membership));
  });

  router.get('/workspaces/:workspaceId/members', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId } = parse(op.listMembers.params, req.params, 'params');
    await access.workspace(actor, workspaceId, 'read');
    const list = await workspaces.members(workspaceId);
    res.json({ members: list.map((m) => presentMember(m.user, m.membership)) });
  });

  router.patch('/workspaces/:workspaceId/members/:userId', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId, userId } = parse(op.updateMember.params, req.params, 'params');
    await access.workspace(actor, workspaceId, 'manageMembers');
    const body = parse(op.updateMember.body, req.body, 'body');
    res.json(await members.update(workspaceId, userId, body, actor.user.id));
  });

  router.delete('/workspaces/:workspaceId/members/:userId', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId, userId } = parse(op.removeMember.params, req.params, 'params');
    await access.workspace(actor, workspaceId, 'manageMembers');
    await members.remove(workspaceId, userId, actor.user.id);
    res.status(204).end();
  });

  router.get('/workspaces/:workspaceId/invites', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId } = parse(op.listInvites.params, req.params, 'params');
    await access.workspace(actor, workspaceId, 'manageMembers');
    res.json({ invites: await inviteCommands.list(workspaceId) });
  });

  router.post('/workspaces/:workspaceId/invites', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId } = parse(op.createInvite.params, req.params, 'params');
    const { workspace } = await access.workspace(actor, workspaceId, 'manageMembers');
    const body = parse(op.createInvite.body, req.body, 'body');
    res.status(201).json(await inviteCommands.create(workspace, actor.user, body, linkOrigin(req)));
  });

  router.delete('/workspaces/:workspaceId/invites/:inviteId', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId, inviteId } = parse(op.revokeInvite.params, req.params, 'params');
    await access.workspace(actor, workspaceId, 'manageMembers');
    await inviteCommands.revoke(workspaceId, inviteId, actor.user.id);
    res.status(204).end();
  });

  return router;
}
