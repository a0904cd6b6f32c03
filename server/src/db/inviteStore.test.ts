import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInviteBodySchema, type UserDto } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import { InviteCommands } from '../commands/inviteCommands.js';
import { AuditStore } from './auditStore.js';
import { HttpError } from '../errors.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { InviteStore } from './inviteStore.js';
import { UserStore } from './userStore.js';
import { WorkspaceStore, type WorkspaceRow } from './workspaceStore.js';

/** A clock the test moves by hand. */
class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = date;
  }
}

const T0 = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;

let dir: string;
let handle: DatabaseHandle;
let clock: ManualClock;
let store: InviteStore;
let workspaces: WorkspaceStore;
let commands: InviteCommands;
let workspace: WorkspaceRow;
let admin: UserDto;

async function insertUser(name: string): Promise<UserDto> {
  const user = { id: randomUUID(), name, email: `${name.toLowerCase()}@example.com` };
  await handle.db
    .insertInto('users')
    .values({
      ...user,
      emailVerified: 0,
      image: null,
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
    })
    .execute();
  return user;
}

/** The HTTP error a promise rejects with (it must reject with one). */
async function httpError(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-unit-'));
  handle = await openDatabase({ dataDir: dir });
  clock = new ManualClock(T0);
  store = new InviteStore(handle.db, clock);
  workspaces = new WorkspaceStore(handle.db, clock);
  commands = new InviteCommands(
    handle.db,
    store,
    workspaces,
    new UserStore(handle.db),
    clock,
    new AuditStore(handle.db, clock),
  );
  workspace = await workspaces.create('Acme');
  admin = await insertUser('Admin');
});

afterEach(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('invite expiry', () => {
  it('works until expiresInHours have passed, then is refused like a revoked link', async () => {
    const created = await commands.create(
      workspace,
      admin,
      { role: 'editor', function: 'sales', expiresInHours: 1 },
      'http://localhost:3000',
    );
    expect(created.invite.expiresAt).toBe(new Date(T0.getTime() + HOUR).toISOString());

    clock.set(new Date(T0.getTime() + HOUR - 1));
    expect((await commands.info(created.token)).role).toBe('editor');
    expect((await store.listActive(workspace.id)).map((i) => i.id)).toEqual([created.invite.id]);

    clock.set(new Date(T0.getTime() + HOUR));
    const expired = await httpError(commands.info(created.token));
    expect([expired.status, expired.code]).toEqual([404, 'invite_not_found']);
    expect((await httpError(commands.assertUsable(created.token))).status).toBe(404);
    expect(await store.listActive(workspace.id)).toEqual([]);

    const latecomer = await insertUser('Latecomer');
    expect((await httpError(commands.accept(created.token, latecomer.id))).code).toBe('invite_not_found');
    expect(await workspaces.membership(workspace.id, latecomer.id)).toBeUndefined();
  });

  it('lets a person join with a link that has not expired, and counts the use', async () => {
    const body = createInviteBodySchema.parse({ role: 'viewer' }); // as the route parses it
    const created = await commands.create(workspace, admin, body, 'http://localhost:3000');
    clock.set(new Date(T0.getTime() + 71 * HOUR)); // the default is 72 hours
    const joiner = await insertUser('Joiner');
    const { membership } = await commands.accept(created.token, joiner.id);
    expect(membership.role).toBe('viewer');
    expect((await store.listActive(workspace.id))[0]?.uses).toBe(1);

    clock.set(new Date(T0.getTime() + 72 * HOUR));
    expect((await httpError(commands.info(created.token))).status).toBe(404);
  });
});
