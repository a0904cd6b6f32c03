import express, { Router, type Request } from 'express';
import { SCORING_LIMITS } from '@bullseye/shared';
import type { ScoringCommands } from '../../commands/scoringCommands.js';
import type { ScoringStore } from '../../db/scoringStore.js';
import { HttpError, notFound } from '../../errors.js';
import { requireActor } from '../../middlewares/authenticate.js';
import { parse } from '../../middlewares/validate.js';
import type { AccessLoader } from '../../policies/accessLoader.js';
import type { IcpRow } from '../../db/icpStore.js';
import { sendCsv } from '../sendCsv.js';
import { operationMatcher } from '../../openapi.js';
import { scoringOperations as op } from './operations.js';

/** POST /api/icps/:id/score: its body may be up to SCORING_LIMITS.maxBodyBytes (the rest: 64 KiB). */
export const isScoreRequest = operationMatcher(op.scoreAccounts);

/** What a scoring-only API token may call: score accounts and read the model, nothing else. */
export const isScoringApiRequest = operationMatcher(op.scoreAccounts, op.getScoringModel);

/** `/api/icps/:id/score`, the scoring model, dataset scorings and score impact. */
export function scoringRouter(
  commands: ScoringCommands,
  scorings: ScoringStore,
  access: AccessLoader,
): Router {
  const router = Router();

  /** A dataset of the ICP's own workspace (any other answers 404, like an unknown id). */
  const datasetOf = async (req: Request, icp: IcpRow, datasetId: string) => {
    const { dataset } = await access.dataset(requireActor(req), datasetId, 'read');
    if (dataset.workspace_id !== icp.workspace_id) throw notFound('Dataset');
    return dataset;
  };

  router.get('/icps/:id/scoring-model', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getScoringModel.params, req.params, 'params');
    const { icp } = await access.icp(actor, id, 'read');
    const { version } = parse(op.getScoringModel.query, req.query, 'query');
    res.json(await commands.model(icp, version));
  });

  const scoreBody = express.json({ limit: SCORING_LIMITS.maxBodyBytes, strict: true, inflate: false });
  router.post(
    '/icps/:id/score',
    // The caller and the ICP are authorized before a byte of the (up to 8 MiB) body is read.
    async (req, res, next) => {
      const actor = requireActor(req);
      const { id } = parse(op.scoreAccounts.params, req.params, 'params');
      res.locals.icp = (await access.icp(actor, id, 'read')).icp;
      next();
    },
    scoreBody,
    async (req, res) => {
      const icp = res.locals.icp as IcpRow;
      const { version } = parse(op.scoreAccounts.query, req.query, 'query');
      const accounts = (req.body as { accounts?: unknown } | undefined)?.accounts;
      if (Array.isArray(accounts) && accounts.length > SCORING_LIMITS.maxAccountsPerCall) {
        throw new HttpError(
          413,
          'too_many_accounts',
          `accounts: at most ${SCORING_LIMITS.maxAccountsPerCall.toLocaleString('en-US')} per call (got ${accounts.length.toLocaleString('en-US')})`,
          'accounts',
        );
      }
      const body = parse(op.scoreAccounts.body, req.body, 'body');
      res.json(await commands.score(icp, version, body));
    },
  );

  router.post('/icps/:id/scorings', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.scoreDataset.params, req.params, 'params');
    const { icp, membership } = await access.icp(actor, id, 'read');
    const body = parse(op.scoreDataset.body, req.body, 'body');
    const dataset = await datasetOf(req, icp, body.datasetId);
    res.status(201).json(await commands.scoreDataset(icp, dataset, membership, body));
  });

  router.get('/icps/:id/scorings', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.listScorings.params, req.params, 'params');
    const { icp } = await access.icp(actor, id, 'read');
    const { datasetId } = parse(op.listScorings.query, req.query, 'query');
    if (datasetId) await datasetOf(req, icp, datasetId);
    res.json(await commands.list(icp, datasetId));
  });

  router.get('/scorings/:id/export', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.exportScoring.params, req.params, 'params');
    const scoring = await scorings.find(id);
    if (!scoring) throw notFound('Scoring');
    const { icp } = await access.icp(actor, scoring.icp_id, 'read');
    const dataset = await datasetOf(req, icp, scoring.dataset_id);
    const lines = commands.exportCsv(scoring, dataset);
    const label = scoring.version_id ? `${dataset.name} scored` : `${dataset.name} scored (draft)`;
    await sendCsv(res, `${label}.csv`, lines);
  });

  router.get('/icps/:id/score-impact', async (req, res) => {
    const actor = requireActor(req);
    const { id } = parse(op.getScoreImpact.params, req.params, 'params');
    const { icp } = await access.icp(actor, id, 'read');
    const query = parse(op.getScoreImpact.query, req.query, 'query');
    const dataset = await datasetOf(req, icp, query.datasetId);
    res.json(await commands.impact(icp, dataset, query));
  });

  return router;
}
