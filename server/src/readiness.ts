import type { RequestHandler } from 'express';
import type { ClusterNode } from './collaboration/cluster/clusterNode.js';
import type { DatabaseHandle } from './db/database.js';

/**
 * `GET /readyz`: whether this instance can serve now, for a load balancer. 503 while the database
 * is unreachable (nothing can be saved) or while the instance shuts down (it is draining its
 * sockets). Redis, with several instances, is reported but does not make an instance unready:
 * without it editing stays durable and instances catch up from the log, and since every instance
 * shares the one Redis, failing them all would turn degraded fan-out into an outage.
 */
export function readiness(
  database: DatabaseHandle,
  cluster: ClusterNode | undefined,
  draining: () => boolean,
): RequestHandler {
  return async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (draining()) {
      res.status(503).json({ error: { code: 'shutting_down', message: 'This instance is shutting down' } });
      return;
    }
    const [db, redis] = await Promise.allSettled([database.ping(), cluster?.ping()]);
    if (db.status === 'rejected') {
      res.status(503).json({
        error: {
          code: 'database_unavailable',
          message: `The database is not reachable: ${reason(db.reason)}`,
        },
      });
      return;
    }
    if (!cluster) {
      res.json({ status: 'ready', database: 'ok' });
      return;
    }
    res.json({
      status: redis.status === 'fulfilled' ? 'ready' : 'degraded',
      database: 'ok',
      redis: redis.status === 'fulfilled' ? 'ok' : `unreachable: ${reason(redis.reason)}`,
      instance: cluster.instanceId,
    });
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
