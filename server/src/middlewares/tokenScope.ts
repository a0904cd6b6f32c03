import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';

/** What a `scoring` token may call: the read-only scoring API, nothing else. */
const SCORING_ROUTES: readonly { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/icps\/[^/]+\/score$/ },
  { method: 'GET', path: /^\/icps\/[^/]+\/scoring-model$/ },
];

/**
 * Keeps scoring-only API tokens to the scoring API (403 `token_scope` for anything else), so a CRM
 * integration holding one can read scores and the model but cannot edit, comment or approve.
 * Mounted under /api after authentication.
 */
export function tokenScope(): RequestHandler {
  return (req, _res, next) => {
    const scope = req.actor?.scope ?? 'full';
    if (scope === 'full') return next();
    const allowed = SCORING_ROUTES.some((r) => r.method === req.method && r.path.test(req.path));
    if (allowed) return next();
    next(
      new HttpError(
        403,
        'token_scope',
        'This API token may only use the scoring API (score accounts, read the scoring model)',
      ),
    );
  };
}
