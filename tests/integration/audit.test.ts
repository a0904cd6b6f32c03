import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addListItem,
  canonicalStringify,
  FUNCTIONS,
  type AuditEntryDto,
  type AuditLogDto,
  type AuditVerifyDto,
  type IcpFunction,
  type WorkspaceDto,
} from '@bullseye/shared';
import { errorOf, createIcp, request, type Credentials } from '../support/api.js';
import {
  acceptWithSignUp,
  addMember,
  addReviewTeam,
  createInvite,
  expectStatus,
  newPerson,
  type Account,
} from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { startThread } from '../support/comments.js';
import { useServer } from '../support/harness.js';
import { waitFor } from '../support/waitFor.js';
import { approveVersion, createVersion, requestSignOff, settled, signOff } from '../support/versions.js';

const GENESIS = '0'.repeat(64);

/** The hash an entry must have, recomputed here from the documented recipe. */
function recompute(entry: AuditEntryDto, workspaceId: string, actorId: string | null): string {
  const fields = {
    seq: entry.seq,
    workspaceId,
    icpId: entry.icpId,
    kind: entry.kind,
    actorId,
    at: entry.at,
    data: entry.data,
  };
  return createHash('sha256')
    .update(entry.prevHash + canonicalStringify(fields))
    .digest('hex');
}

