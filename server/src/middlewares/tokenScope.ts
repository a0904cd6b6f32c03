import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';

/**
 * Keeps scoring-only API tokens to the scoring API (403 `token_scope` for anything else), so a CRM
 * integration holding one can read scores and the model but cannot edit, comment or approve.
 * Mounted under /api after authentication; `scoringApi` tells the requests such a token may make.
 */
export function tokenScope(scoringApi: (req: { method: string; path: string }) => boolean): RequestHandler {
  return (req, _res, next) => {
    const scope = req.actor?.scope ?? 'full';
    if (scope === 'full') return next();
    if (scoringApi(req)) return next();
    next(
      new HttpError(
        403,
        'token_scope',
        'This API token may only use the scoring API (score accounts, read the scoring model)',
      ),
    );
  };
}
