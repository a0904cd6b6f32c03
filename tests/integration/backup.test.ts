import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyDto, RichTextSectionKey } from '@bullseye/shared';
import { findPostgresTool } from '../../server/src/db/backup.js';
import { createIcp, request } from '../support/api.js';
import { runAdmin } from '../support/adminCli.js';
import { ClientPool, type CollabClient } from '../support/collabClient.js';
import { appendParagraph, paragraphsOf } from '../support/icpDocs.js';
import { ServerProcess } from '../support/serverProcess.js';
import { createTempDatabase, type TempDatabase } from '../support/postgres.js';
import { createVersion } from '../support/versions.js';
import { waitFor } from '../support/waitFor.js';

const ICPS = 3;
const SECTIONS: RichTextSectionKey[] = ['goals', 'painPoints'];
/** Edits each writer makes at most: the typing stops by itself even if the test goes wrong. */
const MAX_EDITS = 1500;

/**
 * One person typing into their own section of an ICP. Each edit is one Yjs transaction, which the
 * stock provider sends as one document-update message; the server answers `saved = n` once the
 * connection's first n document-update messages are committed. The first one is the provider's
 * sync step 2 during the handshake, so edit k (1-based) is acknowledged once `saved >= k + 1`.
 */
interface Writer {
  client: CollabClient;
  icpId: string;
  section: RichTextSectionKey;
  edits: string[];
}

const acknowledged = (writer: Writer): number => Math.max(0, writer.client.saved - 1);

