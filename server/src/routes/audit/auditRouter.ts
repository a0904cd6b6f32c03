import { Router } from 'express';
import type { AuditCommands } from '../../commands/auditCommands.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import { auditOperations as op } from './operations.js';

/** `/api/workspaces/:workspaceId/audit[/verify]`: any member of the workspace. */
export function auditRouter(commands: AuditCommands, access: AccessLoader): Router {
  const router = Router();

  router.get('/workspaces/:workspaceId/audit', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId } = parse(op.listAuditLog.params, req.params, 'params');
    await access.workspace(actor, workspaceId, 'read');
    const query = parse(op.listAuditLog.query, req.query, 'query');
    res.json(await commands.list(workspaceId, query));
  });

  router.get('/workspaces/:workspaceId/audit/verify', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId } = parse(op.verifyAuditLog.params, req.params, 'params');
    await access.workspace(actor, workspaceId, 'read');
    res.json(await commands.verify(workspaceId));
  });

  return router;
}
