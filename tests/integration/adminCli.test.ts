import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addListItem,
  readList,
  type ApiTokenDto,
  type InstanceDto,
  type MeDto,
  type MemberDto,
} from '@bullseye/shared';
import { createIcp, request } from '../support/api.js';
import { expectStatus, signIn } from '../support/actors.js';
import { runAdmin, type CliData, type CliResult } from '../support/adminCli.js';
import { backendOptions, BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { ServerProcess } from '../support/serverProcess.js';
import { waitFor } from '../support/waitFor.js';

const PASSWORD = 'cli password 1234';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Asserts a failed run: its exit code and a message on stderr; nothing on stdout for scripts to read. */
function expectFailure(result: CliResult, code: 1 | 2, message: string | RegExp): void {
  const output = `exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
  expect(result.code, output).toBe(code);
  if (typeof message === 'string') expect(result.stderr, output).toContain(message);
  else expect(result.stderr, output).toMatch(message);
  expect(result.stdout, output).toBe('');
}

function expectSuccess(result: CliResult): string {
  expect(result.code, `exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(0);
  return result.lastLine;
}

describe.each(BACKENDS)('admin CLI on %s', (backend) => {
  let data: CliData;
  let server: ServerProcess;
  let cleanup: () => Promise<void>;
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  /** What the scripted provisioning made; read by the later tests. */
  let made: { workspaceId: string; adaToken: string; bobToken: string; bobId: string };

  beforeAll(async () => {
    const database = await backendOptions(backend);
    cleanup = database.cleanup;
    data = {
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-cli-')),
      databaseUrl: database.databaseUrl,
    };
    server = new ServerProcess({ ...data, provision: false });
  });

  afterAll(async () => {
    await server?.dispose();
    fs.rmSync(data.dataDir, { recursive: true, force: true });
    await cleanup?.();
  });

  const admin = (...args: string[]) => runAdmin(data, args);

  it('refuses bad input on a fresh installation with a clear message and writes nothing', async () => {
    expectFailure(
      await admin('create-workspace', '--name', 'Acme', '--owner', 'ghost@example.com'),
      1,
      'No user with email ghost@example.com',
    );
    expectFailure(
      await admin('create-user', '--email', 'not-an-email', '--name', 'Ada', '--password', PASSWORD),
      2,
      '--email: must be an email address',
    );
    expectFailure(
      await admin('create-user', '--email', 'ada@example.com', '--name', 'Ada', '--password', 'short'),
      2,
      '--password: must be at least 10 characters',
    );
    expectFailure(
      await admin('create-user', '--email', 'ada@example.com', '--password', PASSWORD),
      2,
      '--name is required',
    );
    expectFailure(
      await admin(
        'create-user',
        '--email',
        'ada@example.com',
        '--name',
        'Ada',
        '--password',
        PASSWORD,
        '--bogus',
      ),
      2,
      /Unknown option '--bogus'/,
    );
    expectFailure(await admin('frobnicate'), 2, 'Unknown command frobnicate');
    const bare = await admin();
    expect(bare.code).toBe(2);
    expect(bare.stdout).toContain('create-user --email E --name N --password P');

    // Nothing was written: the installation still needs its setup and nobody can sign in.
    await server.start();
    try {
      const instance = await request<InstanceDto>(server, 'GET', '/api/instance', { as: null });
      expect(instance.body).toEqual({ needsSetup: true, signupOpen: false });
      expect((await signIn(server, 'ada@example.com', PASSWORD)).status).toBe(401);
    } finally {
      await server.stop();
    }
  });

  it('provisions users, a workspace, a member with function and approver, and tokens the server accepts', async () => {
    const adaId = expectSuccess(
      await admin('create-user', '--email', 'Ada@Example.com', '--name', 'Ada Admin', '--password', PASSWORD),
    );
    expect(adaId).toMatch(/^\S+$/);
    const workspaceId = expectSuccess(
      await admin('create-workspace', '--name', 'Acme', '--owner', 'ada@example.com'),
    );
    expect(workspaceId).toMatch(UUID);
    const bobId = expectSuccess(
      await admin(
        'create-user',
        '--email',
        'bob@example.com',
        '--name',
        'Bob Builder',
        '--password',
        PASSWORD,
      ),
    );
    const added = await admin(
      'add-member',
      '--workspace',
      workspaceId,
      '--email',
      'bob@example.com',
      '--role',
      'editor',
      '--function',
      'sales',
      '--approver',
    );
    expect(expectSuccess(added)).toBe(bobId);
    expect(added.stdout).toContain('Added bob@example.com in Acme as editor');
    const bobToken = expectSuccess(
      await admin('create-token', '--email', 'bob@example.com', '--name', 'Deploy bot'),
    );
    expect(bobToken).toMatch(/^bye_[A-Za-z0-9_-]{43}$/);
    const adaToken = expectSuccess(await admin('create-token', '--email', 'ada@example.com'));
    expect(adaToken).toMatch(/^bye_/);
    made = { workspaceId, adaToken, bobToken, bobId };

    await server.start();
    const instance = await request<InstanceDto>(server, 'GET', '/api/instance', { as: null });
    expect(instance.body).toEqual({ needsSetup: false, signupOpen: false });

    const ada = await request<MeDto>(server, 'GET', '/api/me', { as: { token: adaToken } });
    expect(ada.status).toBe(200);
    expect(ada.body).toMatchObject({
      user: { id: adaId, email: 'ada@example.com', name: 'Ada Admin' },
      isOwner: true,
      workspaces: [{ id: workspaceId, name: 'Acme', role: 'admin' }],
    });
    const bob = await request<MeDto>(server, 'GET', '/api/me', { as: { token: bobToken } });
    expect(bob.body).toMatchObject({
      user: { id: bobId, name: 'Bob Builder' },
      isOwner: false,
      workspaces: [{ id: workspaceId, role: 'editor', function: 'sales', approver: true }],
    });
    const tokens = await request<{ tokens: ApiTokenDto[] }>(server, 'GET', '/api/tokens', {
      as: { token: bobToken },
    });
    expect(tokens.body.tokens.map((t) => [t.name, t.prefix])).toEqual([
      ['Deploy bot', bobToken.slice(0, 12)],
    ]);
    expect((await signIn(server, 'bob@example.com', PASSWORD)).status).toBe(200);

    // The token carries Bob's role on HTTP and on the collaboration socket.
    const icp = await createIcp(server, 'Provisioned by script', workspaceId, { token: bobToken });
    const adaClient = await pool.connect(server, icp.id, { token: adaToken });
    const bobClient = await pool.connect(server, icp.id, { token: bobToken });
    addListItem(bobClient.doc, 'buyingTriggers', 'Opened a second office');
    await waitFor(() =>
      expect(readList(adaClient.doc, 'buyingTriggers').map((i) => i.text)).toEqual([
        'Opened a second office',
      ]),
    );
  });

  it('changes an existing membership with add-member, seen by the running server', async () => {
    const { workspaceId, adaToken, bobId } = made;
    const updated = await admin(
      'add-member',
      '--workspace',
      workspaceId,
      '--email',
      'bob@example.com',
      '--role',
      'viewer',
    );
    expect(expectSuccess(updated)).toBe(bobId);
    expect(updated.stdout).toContain('Updated bob@example.com in Acme as viewer');
    const members = await request<{ members: MemberDto[] }>(
      server,
      'GET',
      `/api/workspaces/${workspaceId}/members`,
      {
        as: { token: adaToken },
      },
    );
    expect(members.body.members.find((m) => m.user.id === bobId)).toMatchObject({
      role: 'viewer',
      function: null,
      approver: false,
    });
    const refused = await request(server, 'POST', '/api/icps', {
      body: { title: 'Viewers cannot', workspaceId },
      as: { token: made.bobToken },
    });
    expect(refused.status).toBe(403);
  });

  it('refuses bad input on an existing installation with a clear message and writes nothing', async () => {
    const { workspaceId, adaToken, bobToken } = made;
    const membersNow = async () =>
      expectStatus(
        await request<{ members: MemberDto[] }>(server, 'GET', `/api/workspaces/${workspaceId}/members`, {
          as: { token: adaToken },
        }),
        200,
        'members',
      ).members;
    const before = await membersNow();

    expectFailure(
      await admin(
        'add-member',
        '--workspace',
        workspaceId,
        '--email',
        'carol@example.com',
        '--role',
        'editor',
      ),
      1,
      'No user with email carol@example.com',
    );
    expectSuccess(
      await admin('create-user', '--email', 'carol@example.com', '--name', 'Carol', '--password', PASSWORD),
    );
    expectFailure(
      await admin(
        'add-member',
        '--workspace',
        workspaceId,
        '--email',
        'carol@example.com',
        '--role',
        'owner',
      ),
      2,
      '--role: must be one of admin, editor, commenter, viewer',
    );
    expectFailure(
      await admin(
        'add-member',
        '--workspace',
        workspaceId,
        '--email',
        'carol@example.com',
        '--role',
        'editor',
        '--function',
        'legal',
      ),
      2,
      '--function: must be one of sales, marketing, product, customer_success',
    );
    for (const id of [randomUUID(), 'not-a-workspace-id']) {
      expectFailure(
        await admin('add-member', '--workspace', id, '--email', 'carol@example.com', '--role', 'editor'),
        2,
        `--workspace: no workspace with id ${id}`,
      );
    }
    expectFailure(
      await admin('add-member', '--email', 'carol@example.com', '--role', 'editor'),
      2,
      '--workspace: no workspace with id',
    );
    expectFailure(
      await admin(
        'create-user',
        '--email',
        'BOB@example.com',
        '--name',
        'Other Bob',
        '--password',
        'another password',
      ),
      1,
      'An account with this email exists',
    );
    expectFailure(
      await admin('create-token', '--email', 'nobody@example.com'),
      1,
      'No user with email nobody@example.com',
    );
    expectFailure(
      await admin('create-token', '--email', 'bob@example.com', '--name', '  '),
      2,
      '--name: must not be empty',
    );

    expect(await membersNow()).toEqual(before);
    expect((await signIn(server, 'bob@example.com', 'another password')).status).toBe(401);
    expect((await signIn(server, 'bob@example.com', PASSWORD)).status).toBe(200);
    const tokens = await request<{ tokens: ApiTokenDto[] }>(server, 'GET', '/api/tokens', {
      as: { token: bobToken },
    });
    expect(tokens.body.tokens).toHaveLength(1);
  });
});