describe.each(BACKENDS)('audit log on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  let signers: Record<IcpFunction, Account>;
  let approver: Account;
  let viewer: Account;
  const as = (account: Account): Credentials => ({ token: account.token });

  beforeAll(async () => {
    ({ signers, approver } = await addReviewTeam(ctx.server));
    viewer = await addMember(ctx.server, 'viewer', { name: 'Vic Viewer' });
  });

  /** A fresh workspace of the owner's (its own chain), with the test members in it. */
  async function workspace(name: string): Promise<string> {
    const created = expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name } }),
      201,
      `creating ${name}`,
    );
    return created.id;
  }

  const log = async (workspaceId: string, query = '', who?: Credentials) =>
    expectStatus(
      await request<AuditLogDto>(ctx.server, 'GET', `/api/workspaces/${workspaceId}/audit${query}`, {
        as: who,
      }),
      200,
      'listing the audit log',
    );
  const verify = async (workspaceId: string, who?: Credentials) =>
    expectStatus(
      await request<AuditVerifyDto>(ctx.server, 'GET', `/api/workspaces/${workspaceId}/audit/verify`, {
        as: who,
      }),
      200,
      'verifying the audit log',
    );

  /** Walks one ICP through naming, review, four sign-offs (one changed) and approval, in the owner's workspace. */
  async function workflow(title: string) {
    const icp = await createIcp(ctx.server, title);
    const version = await createVersion(ctx.server, icp.id, 'Candidate');
    expectStatus(await requestSignOff(ctx.server, version.id), 200, 'request');
    expectStatus(
      await signOff(
        ctx.server,
        version.id,
        { function: 'sales', decision: 'request_changes', reason: 'Tighten it' },
        as(signers.sales),
      ),
      200,
      'sign-off',
    );
    for (const fn of FUNCTIONS) {
      expectStatus(
        await signOff(ctx.server, version.id, { function: fn, decision: 'approve' }, as(signers[fn])),
        200,
        'sign-off',
      );
    }
    expectStatus(
      await approveVersion(ctx.server, version.id, as(approver), 'Approved in the QBR'),
      200,
      'approve',
    );
    return { icp, version };
  }

  it('records versions, requests, sign-offs, approvals and restores as a hash chain, newest first', async () => {
    const acme = ctx.server.admin!.workspaceId;
    const { icp, version } = await workflow('Audited');
    const author = await pool.connect(ctx.server, icp.id);
    const observer = await pool.connect(ctx.server, icp.id, { token: viewer.token });
    addListItem(author.doc, 'industries', 'Fintech');
    await settled(author, observer);
    const restored = await request(ctx.server, 'POST', `/api/versions/${version.id}/restore`);
    expect(restored.status).toBe(200);

    const { entries, nextBefore } = await log(acme, `?icpId=${icp.id}`, as(viewer));
    expect(nextBefore).toBeNull();
    expect(entries.map((e) => e.kind).reverse()).toEqual([
      'version.created',
      'signoff.requested',
      'signoff.recorded',
      'signoff.recorded',
      'signoff.recorded',
      'signoff.recorded',
      'signoff.recorded',
      'version.approved',
      'version.created',
      'version.created',
      'version.restored',
    ]);
    const oldestFirst = [...entries].reverse();
    const [created, requested, changes] = oldestFirst;
    const owner = { id: ctx.server.admin!.userId, name: 'Olive Owner' };
    expect(created).toMatchObject({
      icpId: icp.id,
      icpTitle: 'Audited',
      actor: owner,
      data: {
        versionId: version.id,
        versionNumber: 1,
        versionHash: version.hash,
        kind: 'named',
        name: 'Candidate',
      },
    });
    expect(requested!.data).toMatchObject({
      versionNumber: 1,
      versionHash: version.hash,
      supersededVersionNumber: null,
    });
    expect(changes).toMatchObject({
      actor: { id: signers.sales.user.id, name: 'Sam Sales' },
      data: {
        function: 'sales',
        decision: 'request_changes',
        reason: 'Tighten it',
        versionHash: version.hash,
      },
    });
    expect(oldestFirst[7]).toMatchObject({
      kind: 'version.approved',
      actor: { id: approver.user.id, name: 'Lee Leader' },
      data: { versionHash: version.hash, note: 'Approved in the QBR' },
    });
    expect((oldestFirst[7]!.data.signOffs as unknown[]).length).toBe(4);
    expect(oldestFirst[8]!.data).toMatchObject({ kind: 'auto', name: 'Before restoring version 1' });
    expect(oldestFirst[9]!.data).toMatchObject({
      kind: 'restore',
      restoredFrom: 1,
      versionHash: version.hash,
    });
    expect(oldestFirst[10]!.data).toMatchObject({
      versionNumber: 1,
      beforeVersionNumber: 2,
      afterVersionNumber: 3,
    });

    // The chain over the whole workspace: contiguous, linked, and each hash is the documented recipe.
    const all = (await log(acme, '?limit=200')).entries.reverse();
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect(all[0]!.prevHash).toBe(GENESIS);
    for (let i = 1; i < all.length; i++) expect(all[i]!.prevHash).toBe(all[i - 1]!.hash);
    for (const entry of all) expect(entry.hash).toBe(recompute(entry, acme, entry.actor?.id ?? null));
    expect(await verify(acme, as(viewer))).toEqual({ ok: true, checked: all.length, firstBroken: null });
  });

  it('records automatic versions with no actor', async () => {
    const ws = await workspace('Auto audit');
    const icp = await createIcp(ctx.server, 'Auto', ws);
    const author = await pool.connect(ctx.server, icp.id);
    addListItem(author.doc, 'industries', 'Retail & e-commerce');
    const probe = await pool.connect(ctx.server, icp.id);
    await settled(author, probe);
    probe.destroy();
    author.destroy(); // the last editor leaves: an automatic version is kept
    const entries = await waitFor(async () => {
      const page = await log(ws);
      expect(page.entries).toHaveLength(1);
      return page.entries;
    });
    expect(entries[0]).toMatchObject({
      seq: 1,
      kind: 'version.created',
      actor: null,
      data: { kind: 'auto' },
    });
    expect(entries[0]!.hash).toBe(recompute(entries[0]!, ws, null));
  });

  it('keeps one chain per workspace, intact under concurrent writes', async () => {
    const ws = await workspace('Busy');
    const icps = await Promise.all([1, 2, 3, 4].map((n) => createIcp(ctx.server, `Busy ${n}`, ws)));
    await Promise.all(
      icps.flatMap((icp) => [1, 2, 3].map((n) => createVersion(ctx.server, icp.id, `v${n}`))),
    );
    const entries = (await log(ws, '?limit=200')).entries;
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => entries.length - i));
    expect(entries).toHaveLength(12);
    for (const icp of icps) {
      const numbers = entries.filter((e) => e.icpId === icp.id).map((e) => e.data.versionNumber);
      expect(numbers.sort()).toEqual([1, 2, 3]);
    }
    expect(await verify(ws)).toEqual({ ok: true, checked: 12, firstBroken: null });
    // Another workspace's chain starts at 1 of its own.
    const other = await workspace('Other');
    await createVersion(ctx.server, (await createIcp(ctx.server, 'Elsewhere', other)).id, 'v1');
    const [first] = (await log(other)).entries;
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS });
  });

  it('pages newest first with limit and before', async () => {
    const ws = await workspace('Paging');
    const icp = await createIcp(ctx.server, 'Paged', ws);
    for (let n = 1; n <= 5; n++) await createVersion(ctx.server, icp.id, `v${n}`);
    const first = await log(ws, '?limit=2');
    expect(first.entries.map((e) => e.seq)).toEqual([5, 4]);
    expect(first.nextBefore).toBe(4);
    const second = await log(ws, `?limit=2&before=${first.nextBefore}`);
    expect(second.entries.map((e) => e.seq)).toEqual([3, 2]);
    const last = await log(ws, `?limit=2&before=${second.nextBefore}`);
    expect(last).toMatchObject({ nextBefore: null });
    expect(last.entries.map((e) => e.seq)).toEqual([1]);
    expect((await log(ws, '?limit=5')).nextBefore).toBeNull();
    const other = await createIcp(ctx.server, 'Not audited', ws);
    expect((await log(ws, `?icpId=${other.id}`)).entries).toEqual([]);
  });

  /** The workspace's chain, oldest first, checked link by link against the documented recipe. */
  async function chain(ws: string): Promise<AuditEntryDto[]> {
    const all = (await log(ws, '?limit=200')).entries.reverse();
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    for (let i = 1; i < all.length; i++) expect(all[i]!.prevHash).toBe(all[i - 1]!.hash);
    for (const entry of all) expect(entry.hash).toBe(recompute(entry, ws, entry.actor?.id ?? null));
    expect(await verify(ws)).toEqual({ ok: true, checked: all.length, firstBroken: null });
    return all;
  }

  it('records invite links, joining, role changes and removals with their change', async () => {
    const ws = await workspace('Members');
    const owner = { id: ctx.server.admin!.userId, name: 'Olive Owner' };
    const invite = await createInvite(ctx.server, ws, { role: 'editor', function: 'sales' });
    const spare = await createInvite(ctx.server, ws, { role: 'commenter', approver: true });
    const joined = await acceptWithSignUp(ctx.server, invite.token, newPerson('Jo Joiner'));
    const member = `/api/workspaces/${ws}/members/${joined.user.id}`;
    expectStatus(
      await request(ctx.server, 'PATCH', member, {
        body: { role: 'commenter', function: 'marketing', approver: true },
      }),
      200,
      'changing the member',
    );
    // A change that changes nothing is not an event.
    expectStatus(await request(ctx.server, 'PATCH', member, { body: { role: 'commenter' } }), 200, 'no-op');
    const revoke = `/api/workspaces/${ws}/invites/${spare.invite.id}`;
    expect((await request(ctx.server, 'DELETE', revoke)).status).toBe(204);
    errorOf(await request(ctx.server, 'DELETE', revoke), 404, 'not_found');
    expect((await request(ctx.server, 'DELETE', member)).status).toBe(204);
    errorOf(await request(ctx.server, 'DELETE', member), 404, 'not_found');

    const entries = await chain(ws);
    expect(entries.map((e) => [e.kind, e.actor?.id ?? null, e.icpId])).toEqual([
      ['invite.created', owner.id, null],
      ['invite.created', owner.id, null],
      ['member.joined', joined.user.id, null],
      ['member.updated', owner.id, null],
      ['invite.revoked', owner.id, null],
      ['member.removed', owner.id, null],
    ]);
    const [created, , join, updated, revoked, removed] = entries;
    expect(created!.data).toEqual({
      inviteId: invite.invite.id,
      role: 'editor',
      function: 'sales',
      approver: false,
      expiresAt: invite.invite.expiresAt,
    });
    expect(JSON.stringify(entries)).not.toContain(invite.token);
    expect(join!.data).toEqual({
      userId: joined.user.id,
      name: 'Jo Joiner',
      role: 'editor',
      function: 'sales',
      approver: false,
      inviteId: invite.invite.id,
      invitedBy: owner.id,
    });
    expect(updated!.data).toEqual({
      userId: joined.user.id,
      name: 'Jo Joiner',
      before: { role: 'editor', function: 'sales', approver: false },
      after: { role: 'commenter', function: 'marketing', approver: true },
    });
    expect(revoked!.data).toMatchObject({
      inviteId: spare.invite.id,
      role: 'commenter',
      approver: true,
      uses: 0,
    });
    expect(removed!.data).toEqual({
      userId: joined.user.id,
      name: 'Jo Joiner',
      role: 'commenter',
      function: 'marketing',
      approver: true,
    });
  });

  it('records blocking threads marked, unmarked, resolved, reopened and deleted; not other threads', async () => {
    const ws = await workspace('Threads');
    const icp = await createIcp(ctx.server, 'Blocking plan', ws);
    const anchor = { type: 'criterion' as const, section: 'employees', itemId: null, quote: '50-500' };
    const blocking = await startThread(ctx.server, icp.id, 'Range is wrong', { blocking: true, anchor });
    const plain = await startThread(ctx.server, icp.id, 'Just a note');
    const call = (method: string, path: string, body?: unknown) =>
      request(ctx.server, method, `/api/comments/${path}`, body === undefined ? {} : { body });
    for (const [method, path, body] of [
      ['POST', `${plain.id}/resolve`],
      ['PATCH', blocking.id, { blocking: false }],
      ['PATCH', blocking.id, { blocking: true }],
      ['PATCH', blocking.id, { blocking: true }],
      ['POST', `${blocking.id}/resolve`],
      ['POST', `${blocking.id}/resolve`],
      ['POST', `${blocking.id}/reopen`],
      ['DELETE', plain.id],
      ['DELETE', blocking.id],
    ] as [string, string, unknown?][]) {
      const response = await call(method, path, body);
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
    }

    const entries = (await chain(ws)).filter((e) => e.kind.startsWith('thread.'));
    expect(entries.map((e) => e.kind)).toEqual([
      'thread.marked_blocking',
      'thread.unmarked_blocking',
      'thread.marked_blocking',
      'thread.resolved',
      'thread.reopened',
      'thread.deleted',
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        icpId: icp.id,
        icpTitle: 'Blocking plan',
        actor: { id: ctx.server.admin!.userId },
        data: { threadId: blocking.id, anchor: { type: 'criterion', section: 'employees', quote: '50-500' } },
      });
      expect(entry.data.excerpt).toBe('Range is wrong');
    }
    expect(entries.map((e) => e.data.newThread ?? null)).toEqual([true, false, false, null, null, null]);
    expect(entries[5]!.data.resolved).toBe(false);
    // The ICP filter finds them too.
    expect((await log(ws, `?icpId=${icp.id}`)).entries.map((e) => e.kind)).toContain('thread.reopened');
  });

  describe('tampering', () => {
    async function chain(name: string) {
      const ws = await workspace(name);
      const icp = await createIcp(ctx.server, name, ws);
      for (let n = 1; n <= 5; n++) await createVersion(ctx.server, icp.id, `v${n}`);
      expect((await verify(ws)).ok).toBe(true);
      return ws;
    }

    it('reports the entry whose data was altered as the first broken one, until it is put back', async () => {
      const ws = await chain('Altered data');
      const [row] = await ctx.storage.rows<{ data: string }>(
        'SELECT data FROM audit_log WHERE workspace_id = $1 AND seq = $2',
        [ws, 3],
      );
      const forged = row!.data.replace('"v3"', '"v3 (backdated)"');
      expect(forged).not.toBe(row!.data);
      expect(
        await ctx.storage.tamper('UPDATE audit_log SET data = $1 WHERE workspace_id = $2 AND seq = $3', [
          forged,
          ws,
          3,
        ]),
      ).toBe(1);
      const broken = await verify(ws);
      expect(broken).toMatchObject({ ok: false, checked: 5, firstBroken: { seq: 3 } });
      expect(broken.firstBroken!.reason).toMatch(/hash mismatch/);
      // The listing still shows what the row now says; verify is what tells it apart.
      expect((await log(ws)).entries.find((e) => e.seq === 3)!.data.name).toBe('v3 (backdated)');

      await ctx.storage.tamper('UPDATE audit_log SET data = $1 WHERE workspace_id = $2 AND seq = $3', [
        row!.data,
        ws,
        3,
      ]);
      expect(await verify(ws)).toEqual({ ok: true, checked: 5, firstBroken: null });
    });

    it('reports an entry whose hash was replaced, and a recomputed hash breaks the next link', async () => {
      const ws = await chain('Altered hash');
      await ctx.storage.tamper('UPDATE audit_log SET hash = $1 WHERE workspace_id = $2 AND seq = $3', [
        'f'.repeat(64),
        ws,
        2,
      ]);
      expect((await verify(ws)).firstBroken).toEqual({
        seq: 2,
        reason: expect.stringMatching(/hash mismatch/),
      });

      // A careful forger rewrites entry 4's data and its hash; the link from entry 5 gives it away.
      const ws2 = await chain('Forged hash');
      const [row] = await ctx.storage.rows<{
        data: string;
        prev_hash: string;
        actor_id: string | null;
        at: string;
        icp_id: string;
        kind: string;
      }>(
        'SELECT data, prev_hash, actor_id, at, icp_id, kind FROM audit_log WHERE workspace_id = $1 AND seq = $2',
        [ws2, 4],
      );
      const data = { ...JSON.parse(row!.data), name: 'forged' };
      const hash = createHash('sha256')
        .update(
          row!.prev_hash +
            canonicalStringify({
              seq: 4,
              workspaceId: ws2,
              icpId: row!.icp_id,
              kind: row!.kind,
              actorId: row!.actor_id,
              at: row!.at,
              data,
            }),
        )
        .digest('hex');
      await ctx.storage.tamper(
        'UPDATE audit_log SET data = $1, hash = $2 WHERE workspace_id = $3 AND seq = $4',
        [canonicalStringify(data), hash, ws2, 4],
      );
      expect((await verify(ws2)).firstBroken).toEqual({
        seq: 5,
        reason: expect.stringMatching(/broken link/),
      });
    });

    it('reports a deleted entry as the gap it leaves', async () => {
      const ws = await chain('Deleted entry');
      expect(
        await ctx.storage.tamper('DELETE FROM audit_log WHERE workspace_id = $1 AND seq = $2', [ws, 2]),
      ).toBe(1);
      const result = await verify(ws);
      expect(result).toMatchObject({ ok: false, checked: 4, firstBroken: { seq: 2 } });
      expect(result.firstBroken!.reason).toMatch(/missing entry/);
    });
  });

  describe('access', () => {
    const PATHS: [string, (ws: string) => string][] = [
      ['listAuditLog', (ws) => `/api/workspaces/${ws}/audit`],
      ['verifyAuditLog', (ws) => `/api/workspaces/${ws}/audit/verify`],
    ];

    it.each(PATHS)('%s requires authentication (401)', async (_op, path) => {
      for (const credentials of [null, { token: 'bye_not-a-real-token' }]) {
        errorOf(
          await request(ctx.server, 'GET', path(ctx.server.admin!.workspaceId), { as: credentials }),
          401,
          'unauthenticated',
        );
      }
    });

    it.each(PATHS)(
      '%s answers 404 for another workspace exactly as for an unknown one',
      async (_op, path) => {
        const ws = await workspace('Private');
        await createVersion(ctx.server, (await createIcp(ctx.server, 'Private plan', ws)).id, 'Secret');
        const toOther = await request(ctx.server, 'GET', path(ws), { as: as(viewer) });
        const toNowhere = await request(ctx.server, 'GET', path(randomUUID()), { as: as(viewer) });
        const malformed = await request(ctx.server, 'GET', path('acme'), { as: as(viewer) });
        for (const response of [toOther, toNowhere, malformed]) errorOf(response, 404, 'not_found');
        expect(toOther.body).toEqual(toNowhere.body);
        expect(JSON.stringify(toOther.body)).not.toMatch(/Private|Secret/);
      },
    );

    it('answers 404 for an icpId of another workspace and refuses bad queries (400 naming the field)', async () => {
      const acme = ctx.server.admin!.workspaceId;
      const ws = await workspace('Foreign');
      const foreign = await createIcp(ctx.server, 'Foreign plan', ws);
      errorOf(
        await request(ctx.server, 'GET', `/api/workspaces/${acme}/audit?icpId=${foreign.id}`),
        404,
        'not_found',
      );
      errorOf(
        await request(ctx.server, 'GET', `/api/workspaces/${acme}/audit?icpId=${randomUUID()}`),
        404,
        'not_found',
      );
      for (const [query, field] of [
        ['limit=0', 'limit'],
        ['limit=201', 'limit'],
        ['limit=ten', 'limit'],
        ['before=0', 'before'],
        ['before=x', 'before'],
        ['icpId=abc', 'icpId'],
        ['kind=version.created', 'kind'],
      ]) {
        errorOf(
          await request(ctx.server, 'GET', `/api/workspaces/${acme}/audit?${query}`),
          400,
          'invalid_input',
          field,
        );
      }
    });
  });
});
