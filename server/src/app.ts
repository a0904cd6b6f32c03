import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { LIMITS } from '@bullseye/shared';
import type { Config } from './env.js';
import { systemClock, type Clock } from './clock.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { IcpStore } from './db/icpStore.js';
import { UpdateLog } from './db/updateLog.js';
import { CollabServer } from './collaboration/collabServer.js';
import { checkAuthenticated, checkIcpAccess, checkOrigin } from './collaboration/upgrade.js';
import { errorHandler, routeNotFound } from './errors.js';
import { buildOpenApi } from './openapi.js';
import { clientRouter } from './staticClient.js';
import { createServices, type Services } from './services.js';
import { authenticate } from './middlewares/authenticate.js';
import { loginRateLimit } from './middlewares/loginRateLimit.js';
import { originCheck, type OriginPolicy } from './middlewares/originCheck.js';
import { authRouter } from './routes/auth/authRouter.js';
import { authOperations } from './routes/auth/operations.js';
import { auditRouter } from './routes/audit/auditRouter.js';
import { auditOperations } from './routes/audit/operations.js';
import { commentsRouter } from './routes/comments/commentsRouter.js';
import { commentOperations } from './routes/comments/operations.js';
import { icpsRouter } from './routes/icps/icpsRouter.js';
import { icpOperations } from './routes/icps/operations.js';
import { inboxRouter } from './routes/inbox/inboxRouter.js';
import { inboxOperations } from './routes/inbox/operations.js';
import { invitesRouter } from './routes/invites/invitesRouter.js';
import { inviteOperations } from './routes/invites/operations.js';
import { reviewOperations } from './routes/reviews/operations.js';
import { reviewsRouter } from './routes/reviews/reviewsRouter.js';
import { tokensRouter } from './routes/tokens/tokensRouter.js';
import { tokenOperations } from './routes/tokens/operations.js';
import { versionOperations } from './routes/versions/operations.js';
import { versionsRouter } from './routes/versions/versionsRouter.js';
import { workspacesRouter } from './routes/workspaces/workspacesRouter.js';
import { workspaceOperations } from './routes/workspaces/operations.js';
import { datasetsRouter } from './routes/datasets/datasetsRouter.js';
import { datasetOperations } from './routes/datasets/operations.js';
import { isScoreRequest, isScoringApiRequest, scoringRouter } from './routes/scoring/scoringRouter.js';
import { scoringOperations } from './routes/scoring/operations.js';
import { workshopsRouter } from './routes/workshops/workshopsRouter.js';
import { workshopOperations } from './routes/workshops/operations.js';
import { coachRouter } from './routes/coach/coachRouter.js';
import { coachOperations } from './routes/coach/operations.js';
import { tokenScope } from './middlewares/tokenScope.js';
import { sharedLimitStore } from './middlewares/sharedLimitStore.js';
import { ClusterNode } from './collaboration/cluster/clusterNode.js';
import { accessRecheck } from './collaboration/accessRecheck.js';
import { readiness } from './readiness.js';

export interface BullseyeApp {
  server: http.Server;
  collab: CollabServer;
  database: DatabaseHandle;
  /** This instance's link to the others (REDIS_URL set), else undefined. */
  cluster: ClusterNode | undefined;
  services: Services;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  /** Graceful stop: refuse new work, close sockets (1001), flush commits, close the database. */
  close(): Promise<void>;
}

