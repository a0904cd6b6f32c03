import type { Actor } from '../auth/authenticator.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by the authenticate middleware when the request carries valid credentials. */
      actor?: Actor | null;
    }
  }
}
