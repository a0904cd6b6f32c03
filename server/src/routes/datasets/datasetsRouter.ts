import { Router } from 'express';
import type { DatasetCommands } from '../../commands/datasetCommands.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import { sendCsv } from '../sendCsv.js';
import { datasetOperations as op } from './operations.js';

/**
 * `/api/workspaces/:workspaceId/datasets`, `/api/datasets/...` and `/api/imports/...`: authenticate,
 * validate, authorize the workspace, dataset or import (other workspaces' ids are unknown ids), one
 * command. Reading needs membership; importing and deleting need `manageIcps` (admins, editors).
 */
export function datasetsRouter(commands: DatasetCommands, access: AccessLoader): Router {
  const router = Router();

  router.get('/workspaces/:workspaceId/datasets', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId } = parse(op.listDatasets.params, req.params, 'params');
    const { membership } = await access.workspace(actor, workspaceId, 'read');
    res.json(await commands.list(workspaceId, membership));
  });

  router.post('/workspaces/:workspaceId/datasets', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId } = parse(op.createDataset.params, req.params, 'params');
    const { membership } = await access.workspace(actor, workspaceId, 'manageIcps');
    const body = parse(op.createDataset.body, req.body, 'body');
    res.status(201).json(await commands.create(workspaceId, membership, body));
  });

  router.post('/workspaces/:workspaceId/datasets/sample', async (req, res) => {
    const actor = requireActor(req);
    const { workspaceId } = parse(op.createSampleDataset.params, req.params, 'params');
    const { membership } = await access.workspace(actor, workspaceId, 'manageIcps');
    res.status(201).json(await commands.createSample(workspaceId, membership));
  });

  router.get('/datasets/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getDataset.params, req.params, 'params');
    const { dataset, membership } = await access.dataset(actor, id, 'read');
    res.json(await commands.get(dataset, membership));
  });

  router.delete('/datasets/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.deleteDataset.params, req.params, 'params');
    const { dataset, membership } = await access.dataset(actor, id, 'manageIcps');
    await commands.delete(dataset, membership);
    res.status(204).end();
  });

  router.post('/datasets/:id/imports', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.createImport.params, req.params, 'params');
    const { dataset, membership } = await access.dataset(actor, id, 'manageIcps');
    const body = parse(op.createImport.body, req.body, 'body');
    res.status(201).json(await commands.createImport(dataset, membership, body));
  });

  router.get('/imports/:id', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getImport.params, req.params, 'params');
    const { upload } = await access.datasetImport(actor, id, 'read');
    res.json(await commands.getImport(upload));
  });

  router.put('/imports/:id/file', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.uploadImportChunk.params, req.params, 'params');
    const { upload } = await access.datasetImport(actor, id, 'manageIcps');
    const { offset } = parse(op.uploadImportChunk.query, req.query, 'query');
    const length = req.headers['content-length'];
    res.json(
      await commands.uploadChunk(upload, offset, req, length === undefined ? undefined : Number(length)),
    );
  });

  router.put('/imports/:id/mapping', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.updateDatasetMapping.params, req.params, 'params');
    const { upload, dataset } = await access.datasetImport(actor, id, 'manageIcps');
    const body = parse(op.updateDatasetMapping.body, req.body, 'body');
    res.json(await commands.updateMapping(upload, dataset, body.mapping));
  });

  router.post('/imports/:id/decision', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.decideImport.params, req.params, 'params');
    const { upload } = await access.datasetImport(actor, id, 'manageIcps');
    const body = parse(op.decideImport.body, req.body, 'body');
    res.json(await commands.decide(upload, body.decision === 'importGoodRows'));
  });

  router.post('/imports/:id/cancel', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.cancelImport.params, req.params, 'params');
    const { upload } = await access.datasetImport(actor, id, 'manageIcps');
    res.json(await commands.cancel(upload));
  });

  router.get('/datasets/:id/accounts', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.listAccounts.params, req.params, 'params');
    const { dataset } = await access.dataset(actor, id, 'read');
    const query = parse(op.listAccounts.query, req.query, 'query');
    if (query.format === 'json') {
      res.json(await commands.listAccounts(dataset, query));
      return;
    }
    await sendCsv(res, `${dataset.name}.csv`, commands.accountsCsv(dataset));
  });

  router.post('/datasets/:id/insights', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getInsights.params, req.params, 'params');
    const { dataset } = await access.dataset(actor, id, 'read');
    const body = parse(op.getInsights.body, req.body, 'body');
    res.json(await commands.insights(dataset, body));
  });

  router.post('/datasets/:id/coverage', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getCoverage.params, req.params, 'params');
    const { dataset } = await access.dataset(actor, id, 'read');
    const body = parse(op.getCoverage.body, req.body, 'body');
    res.json(await commands.coverage(dataset, body));
  });

  return router;
}
