import { ipKeyGenerator } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import type { PasswordWork } from '../auth/passwordWork.js';

/**
 * Holds one of the password-hashing slots (see PasswordWork) while a route that hashes a password
 * runs: sign-in, sign-up, first-run setup, invite acceptance, password change. Waiting requests
 * are served round-robin per client address; a client whose line is full gets 429, a full server
 * 503, both at once. A request whose client left while it waited does no work.
 */
export function passwordWorkSlot(work: PasswordWork): RequestHandler {
  return (req, res, next) => {
    work.acquire(ipKeyGenerator(req.ip ?? 'unknown')).then((release) => {
      if (req.socket.destroyed) {
        release();
        return;
      }
      res.once('finish', release);
      res.once('close', release);
      next();
    }, next);
  };
}
