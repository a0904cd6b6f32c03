import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';

export interface LoginRateLimitOptions {
  /** Failed attempts allowed per email and address within the window. */
  attempts: number;
  windowMs: number;
}

/**
 * Limits failed sign-in attempts per (client address, email): guessing one account's password is
 * slow, while a whole office behind one address can still sign in. Successful sign-ins do not count.
 */
export function loginRateLimit(options: LoginRateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.attempts,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const body = req.body as { email?: unknown } | undefined;
      const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
      return `${ipKeyGenerator(req.ip ?? 'unknown')}|${email}`;
    },
    handler: (_req, _res, next) => {
      next(new HttpError(429, 'rate_limited', 'Too many sign-in attempts; wait a minute and try again'));
    },
  });
}
