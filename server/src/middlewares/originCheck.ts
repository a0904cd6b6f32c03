import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';

export interface OriginPolicy {
  /** Origins always allowed (PUBLIC_URL, or the Vite dev server). */
  allowed: readonly string[];
  /** Without PUBLIC_URL, a page served by this server under any host name is allowed. */
  allowSameOrigin: boolean;
}

/** Whether a browser page at `origin` may act on this server reached as `host`. */
export function isAllowedOrigin(policy: OriginPolicy, origin: string, host: string | undefined): boolean {
  if (policy.allowed.includes(origin)) return true;
  if (!policy.allowSameOrigin) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie-authenticated requests: a state-changing request must come from one
 * of our own pages, as its Origin header proves (browsers always send it on such requests). A
 * foreign Origin is refused on every request; requests with an API token need no Origin.
 */
export function originCheck(policy: OriginPolicy): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (isAllowedOrigin(policy, origin, req.headers.host)) return next();
      return next(new HttpError(403, 'origin_not_allowed', `Requests from ${origin} are not allowed`));
    }
    const usesCookie = req.headers.authorization === undefined && req.headers.cookie !== undefined;
    if (usesCookie) {
      return next(
        new HttpError(403, 'origin_required', 'A signed-in browser request must carry an Origin header'),
      );
    }
    next();
  };
}
