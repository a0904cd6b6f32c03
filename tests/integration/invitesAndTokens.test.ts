import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addListItem,
  CloseCode,
  readList,
  type ApiTokenDto,
  type CreatedApiTokenDto,
  type InviteDto,
  type InviteInfoDto,
  type MeDto,
  type MemberDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import { createIcp, errorOf, request, type Credentials } from '../support/api.js';
import {
  acceptWithSignUp,
  addMember,
  browser,
  createInvite,
  expectStatus,
  newPerson,
  signIn,
} from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool, watchClose } from '../support/collabClient.js';
import { useServer } from '../support/harness.js';
import { collabUrl, expectUpgradeRefused } from '../support/rawSocket.js';
import { waitFor } from '../support/waitFor.js';

const HOUR = 3_600_000;

describe.each(BACKENDS)('invite links and API tokens on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  const workspaceId = () => ctx.server.admin!.workspaceId;
  const members = async (id = workspaceId()) =>
    expectStatus(
      await request<{ members: MemberDto[] }>(ctx.server, 'GET', `/api/workspaces/${id}/members`),
      200,
      'listing members',
    ).members;
  const invites = async (id = workspaceId()) =>
    expectStatus(
      await request<{ invites: InviteDto[] }>(ctx.server, 'GET', `/api/workspaces/${id}/invites`),
      200,
      'listing invites',
    ).invites;
  const inviteInfo = (token: string) =>
    request<InviteInfoDto>(ctx.server, 'GET', `/api/invites/${token}`, { as: null });

  describe('invite links', () => {
    it('creates a link with role, function and expiry; whoever holds it sees what it offers', async () => {
      const before = Date.now();
      const created = await createInvite(ctx.server, workspaceId(), {
        role: 'editor',
        function: 'marketing',
        expiresInHours: 24,
      });
      const after = Date.now();
      expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Without PUBLIC_URL, links are on the documented default origin, never the request's Host.
      expect(created.url).toBe(`http://localhost:${ctx.server.port}/invite/${created.token}`);
      expect(created.invite).toMatchObject({
        role: 'editor',
        function: 'marketing',
        approver: false,
        uses: 0,
        createdBy: { id: ctx.server.admin!.userId, email: ctx.server.admin!.email },
      });
      const expiresAt = Date.parse(created.invite.expiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(before + 24 * HOUR - 1000);
      expect(expiresAt).toBeLessThanOrEqual(after + 24 * HOUR + 1000);

      const info = await inviteInfo(created.token);
      expect(info.status).toBe(200);
      expect(info.body).toEqual({
        workspaceName: 'Acme',
        role: 'editor',
        function: 'marketing',
        expiresAt: created.invite.expiresAt,
      });

      // Listed for admins, but the link's secret is never shown again.
      const listed = await request<{ invites: InviteDto[] }>(
        ctx.server,
        'GET',
        `/api/workspaces/${workspaceId()}/invites`,
      );
      expect(listed.body.invites).toContainEqual(created.invite);
      expect(JSON.stringify(listed.body)).not.toContain(created.token);
    });

    it.each([
      ['an unknown role', { role: 'owner' }, 'role'],
      ['an unknown function', { role: 'viewer', function: 'legal' }, 'function'],
      ['an expiry of 0 hours', { role: 'viewer', expiresInHours: 0 }, 'expiresInHours'],
      ['an expiry beyond 30 days', { role: 'viewer', expiresInHours: 721 }, 'expiresInHours'],
      ['an unknown field', { role: 'viewer', uses: 99 }, 'uses'],
    ])('refuses an invite with %s (400 naming the field)', async (_case, body, field) => {
      const count = (await invites()).length;
      errorOf(
        await request(ctx.server, 'POST', `/api/workspaces/${workspaceId()}/invites`, { body }),
        400,
        'invalid_input',
        field,
      );
      expect(await invites()).toHaveLength(count);
    });

    it('signs up a new person with the link: account, membership with role and function, session cookie', async () => {
      const created = await createInvite(ctx.server, workspaceId(), { role: 'editor', function: 'product' });
      const person = newPerson('Nina New');
      const { user, cookie, workspace } = await acceptWithSignUp(ctx.server, created.token, person);
      expect(user).toMatchObject({ name: 'Nina New', email: person.email });
      expect(workspace).toMatchObject({
        id: workspaceId(),
        name: 'Acme',
        role: 'editor',
        function: 'product',
        approver: false,
      });

      const me = await request<MeDto>(ctx.server, 'GET', '/api/me', { as: { cookie } });
      expect(me.body.workspaces).toEqual([workspace]);
      expect(me.body.isOwner).toBe(false);
      const listed = (await members()).find((m) => m.user.id === user.id);
      expect(listed).toMatchObject({ role: 'editor', function: 'product', approver: false });
      // The session works for what the role allows: an editor creates ICPs.
      expect(
        (
          await request(ctx.server, 'POST', '/api/icps', {
            body: { title: 'By Nina', workspaceId: workspaceId() },
            as: browser(ctx.server, cookie),
          })
        ).status,
      ).toBe(201);

      // A link serves several people until it expires; the list counts them.
      expect((await invites()).find((i) => i.id === created.invite.id)?.uses).toBe(1);
      await acceptWithSignUp(ctx.server, created.token, newPerson('Otto Other'));
      expect((await invites()).find((i) => i.id === created.invite.id)?.uses).toBe(2);
    });

    it('lets a signed-in person join with an empty body, and never changes the role of an existing member', async () => {
      const person = await addMember(ctx.server, 'viewer');
      const beta = expectStatus(
        await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name: 'Beta' } }),
        201,
        'creating a workspace',
      );
      const toBeta = await createInvite(ctx.server, beta.id, { role: 'commenter', function: 'sales' });
      const joined = await request<{ workspace: WorkspaceDto }>(
        ctx.server,
        'POST',
        `/api/invites/${toBeta.token}/accept`,
        { body: {}, as: browser(ctx.server, person.cookie) },
      );
      expect(joined.status, JSON.stringify(joined.body)).toBe(200);
      expect(joined.body.workspace).toMatchObject({ id: beta.id, role: 'commenter', function: 'sales' });
      expect(joined.headers.getSetCookie()).toEqual([]);
      const me = await request<MeDto>(ctx.server, 'GET', '/api/me', { as: { token: person.token } });
      expect(me.body.workspaces.map((w) => [w.name, w.role])).toEqual([
        ['Acme', 'viewer'],
        ['Beta', 'commenter'],
      ]);

      // An admin link does not promote someone who is already a member.
      const adminLink = await createInvite(ctx.server, workspaceId(), { role: 'admin' });
      const again = await request<{ workspace: WorkspaceDto }>(
        ctx.server,
        'POST',
        `/api/invites/${adminLink.token}/accept`,
        { body: {}, as: { token: person.token } },
      );
      expect(again.status).toBe(200);
      expect(again.body.workspace.role).toBe('viewer');
      expect((await members()).find((m) => m.user.id === person.user.id)?.role).toBe('viewer');
      expect((await invites()).find((i) => i.id === adminLink.invite.id)?.uses).toBe(0);
    });

    it('refuses to sign up with an email that already has an account (409 email_taken)', async () => {
      const existing = await addMember(ctx.server, 'viewer');
      const link = await createInvite(ctx.server, workspaceId(), { role: 'admin' });
      const response = await request(ctx.server, 'POST', `/api/invites/${link.token}/accept`, {
        body: { name: 'Impostor', email: existing.email.toUpperCase(), password: 'impostor password' },
        as: null,
      });
      errorOf(response, 409, 'email_taken', 'email');
      expect(response.headers.getSetCookie()).toEqual([]);
      expect((await invites()).find((i) => i.id === link.invite.id)?.uses).toBe(0);
      expect((await members()).find((m) => m.user.id === existing.user.id)?.role).toBe('viewer');
      errorOf(await signIn(ctx.server, existing.email, 'impostor password'), 401, 'invalid_credentials');
      expect((await signIn(ctx.server, existing.email, existing.password)).status).toBe(200);
    });

    it('refuses a revoked link with 404 invite_not_found, for reading and for joining', async () => {
      const link = await createInvite(ctx.server, workspaceId(), { role: 'editor' });
      const signedIn = await addMember(ctx.server, 'viewer');
      const revoke = () =>
        request(ctx.server, 'DELETE', `/api/workspaces/${workspaceId()}/invites/${link.invite.id}`);
      expect((await revoke()).status).toBe(204);

      errorOf(await inviteInfo(link.token), 404, 'invite_not_found');
      const late = newPerson('Late Larry');
      errorOf(
        await request(ctx.server, 'POST', `/api/invites/${link.token}/accept`, { body: late, as: null }),
        404,
        'invite_not_found',
      );
      errorOf(await signIn(ctx.server, late.email, late.password), 401, 'invalid_credentials');
      errorOf(
        await request(ctx.server, 'POST', `/api/invites/${link.token}/accept`, {
          body: {},
          as: { token: signedIn.token },
        }),
        404,
        'invite_not_found',
      );
      expect((await members()).find((m) => m.user.id === signedIn.user.id)?.role).toBe('viewer');
      expect((await invites()).map((i) => i.id)).not.toContain(link.invite.id);
      errorOf(await revoke(), 404, 'not_found');

      // Links that never existed, or are not even shaped like one, look the same.
      errorOf(await inviteInfo(randomBytes(32).toString('base64url')), 404, 'invite_not_found');
      expect((await inviteInfo('not-a-token')).status).toBe(404);
    });

    it('lets only admins create, list and revoke invite links (403 for every other role)', async () => {
      const link = await createInvite(ctx.server, workspaceId(), { role: 'viewer' });
      for (const role of ['editor', 'commenter', 'viewer'] as const) {
        const member = await addMember(ctx.server, role);
        for (const as of [{ token: member.token }, browser(ctx.server, member.cookie)] as Credentials[]) {
          const base = `/api/workspaces/${workspaceId()}/invites`;
          errorOf(await request(ctx.server, 'GET', base, { as }), 403, 'forbidden');
          errorOf(await request(ctx.server, 'POST', base, { body: { role: 'admin' }, as }), 403, 'forbidden');
          errorOf(await request(ctx.server, 'DELETE', `${base}/${link.invite.id}`, { as }), 403, 'forbidden');
        }
      }
      expect((await inviteInfo(link.token)).status).toBe(200);
    });
  });

  describe('API tokens', () => {
    const createToken = (as: Credentials, name: string) =>
      request<CreatedApiTokenDto>(ctx.server, 'POST', '/api/tokens', { body: { name }, as });
    const listTokens = async (as: Credentials) =>
      expectStatus(
        await request<{ tokens: ApiTokenDto[] }>(ctx.server, 'GET', '/api/tokens', { as }),
        200,
        'listing tokens',
      ).tokens;

    it('shows the secret once (bye_…); the list shows its prefix but never the secret', async () => {
      const member = await addMember(ctx.server, 'editor');
      const created = await createToken(browser(ctx.server, member.cookie), '  CI script ');
      expect(created.status).toBe(201);
      const { token, secret } = created.body;
      expect(secret).toMatch(/^bye_[A-Za-z0-9_-]{43}$/);
      expect(token).toMatchObject({ name: 'CI script', prefix: secret.slice(0, 12), lastUsedAt: null });
      expect(token.prefix.startsWith('bye_')).toBe(true);

      const listed = await request(ctx.server, 'GET', '/api/tokens', { as: { cookie: member.cookie } });
      expect((listed.body as { tokens: ApiTokenDto[] }).tokens).toContainEqual(token);
      expect(JSON.stringify(listed.body)).not.toContain(secret);
      expect(JSON.stringify(listed.body)).not.toContain(secret.slice(12));

      // Someone else neither sees nor revokes it.
      const other = await addMember(ctx.server, 'admin');
      expect((await listTokens({ token: other.token })).map((t) => t.id)).not.toContain(token.id);
      errorOf(
        await request(ctx.server, 'DELETE', `/api/tokens/${token.id}`, { as: { token: other.token } }),
        404,
        'not_found',
      );
      expect((await request(ctx.server, 'GET', '/api/me', { as: { token: secret } })).status).toBe(200);

      errorOf(await createToken(browser(ctx.server, member.cookie), ''), 400, 'invalid_input', 'name');
      errorOf(
        await request(ctx.server, 'POST', '/api/tokens', { body: { name: 'x' }, as: null }),
        401,
        'unauthenticated',
      );
    });

    it('authenticates HTTP requests and the WebSocket upgrade with Authorization: Bearer', async () => {
      const member = await addMember(ctx.server, 'editor', { name: 'Tom Token' });
      const me = await request<MeDto>(ctx.server, 'GET', '/api/me', { as: { token: member.token } });
      expect(me.status).toBe(200);
      expect(me.body.user).toEqual(member.user);
      const icp = expectStatus(
        await request<{ id: string }>(ctx.server, 'POST', '/api/icps', {
          body: { title: 'Scripted', workspaceId: workspaceId() },
          as: { token: member.token },
        }),
        201,
        'creating an ICP with a token',
      );

      const admin = await pool.connect(ctx.server, icp.id);
      const script = await pool.connect(ctx.server, icp.id, { token: member.token });
      addListItem(script.doc, 'technologies', 'Written by a script');
      await waitFor(() =>
        expect(readList(admin.doc, 'technologies').map((i) => i.text)).toEqual(['Written by a script']),
      );
      // "Last used" shows the token is in use.
      await waitFor(async () => {
        const listed = await listTokens({ token: member.token });
        return expect(listed.find((t) => t.name === 'tests')?.lastUsedAt).not.toBeNull();
      });
    });

    it('revoking a token: 401 on HTTP, its open socket closes with 4401, other credentials keep working', async () => {
      const member = await addMember(ctx.server, 'editor');
      const created = expectStatus(
        await createToken(browser(ctx.server, member.cookie), 'to revoke'),
        201,
        'creating a token',
      );
      const icp = await createIcp(ctx.server, 'Revoked token');
      const byToken = await pool.connect(ctx.server, icp.id, { token: created.secret });
      const byOtherToken = await pool.connect(ctx.server, icp.id, { token: member.token });
      const closeCode = watchClose(byToken);

      const revoke = await request(ctx.server, 'DELETE', `/api/tokens/${created.token.id}`, {
        as: browser(ctx.server, member.cookie),
      });
      expect(revoke.status).toBe(204);
      expect(await waitFor(closeCode, { timeoutMs: 2_000 })).toBe(CloseCode.unauthorized);
      expect(byToken.provider.shouldConnect).toBe(false);

      errorOf(
        await request(ctx.server, 'GET', '/api/me', { as: { token: created.secret } }),
        401,
        'unauthenticated',
      );
      const refused = await expectUpgradeRefused(collabUrl(ctx.server, icp.id), {
        authorization: `Bearer ${created.secret}`,
      });
      expect(refused.status).toBe(401);
      expect((await listTokens({ cookie: member.cookie })).map((t) => t.id)).not.toContain(created.token.id);
      errorOf(
        await request(ctx.server, 'DELETE', `/api/tokens/${created.token.id}`, {
          as: browser(ctx.server, member.cookie),
        }),
        404,
        'not_found',
      );

      // The member's other token and its socket are untouched.
      expect(byOtherToken.provider.wsconnected).toBe(true);
      addListItem(byOtherToken.doc, 'industries', 'Still here');
      const fresh = await pool.connect(ctx.server, icp.id);
      await waitFor(() =>
        expect(readList(fresh.doc, 'industries').map((i) => i.text)).toEqual(['Still here']),
      );
    });

    it('refuses a garbage Bearer with 401 even when a valid session cookie is also sent', async () => {
      const member = await addMember(ctx.server, 'admin');
      const icp = await createIcp(ctx.server, 'Garbage bearer');
      const garbage = [
        'Bearer bye_thisisnotarealtoken',
        `Bearer bye_${randomBytes(32).toString('base64url')}`,
        'Bearer not-even-prefixed',
        'Basic b3duZXJAZXhhbXBsZS5jb206cGFzc3dvcmQ=',
        'Bearer',
      ];
      for (const authorization of garbage) {
        const headers = { authorization, cookie: member.cookie };
        errorOf(await request(ctx.server, 'GET', '/api/me', { as: null, headers }), 401, 'unauthenticated');
        errorOf(
          await request(ctx.server, 'POST', '/api/icps', {
            body: { title: 'Should not exist', workspaceId: workspaceId() },
            as: null,
            headers: { ...headers, origin: ctx.server.origin },
          }),
          401,
          'unauthenticated',
        );
        expect(
          (await expectUpgradeRefused(collabUrl(ctx.server, icp.id), headers)).status,
          authorization,
        ).toBe(401);
      }
      const list = await request<{ icps: { title: string }[] }>(
        ctx.server,
        'GET',
        `/api/icps?workspaceId=${workspaceId()}`,
      );
      expect(list.body.icps.map((i) => i.title)).not.toContain('Should not exist');
      // The cookie alone is fine.
      expect((await request(ctx.server, 'GET', '/api/me', { as: { cookie: member.cookie } })).status).toBe(
        200,
      );
      errorOf(
        await request(ctx.server, 'DELETE', `/api/tokens/${randomUUID()}`, { as: { token: member.token } }),
        404,
        'not_found',
      );
    });
  });
});