describe('backup and restore on SQLite', () => {
  const pool = new ClientPool();
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  let server: ServerProcess;
  afterEach(() => pool.destroyAll());

  const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    // Automatic versions every 200 ms of editing: the audit chain grows while people type.
    server = new ServerProcess({ env: { AUTO_VERSION_INTERVAL_MS: '200' } });
    servers.push(server);
    await server.start();
  });

  afterAll(async () => {
    for (const s of servers) await s.dispose();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup taken while people type with every acknowledged edit and a verifiable audit chain', async () => {
    const workspaceId = server.admin!.workspaceId;
    const icps = await Promise.all(
      Array.from({ length: ICPS }, (_, i) => createIcp(server, `Backed up while typing ${i}`)),
    );
    const writers: Writer[] = [];
    for (const icp of icps) {
      for (const section of SECTIONS) {
        const client = await pool.connect(server, icp.id, { params: { acks: '1' } });
        // The handshake's sync step 2 is this connection's first document-update message.
        await waitFor(() => client.saved === 1);
        writers.push({ client, icpId: icp.id, section, edits: [] });
      }
    }
    // The counting above holds for one connection per writer: a reconnection would start it over.
    let disconnects = 0;
    for (const writer of writers) {
      writer.client.provider.on('status', ({ status }: { status: string }) => {
        if (status !== 'connected') disconnects++;
      });
    }

    // Everyone types a paragraph every few milliseconds until told to stop (or MAX_EDITS).
    let typing = true;
    const timers = writers.map((writer, w) =>
      setInterval(() => {
        if (!typing || writer.edits.length >= MAX_EDITS) return;
        const text = `writer ${w} edit ${writer.edits.length}`;
        appendParagraph(writer.client.doc, writer.section, text);
        writer.edits.push(text);
      }, 5),
    );
    try {
      // Named versions during the typing add audit entries (version created) besides the automatic ones.
      for (const icp of icps) await createVersion(server, icp.id, `Before the backup ${icp.title}`);
      await waitFor(() => writers.every((writer) => acknowledged(writer) >= 40), { timeoutMs: 20_000 });

      // What the server had acknowledged when the backup was started.
      const ackedBefore = writers.map(acknowledged);
      const sentBefore = writers.map((writer) => writer.edits.length);
      const backupDir = tempDir('bullseye-backup-');
      const backupFile = path.join(backupDir, 'bullseye-backup.sqlite');
      const backup = await runAdmin({ dataDir: server.dataDir }, ['backup', backupFile], 60_000);
      const sentDuring = writers.reduce((sum, writer, w) => sum + writer.edits.length - sentBefore[w]!, 0);
      typing = false;
      timers.forEach(clearInterval);

      expect(backup.code, `${backup.stdout}\n${backup.stderr}`).toBe(0);
      expect(backup.lastLine).toBe(backupFile);
      expect(backup.stdout).toContain(`${ICPS} ICPs`);
      expect(backup.stdout).toMatch(/integrity_check ok/);
      expect(backup.stdout).toMatch(/1 audit chain of 1 verified/);
      expect(backup.stderr).toBe('');
      // People kept typing while the backup ran.
      expect(sentDuring).toBeGreaterThan(0);

      // A single self-contained file: nothing beside it, not in WAL mode, integrity_check ok.
      expect(fs.readdirSync(backupDir)).toEqual(['bullseye-backup.sqlite']);
      const copy = new Database(backupFile, { readonly: true, fileMustExist: true });
      let backedUpAuditEntries: number;
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
        expect((copy.prepare('SELECT count(*) AS n FROM icps').get() as { n: number }).n).toBe(ICPS);
        backedUpAuditEntries = (copy.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      } finally {
        copy.close();
      }

      // It refuses to overwrite a backup, and to restore over a database a running server has open.
      const again = await runAdmin({ dataDir: server.dataDir }, ['backup', backupFile]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already exists; pass --force to replace it');
      const busy = await runAdmin({ dataDir: server.dataDir }, ['restore', backupFile]);
      expect(busy.code, `${busy.stdout}\n${busy.stderr}`).toBe(1);
      expect(busy.stderr).toMatch(/is in use \(is the server running on this DATA_DIR\?\)/);
      expect(busy.stdout).toBe('');

      // Everything sent is committed and acknowledged in the end (which checks the counting).
      await waitFor(() => writers.every((writer) => acknowledged(writer) === writer.edits.length), {
        timeoutMs: 20_000,
      });
      ackedBefore.forEach((acked, w) => {
        expect(acked).toBeGreaterThan(0);
        expect(acked).toBeLessThanOrEqual(sentBefore[w]!);
      });
      expect(disconnects).toBe(0);
      pool.destroyAll();
      expect(await server.stop()).toBe(0);

      // Restore into a fresh data directory with the CLI and serve it.
      const restoredDir = tempDir('bullseye-restored-');
      const restore = await runAdmin({ dataDir: restoredDir }, ['restore', backupFile]);
      expect(restore.code, `${restore.stdout}\n${restore.stderr}`).toBe(0);
      expect(restore.lastLine).toBe(path.join(restoredDir, 'bullseye.sqlite'));
      expect(restore.stdout).toContain(`${ICPS} ICPs`);
      const restored = new ServerProcess({ dataDir: restoredDir, provision: false });
      servers.push(restored);
      await restored.start();
      restored.admin = server.admin; // the owner and their API token are in the backup

      for (const icp of icps) {
        const reader = await pool.connect(restored, icp.id);
        for (const [w, writer] of writers.entries()) {
          if (writer.icpId !== icp.id) continue;
          const stored = paragraphsOf(reader.doc, writer.section);
          const expected = writer.edits.slice(0, ackedBefore[w]);
          // Every edit acknowledged before the backup began, in the order it was typed.
          expect(stored.slice(0, expected.length)).toEqual(expected);
        }
        reader.destroy();
      }

      const verify = await request<AuditVerifyDto>(
        restored,
        'GET',
        `/api/workspaces/${workspaceId}/audit/verify`,
      );
      expect(verify.status).toBe(200);
      expect(verify.body.ok).toBe(true);
      expect(verify.body.firstBroken).toBeNull();
      // The chain holds the named versions and the automatic ones: every entry the backup has (the
      // restored server may append an automatic version of its own when it unloads an ICP).
      expect(backedUpAuditEntries).toBeGreaterThanOrEqual(ICPS);
      expect(verify.body.checked).toBeGreaterThanOrEqual(backedUpAuditEntries);
    } finally {
      typing = false;
      timers.forEach(clearInterval);
    }
  });

  it('refuses files that are not Bullseye backups and keeps the current database', async () => {
    const dataDir = tempDir('bullseye-refuse-');
    const notSqlite = path.join(dataDir, 'notes.txt');
    fs.writeFileSync(notSqlite, 'not a database');
    const foreign = path.join(dataDir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();

    const garbage = await runAdmin({ dataDir }, ['restore', notSqlite]);
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toContain('is not a readable SQLite database');
    const other = await runAdmin({ dataDir }, ['restore', foreign]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('is not a Bullseye database (it has no migrations table)');
    const missing = await runAdmin({ dataDir }, ['backup', path.join(dataDir, 'out.sqlite')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No database at ${path.join(dataDir, 'bullseye.sqlite')}`);
    const usage = await runAdmin({ dataDir }, ['backup']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('backup needs exactly one file');
    // Nothing was installed or left behind.
    expect(fs.readdirSync(dataDir).sort()).toEqual(['foreign.sqlite', 'notes.txt']);
  });
});

describe('backup on PostgreSQL', () => {
  const pool = new ClientPool();
  const databases: TempDatabase[] = [];
  const servers: ServerProcess[] = [];
  let backupDir: string;
  afterEach(() => pool.destroyAll());

  afterAll(async () => {
    for (const s of servers) await s.dispose();
    for (const db of databases) await db.drop();
    if (backupDir) fs.rmSync(backupDir, { recursive: true, force: true });
  });

  it('dumps with pg_dump in custom format, and pg_restore into a new database serves it intact', async () => {
    const source = await createTempDatabase();
    databases.push(source);
    const server = new ServerProcess({ databaseUrl: source.url });
    servers.push(server);
    await server.start();
    const icp = await createIcp(server, 'Dumped');
    const writer = await pool.connect(server, icp.id, { params: { acks: '1' } });
    for (let i = 0; i < 20; i++) appendParagraph(writer.doc, 'goals', `edit ${i}`);
    await waitFor(() => writer.saved === 21);
    await createVersion(server, icp.id, 'Before the dump');

    backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-pgdump-'));
    const file = path.join(backupDir, 'bullseye.dump');
    const data = { dataDir: server.dataDir, databaseUrl: source.url };
    const backup = await runAdmin(data, ['backup', file], 60_000);
    expect(backup.code, `${backup.stdout}\n${backup.stderr}`).toBe(0);
    expect(backup.lastLine).toBe(file);
    expect(backup.stdout).toContain('pg_dump --format=custom');
    expect(backup.stdout).toContain('1 ICP,');
    // The CLI restores SQLite only; on PostgreSQL it says how.
    const refused = await runAdmin(data, ['restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('pg_restore --no-owner --exit-on-error');

    const target = await createTempDatabase();
    databases.push(target);
    const pgRestore = findPostgresTool('pg_restore');
    if (!pgRestore) throw new Error('pg_restore is not installed (PostgreSQL client tools)');
    const restore = spawnSync(pgRestore, ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, file], {
      encoding: 'utf8',
    });
    expect(restore.status, restore.stderr).toBe(0);
    const restored = new ServerProcess({ databaseUrl: target.url, provision: false });
    servers.push(restored);
    await restored.start();
    restored.admin = server.admin;
    const reader = await pool.connect(restored, icp.id);
    expect(paragraphsOf(reader.doc, 'goals')).toEqual(Array.from({ length: 20 }, (_, i) => `edit ${i}`));
    const verify = await request<AuditVerifyDto>(
      restored,
      'GET',
      `/api/workspaces/${server.admin!.workspaceId}/audit/verify`,
    );
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
    expect(verify.body.checked).toBeGreaterThanOrEqual(1);
  });
});
