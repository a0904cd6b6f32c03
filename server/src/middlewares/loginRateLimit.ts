import { rateLimit, ipKeyGenerator, MemoryStore, type Store } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import { HttpError } from '../errors.js';

export interface LoginRateLimitOptions {
  /** Failed attempts allowed per (client address, email) within the window. */
  attempts: number;
  /** Failed attempts allowed per client address, whatever the emails (password spraying). */
  attemptsPerAddress: number;
  /** Failed attempts allowed per email, whatever the addresses (one account from many machines). */
  attemptsPerAccount: number;
  windowMs: number;
  /**
   * Where the counters live: one store per limiter, named by `prefix`. In memory by default (one
   * process); any express-rate-limit `Store` fits (e.g. `rate-limit-redis`), so several instances
   * can share their counts without changing this module.
   */
  store?: (prefix: string) => Store;
}

/** The client's address, IPv6 grouped by /56 so one host cannot rotate through its own subnet. */
const address = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');

const email = (req: Request) => {
  const body = req.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
};

/**
 * Limits failed sign-in attempts three ways, each counted before the password is checked (so
 * refused attempts cost no hashing) and forgiven when the sign-in succeeds:
 * - per (address, email): guessing one account's password is slow, while a whole office behind
 *   one address can still sign in;
 * - per address, across emails: one machine spraying common passwords over many accounts;
 * - per email, across addresses: many machines guessing one account.
 * A refusal is a 429 `rate_limited` with `Retry-After`.
 */
export function loginRateLimit(options: LoginRateLimitOptions): RequestHandler[] {
  const store = options.store ?? (() => new MemoryStore());
  const limiter = (name: string, limit: number, key: (req: Request) => string, message: string) =>
    rateLimit({
      windowMs: options.windowMs,
      limit,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      // Sets Retry-After (standard headers on) before the handler runs.
      identifier: name,
      store: store(`login-${name}:`),
      keyGenerator: key,
      handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', message)),
    });
  return [
    limiter(
      'address-email',
      options.attempts,
      (req) => `${address(req)}|${email(req)}`,
      'Too many sign-in attempts; wait a few minutes and try again',
    ),
    limiter(
      'address',
      options.attemptsPerAddress,
      address,
      'Too many failed sign-ins from your address; wait a few minutes and try again',
    ),
    limiter(
      'account',
      options.attemptsPerAccount,
      (req) => email(req),
      'Too many failed sign-ins for this account; wait a few minutes and try again',
    ),
  ];
}