/** Builds the whole server (HTTP API, static client, collaboration) without listening. */
export async function createApp(config: Config, clock: Clock = systemClock): Promise<BullseyeApp> {
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
  });
  const icps = new IcpStore(database.db, clock);
  const updateLog = new UpdateLog(database.db, clock, database.dialect);
  const origins: OriginPolicy = { allowed: config.publicOrigins, allowSameOrigin: config.allowSameOrigin };
  const services = await createServices(database, config, clock, icps);
  const cluster = config.redisUrl
    ? new ClusterNode({
        redisUrl: config.redisUrl,
        prefix: config.redisPrefix,
        recheckAccess: accessRecheck(services.authenticator, services.workspaces),
      })
    : undefined;
  const collab = new CollabServer({
    updateLog,
    icps,
    checks: [
      checkOrigin(origins),
      checkAuthenticated(services.authenticator),
      checkIcpAccess(icps, services.workspaces),
    ],
    unloadDelayMs: config.unloadDelayMs,
    compactAfterUpdates: config.compactAfterUpdates,
    // Editing an ICP follows it, like commenting does (unless the person unfollowed it).
    // It also makes them the ICP's last editor, as the list shows it.
    onEdit: async (icpId, userId) => {
      await Promise.all([services.follows.followIfNew(icpId, userId), icps.setLastEditor(icpId, userId)]);
    },
    // Automatic history: a version per AUTO_VERSION_INTERVAL_MS of editing and when the last editor leaves.
    // With several instances, the committed draft is read under the ICP's lock (every instance
    // records the same thing, so only the first one does) and one instance's version per interval
    // is enough.
    autoVersions: {
      intervalMs: config.autoVersionIntervalMs,
      record: (icpId, state, reason) =>
        cluster
          ? commands.versions.recordAuto(icpId, (trx) => updateLog.loadState(icpId, trx), {
              notWithinMs: reason === 'interval' ? config.autoVersionIntervalMs / 2 : undefined,
            })
          : commands.versions.recordAuto(icpId, state),
    },
    cluster,
    workshops: services.workshops,
    contributions: services.contributions,
  });
  const commands = services.commands(collab, collab);
  const openapi = buildOpenApi(
    {
      ...authOperations,
      ...workspaceOperations,
      ...inviteOperations,
      ...tokenOperations,
      ...icpOperations,
      ...commentOperations,
      ...inboxOperations,
      ...versionOperations,
      ...reviewOperations,
      ...auditOperations,
      ...datasetOperations,
      ...workshopOperations,
      ...coachOperations,
      ...scoringOperations,
    },
    '0.6.0',
  );

  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer (several instances), the client's address comes from X-Forwarded-For,
  // from the proxies TRUST_PROXY names only: it keys the per-address sign-in limits.
  app.set('trust proxy', config.trustProxy);
  // API answers are `no-store`: hashing every body for an ETag (13 MB for 10,000 scores) buys nothing.
  // Static files keep theirs (serve-static sets its own).
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
      // Plain-HTTP local installs must not be told to upgrade to HTTPS.
      strictTransportSecurity: config.publicUrl?.startsWith('https:') ?? false,
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Readiness (liveness stays /healthz): can this instance serve right now?
  let draining = false;
  app.get(
    '/readyz',
    readiness(database, cluster, () => draining),
  );
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', originCheck(origins));
  // Bodies are plain UTF-8 JSON: no browser compresses a request, and refusing Content-Encoding
  // (415) spares decompression of hostile input.
  // Scoring up to 10,000 accounts needs a larger body: its route reads it, once the caller is known.
  const jsonBody = express.json({ limit: LIMITS.maxJsonBodyBytes, strict: true, inflate: false });
  app.use('/api', (req, res, next) => (isScoreRequest(req) ? next() : jsonBody(req, res, next)));
  app.use('/api', authenticate(services.authenticator));
  app.use('/api', tokenScope(isScoringApiRequest));
  app.use(
    '/api',
    authRouter({
      auth: services.auth,
      accounts: commands.accounts,
      settings: services.settings,
      access: collab,
      loginLimiter: loginRateLimit({
        attempts: config.loginMaxAttempts,
        attemptsPerAddress: config.loginMaxAttemptsPerAddress,
        attemptsPerAccount: config.loginMaxAttemptsPerAccount,
        windowMs: config.loginWindowMs,
        // Shared by every instance when there are several.
        ...(cluster ? { store: sharedLimitStore(cluster.redis, config.redisPrefix) } : {}),
      }),
      passwordWork: services.passwordWork,
    }),
  );
  app.use('/api', invitesRouter(commands.invites, services.auth, services.passwordWork));
  app.use(
    '/api',
    workspacesRouter({
      access: services.access,
      workspaces: services.workspaces,
      invites: services.invites,
      accounts: commands.accounts,
      members: commands.members,
      inviteCommands: commands.invites,
      publicOrigin: config.publicUrl ? new URL(config.publicUrl).origin : undefined,
    }),
  );
  app.use('/api', tokensRouter(services.tokens, commands.tokens));
  app.use('/api', icpsRouter(commands.icps, commands.comparisons, services.negatives, services.access));
  app.use('/api', versionsRouter(commands.versions, services.access));
  app.use('/api', reviewsRouter(commands.reviews, services.access));
  app.use('/api', auditRouter(commands.audit, services.access));
  app.use('/api', commentsRouter(commands.comments, services.follows, services.access));
  app.use('/api', inboxRouter(commands.inbox));
  app.use('/api', datasetsRouter(commands.datasets, services.access));
  app.use('/api', scoringRouter(commands.scoring, services.scorings, services.access));
  app.use('/api', workshopsRouter(commands.workshops, services.access));
  app.use('/api', coachRouter(commands.coach, services.access));
  app.use('/api', (_req, _res, next) => next(routeNotFound()));

  if (fs.existsSync(path.join(config.clientDist, 'index.html'))) {
    // Precompressed files, immutable hashed assets, no source maps, the app shell for client routes.
    app.use(clientRouter(config.clientDist));
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text')
        .send('Bullseye API is running. Build the client with `npm run build` to serve the app here.');
    });
  }
  app.use(errorHandler(LIMITS.maxJsonBodyBytes));

  const server = http.createServer(app);
  collab.attach(server);
  // Imports that were running when the process last stopped run again from their files.
  const resumeImports = () =>
    services.imports
      .resume()
      .catch((error: unknown) => console.error('Resuming account imports failed:', error));
  void resumeImports();
  // With several instances, an import whose instance died is resumed by another one (once).
  const resumeOrphans = cluster ? setInterval(() => void resumeImports(), 60_000) : undefined;
  resumeOrphans?.unref();

  return {
    server,
    collab,
    database,
    cluster,
    services,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async close() {
      // A load balancer polling /readyz stops sending new connections here first.
      draining = true;
      clearInterval(resumeOrphans);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await collab.close();
      await services.imports.stop();
      server.closeAllConnections();
      await closed;
      await cluster?.close();
      await database.close();
    },
  };
}
