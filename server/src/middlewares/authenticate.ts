import type { Request, RequestHandler } from 'express';
import type { Actor, Authenticator } from '../auth/authenticator.js';
import { unauthenticated } from '../errors.js';

/** Resolves the request's actor (session cookie or API token) once; routes then require it. */
export function authenticate(authenticator: Authenticator): RequestHandler {
  return (req, _res, next) => {
    authenticator.fromHeaders(req.headers).then(
      (actor) => {
        req.actor = actor;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

/** The authenticated actor, or a 401. */
export function requireActor(req: Request): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
