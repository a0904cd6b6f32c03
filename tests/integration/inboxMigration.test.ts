import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/src/clock.js';
import { InboxStore } from '../../server/src/db/inboxStore.js';
import { migrationProvider } from '../../server/src/db/migrations/index.js';
import type { Database } from '../../server/src/db/schema.js';
import { presentInboxItem } from '../../server/src/presenters/inbox.js';
import { BACKENDS, type Backend } from '../support/backends.js';
import { createTempDatabase } from '../support/postgres.js';

/** The last migration before the inbox took review items. */
const BEFORE = '20261125T1005_create_audit_log';
const AT = '2026-11-25T10:00:00.000Z';
const ids = {
  workspace: '00000000-0000-4000-8000-000000000001',
  icp: '00000000-0000-4000-8000-000000000002',
  thread: '00000000-0000-4000-8000-000000000003',
  reply: '00000000-0000-4000-8000-000000000004',
  item1: '00000000-0000-4000-8000-000000000005',
  item2: '00000000-0000-4000-8000-000000000006',
  version: '00000000-0000-4000-8000-000000000007',
};

/** The database of a server that ran every migration up to BEFORE, as a Kysely handle. */
async function openAt(backend: Backend): Promise<{ db: Kysely<Database>; dispose(): Promise<void> }> {
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;
  if (backend === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-migration-'));
    const sqlite = new SQLite(path.join(dir, 'bullseye.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const temp = await createTempDatabase();
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: temp.url, max: 2 }) }),
    });
    cleanup = () => temp.drop();
  }
  const migrator = new Migrator({ db, provider: migrationProvider(backend) });
  const { error } = await migrator.migrateTo(BEFORE);
  if (error) throw error;
  return {
    db,
    async dispose() {
      await db.destroy();
      await cleanup();
    },
  };
}

describe.each(BACKENDS)('the inbox migration on %s', (backend) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
    dispose = undefined;
  });

  it('keeps every existing comment item (read or not), then takes review items', async () => {
    const opened = await openAt(backend);
    dispose = opened.dispose;
    // Untyped: the tables as they were before the migration.
    const db = opened.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const user = (id: string, name: string) => ({
      id,
      name,
      email: `${id}@example.com`,
      emailVerified: 0,
      image: null,
      createdAt: AT,
      updatedAt: AT,
    });
    await db
      .insertInto('users')
      .values([user('ann', 'Ann'), user('bob', 'Bob')])
      .execute();
    await db.insertInto('workspaces').values({ id: ids.workspace, name: 'Acme', created_at: AT }).execute();
    await db
      .insertInto('memberships')
      .values(
        ['ann', 'bob'].map((u) => ({
          workspace_id: ids.workspace,
          user_id: u,
          role: 'editor',
          function: u === 'bob' ? 'product' : null,
          approver: 0,
          created_at: AT,
        })),
      )
      .execute();
    await db
      .insertInto('icps')
      .values({ id: ids.icp, title: 'Plan', created_at: AT, updated_at: AT, workspace_id: ids.workspace })
      .execute();
    const comment = { icp_id: ids.icp, author_id: 'ann', created_at: AT, updated_at: AT, mentions: '[]' };
    await db
      .insertInto('comments')
      .values([
        { ...comment, id: ids.thread, thread_id: null, body: 'Look @product', anchor_type: 'icp' },
        { ...comment, id: ids.reply, thread_id: ids.thread, body: 'And again' },
      ])
      .execute();
    const before = [
      {
        id: ids.item1,
        user_id: 'bob',
        icp_id: ids.icp,
        thread_id: ids.thread,
        comment_id: ids.thread,
        reason: 'mention',
        actor_id: 'ann',
        created_at: AT,
        read_at: null,
      },
      {
        id: ids.item2,
        user_id: 'bob',
        icp_id: ids.icp,
        thread_id: ids.thread,
        comment_id: ids.reply,
        reason: 'reply',
        actor_id: 'ann',
        created_at: AT,
        read_at: AT,
      },
    ];
    await db.insertInto('inbox_items').values(before).execute();

    const { error } = await new Migrator({
      db: opened.db,
      provider: migrationProvider(backend),
    }).migrateToLatest();
    expect(error).toBeUndefined();

    const after = await db.selectFrom('inbox_items').selectAll().orderBy('id').execute();
    expect(after).toEqual(
      before.map((row) => ({ ...row, kind: 'comment', version_id: null, event: null, detail: null })),
    );

    // The store lists them as before; the mention's target was not recorded then.
    const store = new InboxStore(opened.db, systemClock);
    const listed = (await store.list('bob', { unread: false, limit: 10 })).map(presentInboxItem);
    expect(listed.map((i) => [i.kind, i.reason, i.kind === 'comment' ? i.mention : 'n/a', i.readAt])).toEqual(
      [
        ['comment', 'reply', null, AT],
        ['comment', 'mention', null, null],
      ],
    );
    expect(await store.unreadCount('bob')).toBe(1);

    // The unique (person, comment) still holds for comments; a comment item must name its comment.
    await expect(
      db
        .insertInto('inbox_items')
        .values({ ...before[0]!, id: ids.version, kind: 'comment' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('inbox_items')
        .values({ ...before[0]!, id: ids.version, kind: 'comment', thread_id: null, comment_id: null })
        .execute(),
    ).rejects.toThrow();

    // A review step is an item without a comment, about a version.
    await db
      .insertInto('icp_versions')
      .values({
        id: ids.version,
        icp_id: ids.icp,
        number: 1,
        name: 'Candidate',
        note: null,
        kind: 'named',
        author_id: 'ann',
        created_at: AT,
        title: 'Plan',
        state: new Uint8Array([0, 0]),
        canonical: '{}',
        hash: '0'.repeat(64),
        restored_from: null,
      })
      .execute();
    await store.deliverReview({
      icpId: ids.icp,
      versionId: ids.version,
      event: 'signoff_requested',
      actorId: 'ann',
      byFunction: null,
      excerpt: null,
      recipients: [{ userId: 'bob', reason: 'signer', yourFunction: 'product' }],
    });
    const [review] = (await store.list('bob', { unread: true, limit: 10 })).map(presentInboxItem);
    expect(review).toMatchObject({
      kind: 'review',
      event: 'signoff_requested',
      reason: 'signer',
      yourFunction: 'product',
      version: { id: ids.version, number: 1, name: 'Candidate' },
      actor: { id: 'ann', name: 'Ann' },
    });
    expect(await store.unreadCount('bob')).toBe(2);

    // Deleting the thread still takes its items with it.
    await db.deleteFrom('comments').where('id', '=', ids.thread).execute();
    expect((await db.selectFrom('inbox_items').select('kind').execute()).map((r) => r.kind)).toEqual([
      'review',
    ]);
  });
});
