import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@bullseye/shared';
import { createIcp, isHealthy, request } from '../support/api.js';
import { createVersion } from '../support/versions.js';
import { appendParagraph, paragraphsOf, textOf, typingUpdates } from '../support/icpDocs.js';
import { BACKENDS } from '../support/backends.js';
import { useServer } from '../support/harness.js';
import { collabUrl, RawCollabSocket, syncUpdateMessage } from '../support/rawSocket.js';
import { waitFor } from '../support/waitFor.js';

/**
 * The README's promises "saved" and "nothing relayed before it is stored", checked against the
 * real server with the database itself made to fail or wait: a trigger that refuses every insert
 * into the update log, and (on PostgreSQL) a table lock that holds every commit. The in-process
 * unit tests of the collaboration server hold commits on SQLite, where a held write lock would
 * freeze the whole process (better-sqlite3 waits synchronously).
 */

const textSeenBy = (socket: RawCollabSocket): string => textOf(socket.seenDoc());

describe.each(BACKENDS)('"saved" means stored, on %s', (backend) => {
  const ctx = useServer(backend);
  const sockets: RawCollabSocket[] = [];
  let icpId: string;

  const open = async (): Promise<RawCollabSocket> => {
    const socket = await RawCollabSocket.open(
      collabUrl(ctx.server, icpId, { acks: '1' }),
      ctx.server.adminHeaders(),
    );
    sockets.push(socket);
    await socket.roundTrip(); // it now holds the whole document
    return socket;
  };

  const storedText = async (): Promise<string> => textOf(await ctx.storage.storedDoc(icpId));

  /** Makes every insert into `table` fail, behind the server's back, until removeFailure. */
  const plantFailure = async (table: string): Promise<void> => {
    if (backend === 'postgres') {
      await ctx.storage.tamper(
        `CREATE OR REPLACE FUNCTION planted_failure() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'planted failure'; END $$ LANGUAGE plpgsql`,
      );
      await ctx.storage.tamper(
        `CREATE TRIGGER planted_failure BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION planted_failure()`,
      );
    } else {
      await ctx.storage.tamper(
        `CREATE TRIGGER planted_failure BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'planted failure'); END`,
      );
    }
  };

  const removeFailure = (table: string) =>
    ctx.storage.tamper(`DROP TRIGGER planted_failure${backend === 'postgres' ? ` ON ${table}` : ''}`);

  beforeAll(async () => {
    icpId = (await createIcp(ctx.server, 'Promises kept')).id;
  });

  afterAll(() => {
    for (const socket of sockets) socket.destroy();
  });

  it('never relays, acknowledges or keeps an update whose commit failed', async () => {
    const reader = await open();
    const writer = await open();
    await plantFailure('icp_updates');
    try {
      const [update] = typingUpdates('lost');
      writer.send(syncUpdateMessage(update!));
      expect((await writer.closedWithin(10_000)).code).toBe(CloseCode.internalError);
      expect(writer.saved).toBe(0);
      if (!reader.isClosed) await reader.roundTrip();
      expect(textSeenBy(reader)).toBe('');
    } finally {
      await ctx.storage.tamper(
        'DROP TRIGGER planted_failure' + (backend === 'postgres' ? ' ON icp_updates' : ''),
      );
    }
    expect(await storedText()).toBe('');
    expect(await isHealthy(ctx.server)).toBe(true);

    // Once the database accepts writes again, so does the server, for the same ICP.
    const next = await open();
    const watcher = await open();
    const [kept] = typingUpdates('kept');
    next.send(syncUpdateMessage(kept!));
    await next.waitForSaved(1);
    await waitFor(() => expect(textSeenBy(watcher)).toBe('kept'));
    expect(await storedText()).toBe('kept');
  });

  it('changes the draft by a restore only together with its versions and audit entry', async () => {
    const evidenceOf = async (socket: RawCollabSocket | null): Promise<string[]> => {
      const doc = socket ? socket.seenDoc() : await ctx.storage.storedDoc(icpId);
      const paragraphs = paragraphsOf(doc, 'evidence');
      doc.destroy();
      return paragraphs;
    };
    const watcher = await open();
    const writer = await open();
    const first = await createVersion(ctx.server, icpId, 'Before the change');
    const seen = writer.seenDoc();
    const updates: Uint8Array[] = [];
    seen.on('update', (u: Uint8Array) => updates.push(u));
    appendParagraph(seen, 'evidence', 'Changed after the version');
    seen.destroy();
    writer.send(syncUpdateMessage(updates[0]!));
    await writer.waitForSaved(1);
    await waitFor(async () => expect(await evidenceOf(watcher)).toEqual(['Changed after the version']));
    expect(await evidenceOf(null)).toEqual(['Changed after the version']);
    const versionsBefore = await ctx.storage.rows('SELECT id FROM icp_versions WHERE icp_id = $1', [icpId]);

    // The audit entry cannot be written: the whole restore fails, the draft included.
    await plantFailure('audit_log');
    try {
      const response = await request(ctx.server, 'POST', `/api/versions/${first.id}/restore`);
      expect(response.status).toBe(500);
    } finally {
      await removeFailure('audit_log');
    }
    await watcher.roundTrip();
    expect(await evidenceOf(watcher)).toEqual(['Changed after the version']);
    expect(await evidenceOf(null)).toEqual(['Changed after the version']);
    expect(await ctx.storage.rows('SELECT id FROM icp_versions WHERE icp_id = $1', [icpId])).toEqual(
      versionsBefore,
    );

    // Without the fault, the same restore lands, live.
    const response = await request(ctx.server, 'POST', `/api/versions/${first.id}/restore`);
    expect(response.status).toBe(200);
    await waitFor(async () => expect(await evidenceOf(watcher)).toEqual([]));
    expect(await evidenceOf(null)).toEqual([]);
  });

  it.runIf(backend === 'postgres')(
    'relays and acknowledges nothing while the commit waits, everything once it lands',
    async () => {
      const reader = await open();
      const writer = await open();
      const before = textSeenBy(reader);
      const locker = await ctx.storage.ownPostgresConnection();
      try {
        // Reads go on (the room's sync), every insert into the log waits for this transaction.
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE icp_updates IN EXCLUSIVE MODE');
        // Typed after what the reader has, so the text reads in order.
        const seen = reader.seenDoc();
        const updates: Uint8Array[] = [];
        seen.on('update', (u: Uint8Array) => updates.push(u));
        seen.getText('t').insert(seen.getText('t').length, ' held');
        seen.destroy();
        const update = updates[0];
        writer.send(syncUpdateMessage(update!));
        // The server's INSERT is now waiting on the lock.
        await waitFor(async () => {
          const { rows } = await locker.query<{ n: string }>(
            `SELECT count(*) AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'insert into%icp_updates%'`,
          );
          return Number(rows[0]!.n) > 0;
        });
        // Barriers: everything the server sent each socket before answering has arrived.
        await writer.roundTrip();
        await reader.roundTrip();
        expect(writer.saved).toBe(0);
        expect(textSeenBy(reader)).toBe(before);
        await locker.query('COMMIT');
      } finally {
        await locker.end();
      }
      await writer.waitForSaved(1);
      await waitFor(() => expect(textSeenBy(reader)).toBe(`${before} held`));
      expect(await storedText()).toBe(`${before} held`);
    },
  );
});
