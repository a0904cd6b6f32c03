import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { notFound } from './errors.js';

/** Vite names everything under /assets by content hash: a changed file is a new URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built single-page app (`client/dist`). The build writes `.br` and `.gz` next to every text
 * file (client/vite.config.ts), served by Accept-Encoding (brotli first) with `Vary:
 * Accept-Encoding`, so nothing is compressed per request. Hashed files under /assets are cached
 * for a year; index.html and the other unhashed files are revalidated on every load (`no-cache`,
 * answered with 304 by ETag), so a new release is picked up at once. Source maps stay on disk for
 * debugging and are never served; a missing /assets file is a 404, not the app shell.
 */
export function clientRouter(clientDist: string): Router {
  const assets = path.join(clientDist, 'assets') + path.sep;
  const files: RequestHandler = expressStaticGzip(clientDist, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      cacheControl: false,
      setHeaders(res, file) {
        res.setHeader('Cache-Control', file.startsWith(assets) ? IMMUTABLE : 'no-cache');
      },
    },
  });
  const missing: RequestHandler = (_req, _res, next) => next(notFound('File'));

  const router = express.Router();
  router.get(/\.map$/, missing);
  router.use(files);
  router.use('/assets', missing);
  // Client-side routes (/, /icp/:id, /w/:id, ...) all load the single-page app.
  router.get(/^\/(?!api\/|collab\/).*/, (req, res, next) => {
    req.url = '/index.html';
    files(req, res, next);
  });
  return router;
}
