import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@bullseye/shared';
import { createIcp, errorOf, isHealthy, request, type ApiResponse } from '../support/api.js';
import { ClientPool, type CollabClient } from '../support/collabClient.js';
import { appendParagraph, paragraphsOf } from '../support/icpDocs.js';
import { useServer } from '../support/harness.js';
import { createTempDatabase, type TempDatabase } from '../support/postgres.js';
import { ServerProcess } from '../support/serverProcess.js';
import { StorageInspector } from '../support/storage.js';
import { TcpProxy } from '../support/tcpProxy.js';
import { waitFor } from '../support/waitFor.js';

/**
 * PostgreSQL going away under a running server (a restart, a failover, an idle-connection reaper),
 * simulated by a TCP proxy this test owns between the server and a throwaway database: the shared
 * PostgreSQL itself is never touched. The server must survive, acknowledge nothing it could not
 * store, close the affected sockets with 1011, report itself not ready, and recover by itself.
 */
describe('PostgreSQL going away', () => {
  const pool = new ClientPool();
  let database: TempDatabase;
  let proxy: TcpProxy;
  let server: ServerProcess;
  let storage: StorageInspector;

  beforeAll(async () => {
    database = await createTempDatabase();
    const direct = new URL(database.url);
    proxy = await TcpProxy.start(direct.hostname, Number(direct.port || 5432));
    const viaProxy = new URL(database.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    server = new ServerProcess({
      databaseUrl: viaProxy.toString(),
      // Background work that also talks to the database while it is gone: compaction after a few
      // updates, automatic versions, unloading the ICP once its sockets are closed.
      env: { COMPACT_AFTER_UPDATES: '2', AUTO_VERSION_INTERVAL_MS: '50' },
    });
    storage = new StorageInspector(server.dataDir, database.url);
    await server.start();
  });

  afterEach(() => pool.destroyAll());

  afterAll(async () => {
    pool.destroyAll();
    await storage?.close();
    await server?.dispose();
    await proxy?.close();
    await database?.drop();
  });

  /** Close codes the server sent this client, in order (a refused reconnect shows as 1006). */
  function closeCodes(client: CollabClient): number[] {
    const codes: number[] = [];
    client.provider.on('connection-close', (event) => {
      if (event) codes.push(event.code);
    });
    return codes;
  }

  function readiness(): Promise<ApiResponse> {
    return request(server, 'GET', '/readyz', { as: null });
  }

  it('survives, acknowledges nothing unsaved, closes with 1011 and recovers by itself', async () => {
    const icp = await createIcp(server, 'Database outage');
    const author = await pool.connect(server, icp.id, { params: { acks: '1' } });
    const reviewer = await pool.connect(server, icp.id, { params: { acks: '1' } });
    const authorCodes = closeCodes(author);
    const reviewerCodes = closeCodes(reviewer);
    expect(await readiness()).toMatchObject({ status: 200, body: { status: 'ready' } });

    appendParagraph(author.doc, 'goals', 'Written before the outage');
    appendParagraph(reviewer.doc, 'challenges', 'Also before the outage');
    await waitFor(() => paragraphsOf(reviewer.doc, 'goals').includes('Written before the outage'));
    await waitFor(() => paragraphsOf(author.doc, 'challenges').includes('Also before the outage'));
    await waitFor(() => author.saved > 0 && reviewer.saved > 0);
    const authorSaved = author.saved;
    const reviewerSaved = reviewer.saved;

    await proxy.cut();

    appendParagraph(author.doc, 'goals', 'Written during the outage');
    appendParagraph(reviewer.doc, 'challenges', 'Reviewer, during the outage');
    // The commits fail: each socket is closed with 1011 (internal error), not dropped (1006)…
    await waitFor(() => authorCodes.length > 0 && reviewerCodes.length > 0);
    expect(authorCodes[0]).toBe(CloseCode.internalError);
    expect(reviewerCodes[0]).toBe(CloseCode.internalError);
    // …nothing unsaved was acknowledged, and nothing unsaved was shown to anyone else.
    expect(author.saved).toBe(authorSaved);
    expect(reviewer.saved).toBe(reviewerSaved);
    expect(paragraphsOf(reviewer.doc, 'goals')).not.toContain('Written during the outage');
    expect(paragraphsOf(author.doc, 'challenges')).not.toContain('Reviewer, during the outage');

    // The process is alive: live but not ready, and the API says the database is unavailable.
    expect(await isHealthy(server)).toBe(true);
    const notReady = await readiness();
    errorOf(notReady, 503, 'database_unavailable');
    const listing = await request(server, 'GET', '/api/icps');
    errorOf(listing, 503, 'database_unavailable');
    expect(listing.headers.get('retry-after')).toBe('5');
    // Reconnecting clients are refused while the database is gone, and keep their edits.
    await waitFor(() => authorCodes.length > 1);
    expect(author.saved).toBe(authorSaved);
    expect(await isHealthy(server)).toBe(true);

    await proxy.restore();

    await waitFor(async () => (await readiness()).status === 200, { timeoutMs: 15_000 });
    // The clients reconnect by themselves and re-send what was never stored; it is committed and
    // relayed (relay only follows a commit).
    await waitFor(() => paragraphsOf(reviewer.doc, 'goals').includes('Written during the outage'), {
      timeoutMs: 15_000,
    });
    await waitFor(() => paragraphsOf(author.doc, 'challenges').includes('Reviewer, during the outage'), {
      timeoutMs: 15_000,
    });
    await waitFor(() => author.saved > 0 && reviewer.saved > 0);

    const stored = await storage.storedDoc(icp.id);
    expect(paragraphsOf(stored, 'goals')).toEqual(['Written before the outage', 'Written during the outage']);
    expect(paragraphsOf(stored, 'challenges')).toEqual([
      'Also before the outage',
      'Reviewer, during the outage',
    ]);
    stored.destroy();

    // A crash now loses nothing: a restarted server serves both edits.
    author.destroy();
    reviewer.destroy();
    await server.kill();
    await server.restart();
    const fresh = await pool.connect(server, icp.id);
    expect(paragraphsOf(fresh.doc, 'goals')).toEqual([
      'Written before the outage',
      'Written during the outage',
    ]);
    expect(paragraphsOf(fresh.doc, 'challenges')).toEqual([
      'Also before the outage',
      'Reviewer, during the outage',
    ]);
  });

  it('does not acknowledge a commit whose answer was lost with the connection', async () => {
    const icp = await createIcp(server, 'Commit in flight');
    const client = await pool.connect(server, icp.id, { params: { acks: '1' } });
    const codes = closeCodes(client);
    appendParagraph(client.doc, 'goals', 'Stored and acknowledged');
    // Frame 1 was the client's sync, frame 2 this paragraph: both stored and acknowledged.
    await waitFor(() => client.saved >= 2);
    const saved = client.saved;

    // The INSERT reaches the database (which may commit it) but its answer never comes back: the
    // connection is checked out of the pool, mid-query, when it is dropped.
    proxy.stall();
    appendParagraph(client.doc, 'goals', 'Sent while the database stalls');
    await waitFor(() => proxy.sentWhileStalled > 0);
    await proxy.cut();

    await waitFor(() => codes.length > 0);
    expect(codes[0]).toBe(CloseCode.internalError);
    expect(client.saved).toBe(saved);
    expect(await isHealthy(server)).toBe(true);

    await proxy.restore();
    // Re-sent on reconnection; applying it twice (if the lost commit did land) changes nothing.
    await waitFor(
      async () => {
        const stored = await storage.storedDoc(icp.id);
        const goals = paragraphsOf(stored, 'goals');
        stored.destroy();
        return goals.length === 2 && goals[1] === 'Sent while the database stalls';
      },
      { timeoutMs: 15_000 },
    );
  });

  it('keeps serving after idle pooled connections are dropped and the database stays up', async () => {
    // An idle-connection reaper: every pooled connection is cut, but new ones are accepted at once.
    const icp = await createIcp(server, 'Reaped connections');
    await waitFor(() => proxy.openSockets > 0);
    await proxy.cut();
    await proxy.restore();
    expect(await isHealthy(server)).toBe(true);
    const client = await pool.connect(server, icp.id, { params: { acks: '1' } });
    appendParagraph(client.doc, 'goals', 'After the reaper');
    await waitFor(() => client.saved > 0);
    expect((await readiness()).status).toBe(200);
  });
});

describe('readiness on SQLite', () => {
  const ctx = useServer('sqlite');

  it('is ready and live', async () => {
    expect(await request(ctx.server, 'GET', '/readyz', { as: null })).toMatchObject({
      status: 200,
      body: { status: 'ready' },
    });
    expect(await isHealthy(ctx.server)).toBe(true);
  });
});
