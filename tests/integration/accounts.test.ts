import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, type ApiTokenDto, type InstanceDto, type MeDto } from '@bullseye/shared';
import { createIcp, errorOf, request } from '../support/api.js';
import {
  addMember,
  browser,
  cookieFrom,
  MEMBER_PASSWORD,
  newPerson,
  signIn,
  type Person,
} from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { useServer } from '../support/harness.js';
import { collabUrl, expectUpgradeRefused, RawCollabSocket } from '../support/rawSocket.js';

const FOREIGN_ORIGIN = 'https://evil.example';

/** The attributes of one Set-Cookie line, lower-cased names (`httponly`, `samesite`, ...). */
function cookieAttributes(line: string): { name: string; attributes: Map<string, string> } {
  const [pair, ...rest] = line.split(';').map((part) => part.trim());
  const attributes = new Map<string, string>();
  for (const attribute of rest) {
    const [key, value = ''] = attribute.split('=');
    attributes.set(key!.toLowerCase(), value);
  }
  return { name: pair!.split('=')[0]!, attributes };
}

describe.each(BACKENDS)('accounts on %s', (backend) => {
  describe('first run', () => {
    const ctx = useServer(backend, {}, { provision: false });
    const owner: Person & { workspaceName: string } = {
      ...newPerson('Olga Owner'),
      workspaceName: 'Founders',
    };

    it.each([
      ['an invalid email', { email: 'not-an-email' }, 'email'],
      ['a password that is too short', { password: 'short' }, 'password'],
      ['an empty workspace name', { workspaceName: '  ' }, 'workspaceName'],
      ['an unknown field', { role: 'admin' }, 'role'],
    ])('refuses setup with %s (400 naming the field) and still needs setup', async (_case, patch, field) => {
      const response = await request(ctx.server, 'POST', '/api/setup', {
        body: { ...owner, ...patch },
        as: null,
      });
      errorOf(response, 400, 'invalid_input', field);
      expect(response.headers.getSetCookie()).toEqual([]);
      const instance = await request<InstanceDto>(ctx.server, 'GET', '/api/instance', { as: null });
      expect(instance.body).toEqual({ needsSetup: true, signupOpen: false });
    });

    it('refuses setup with one of the most common passwords (400 common_password naming password)', async () => {
      const response = await request(ctx.server, 'POST', '/api/setup', {
        body: { ...owner, password: 'letmein123' },
        as: null,
      });
      errorOf(response, 400, 'common_password', 'password');
      expect(response.headers.getSetCookie()).toEqual([]);
      const instance = await request<InstanceDto>(ctx.server, 'GET', '/api/instance', { as: null });
      expect(instance.body).toEqual({ needsSetup: true, signupOpen: false });
    });

    it('creates the owner and the first workspace, and signs in with an httpOnly, SameSite=Lax cookie', async () => {
      const before = await request<InstanceDto>(ctx.server, 'GET', '/api/instance', { as: null });
      expect(before.status).toBe(200);
      expect(before.body).toEqual({ needsSetup: true, signupOpen: false });

      const setup = await request<MeDto>(ctx.server, 'POST', '/api/setup', { body: owner, as: null });
      expect(setup.status, JSON.stringify(setup.body)).toBe(201);
      expect(setup.body.user).toMatchObject({ name: owner.name, email: owner.email });
      expect(setup.body.isOwner).toBe(true);
      expect(setup.body.workspaces).toEqual([
        expect.objectContaining({
          name: 'Founders',
          role: 'admin',
          abilities: { read: true, comment: true, edit: true, manageIcps: true, manageMembers: true },
        }),
      ]);

      const lines = setup.headers.getSetCookie();
      const session = lines.map(cookieAttributes).find((c) => c.name.includes('session_token'));
      expect(session, lines.join('\n')).toBeDefined();
      for (const line of lines) {
        const { name, attributes } = cookieAttributes(line);
        expect(attributes.has('httponly'), `${name} is httpOnly`).toBe(true);
        expect(attributes.get('samesite')?.toLowerCase(), `${name} is SameSite=Lax`).toBe('lax');
        expect(attributes.get('path'), `${name} is sent on every path`).toBe('/');
        // Plain HTTP (no https PUBLIC_URL): a Secure cookie would never come back.
        expect(attributes.has('secure'), `${name} is not Secure over http`).toBe(false);
      }

      const cookie = cookieFrom(setup.headers);
      const me = await request<MeDto>(ctx.server, 'GET', '/api/me', { as: { cookie } });
      expect(me.status).toBe(200);
      expect(me.body).toEqual(setup.body);
      const after = await request<InstanceDto>(ctx.server, 'GET', '/api/instance', { as: null });
      expect(after.body).toEqual({ needsSetup: false, signupOpen: false });
    });

    it('refuses a second setup with 409 already_set_up and creates no account', async () => {
      const intruder = { ...newPerson('Ivan Intruder'), workspaceName: 'Takeover' };
      const response = await request(ctx.server, 'POST', '/api/setup', { body: intruder, as: null });
      errorOf(response, 409, 'already_set_up');
      expect(response.headers.getSetCookie()).toEqual([]);
      errorOf(await signIn(ctx.server, intruder.email, intruder.password), 401, 'invalid_credentials');

      const ownerSession = await signIn(ctx.server, owner.email, owner.password);
      expect(ownerSession.status).toBe(200);
      expect((ownerSession.body as MeDto).isOwner).toBe(true);
    });
  });

  describe('concurrent first run', () => {
    const ctx = useServer(backend, {}, { provision: false });

    it('lets exactly one of several simultaneous setups become the owner', async () => {
      const people = ['Ada', 'Ben', 'Cy'].map((name) => ({ ...newPerson(name), workspaceName: name }));
      const responses = await Promise.all(
        people.map((body) => request<MeDto>(ctx.server, 'POST', '/api/setup', { body, as: null })),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses, JSON.stringify(responses.map((r) => r.body))).toEqual([201, 409, 409]);
      for (const [i, person] of people.entries()) {
        const won = responses[i]!.status === 201;
        // The losers' accounts are gone: only the owner can sign in.
        expect((await signIn(ctx.server, person.email, person.password)).status, person.name).toBe(
          won ? 200 : 401,
        );
      }
    });
  });

  describe('sessions, passwords and sign-up', () => {
    const ctx = useServer(backend, { LOGIN_MAX_ATTEMPTS: '3' });
    const pool = new ClientPool();
    afterEach(() => pool.destroyAll());

    it('answers a wrong password and an unknown email with the identical 401', async () => {
      const member = await addMember(ctx.server, 'viewer');
      const wrongPassword = await signIn(ctx.server, member.email, 'not the password at all');
      const unknownEmail = await signIn(ctx.server, 'nobody.here@example.com', member.password);
      errorOf(wrongPassword, 401, 'invalid_credentials');
      expect(unknownEmail.status).toBe(401);
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(wrongPassword.headers.getSetCookie()).toEqual([]);
      expect(unknownEmail.headers.getSetCookie()).toEqual([]);

      const ok = await signIn(ctx.server, member.email.toUpperCase(), member.password);
      expect(ok.status).toBe(200);
      expect((ok.body as MeDto).user.id).toBe(member.user.id);
    });

    it('rate-limits sign-in after LOGIN_MAX_ATTEMPTS failures for that email (429), even with the right password', async () => {
      const target = await addMember(ctx.server, 'editor');
      const bystander = await addMember(ctx.server, 'editor');
      for (let attempt = 1; attempt <= 3; attempt++) {
        errorOf(
          await signIn(ctx.server, target.email, `guess number ${attempt}`),
          401,
          'invalid_credentials',
        );
      }
      errorOf(await signIn(ctx.server, target.email, 'guess number 4'), 429, 'rate_limited');
      errorOf(await signIn(ctx.server, target.email, target.password), 429, 'rate_limited');
      // Another person signing in from the same address is not locked out.
      expect((await signIn(ctx.server, bystander.email, bystander.password)).status).toBe(200);
      // The target's existing session and token keep working.
      expect((await request(ctx.server, 'GET', '/api/me', { as: { cookie: target.cookie } })).status).toBe(
        200,
      );
    });

    it('signing out without credentials (or with only an API token) answers 204 and revokes nothing', async () => {
      const member = await addMember(ctx.server, 'viewer');
      const anonymous = await request(ctx.server, 'DELETE', '/api/session', { as: null });
      expect(anonymous.status).toBe(204);
      const withToken = await request(ctx.server, 'DELETE', '/api/session', { as: { token: member.token } });
      expect(withToken.status).toBe(204);
      expect((await request(ctx.server, 'GET', '/api/me', { as: { token: member.token } })).status).toBe(200);
      expect((await request(ctx.server, 'GET', '/api/me', { as: { cookie: member.cookie } })).status).toBe(
        200,
      );
    });

    it('signing out with a token and a cookie ends the cookie session and closes its socket', async () => {
      const member = await addMember(ctx.server, 'editor');
      const icp = await createIcp(ctx.server, 'Signed out by a script');
      const session = await signIn(ctx.server, member.email, member.password);
      const cookie = cookieFrom(session.headers);
      const socket = pool.track(await RawCollabSocket.open(collabUrl(ctx.server, icp.id), { cookie }));

      const signOut = await request(ctx.server, 'DELETE', '/api/session', {
        as: { token: member.token },
        headers: { cookie },
      });
      expect(signOut.status).toBe(204);
      errorOf(await request(ctx.server, 'GET', '/api/me', { as: { cookie } }), 401, 'unauthenticated');
      expect((await socket.closedWithin()).code).toBe(CloseCode.unauthorized);
    });

    it('signs out: the old cookie no longer works on HTTP, and its open socket is closed with 4401', async () => {
      const member = await addMember(ctx.server, 'editor');
      const icp = await createIcp(ctx.server, 'Signed out');
      const session = await signIn(ctx.server, member.email, member.password);
      expect(session.status).toBe(200);
      const cookie = cookieFrom(session.headers);
      expect((await request(ctx.server, 'GET', '/api/me', { as: { cookie } })).status).toBe(200);
      const socket = pool.track(await RawCollabSocket.open(collabUrl(ctx.server, icp.id), { cookie }));
      // A socket of another session of the same person stays open.
      const other = pool.track(
        await RawCollabSocket.open(collabUrl(ctx.server, icp.id), { cookie: member.cookie }),
      );

      // A foreign page cannot sign the person out.
      errorOf(
        await request(ctx.server, 'DELETE', '/api/session', { as: { cookie, origin: FOREIGN_ORIGIN } }),
        403,
        'origin_not_allowed',
      );
      expect((await request(ctx.server, 'GET', '/api/me', { as: { cookie } })).status).toBe(200);

      const signOut = await request(ctx.server, 'DELETE', '/api/session', {
        as: browser(ctx.server, cookie),
      });
      expect(signOut.status).toBe(204);
      errorOf(await request(ctx.server, 'GET', '/api/me', { as: { cookie } }), 401, 'unauthenticated');
      expect((await socket.closedWithin()).code).toBe(CloseCode.unauthorized);
      expect((await expectUpgradeRefused(collabUrl(ctx.server, icp.id), { cookie })).status).toBe(401);

      await other.roundTrip();
      expect(other.isClosed).toBe(false);
      expect((await request(ctx.server, 'GET', '/api/me', { as: { cookie: member.cookie } })).status).toBe(
        200,
      );
    });

    it('changes the password: the current one must be right; then only the new one signs in, other sessions end', async () => {
      const member = await addMember(ctx.server, 'commenter');
      const otherDevice = cookieFrom((await signIn(ctx.server, member.email, member.password)).headers);
      const newPassword = 'a brand new passphrase';
      const icp = await createIcp(ctx.server, 'Password change');
      const open = (headers: Record<string, string>) =>
        RawCollabSocket.open(collabUrl(ctx.server, icp.id), headers).then((s) => pool.track(s));
      const otherDeviceSocket = await open({ cookie: otherDevice });
      const thisBrowserSocket = await open({ cookie: member.cookie });
      const scriptSocket = await open({ authorization: `Bearer ${member.token}` });

      const wrong = await request(ctx.server, 'POST', '/api/me/password', {
        body: { currentPassword: 'not my password', newPassword },
        as: browser(ctx.server, member.cookie),
      });
      errorOf(wrong, 400, 'wrong_password', 'currentPassword');
      expect((await request(ctx.server, 'GET', '/api/me', { as: { cookie: otherDevice } })).status).toBe(200);

      const tooShort = await request(ctx.server, 'POST', '/api/me/password', {
        body: { currentPassword: member.password, newPassword: 'short' },
        as: browser(ctx.server, member.cookie),
      });
      errorOf(tooShort, 400, 'invalid_input', 'newPassword');

      const changed = await request(ctx.server, 'POST', '/api/me/password', {
        body: { currentPassword: member.password, newPassword },
        as: browser(ctx.server, member.cookie),
      });
      expect(changed.status, JSON.stringify(changed.body)).toBe(204);
      // The browser that changed it stays signed in with the cookie it was given.
      const renewed = cookieFrom(changed.headers) || member.cookie;
      expect((await request(ctx.server, 'GET', '/api/me', { as: { cookie: renewed } })).status).toBe(200);
      errorOf(
        await request(ctx.server, 'GET', '/api/me', { as: { cookie: otherDevice } }),
        401,
        'unauthenticated',
      );

      // The signed-out device's socket is closed; this browser's and the API token's stay open.
      expect((await otherDeviceSocket.closedWithin()).code).toBe(CloseCode.unauthorized);
      await thisBrowserSocket.roundTrip();
      await scriptSocket.roundTrip();
      expect(thisBrowserSocket.isClosed || scriptSocket.isClosed).toBe(false);

      errorOf(await signIn(ctx.server, member.email, member.password), 401, 'invalid_credentials');
      expect((await signIn(ctx.server, member.email, newPassword)).status).toBe(200);
    });

    it('refuses to change the password with an API token (403 session_required); the password stays', async () => {
      const member = await addMember(ctx.server, 'editor');
      const body = { currentPassword: member.password, newPassword: 'changed by a script' };
      errorOf(
        await request(ctx.server, 'POST', '/api/me/password', { body, as: { token: member.token } }),
        403,
        'session_required',
      );
      // Not even for the person whose session cookie rides along with someone else's token.
      const other = await addMember(ctx.server, 'viewer');
      errorOf(
        await request(ctx.server, 'POST', '/api/me/password', {
          body,
          as: { token: other.token },
          headers: { cookie: member.cookie, origin: ctx.server.origin },
        }),
        403,
        'session_required',
      );
      expect((await signIn(ctx.server, member.email, member.password)).status).toBe(200);
      errorOf(await signIn(ctx.server, member.email, body.newPassword), 401, 'invalid_credentials');
    });

    it('keeps sign-up closed by default; the owner opens it, then anyone can sign up', async () => {
      const instance = await request<InstanceDto>(ctx.server, 'GET', '/api/instance', { as: null });
      expect(instance.body).toEqual({ needsSetup: false, signupOpen: false });
      const early = newPerson('Early Bird');
      errorOf(
        await request(ctx.server, 'POST', '/api/signup', { body: early, as: null }),
        403,
        'signup_closed',
      );
      errorOf(await signIn(ctx.server, early.email, early.password), 401, 'invalid_credentials');

      const opened = await request<InstanceDto>(ctx.server, 'PATCH', '/api/instance', {
        body: { signupOpen: true },
      });
      expect(opened.status).toBe(200);
      expect(opened.body).toEqual({ needsSetup: false, signupOpen: true });
      try {
        const signUp = await request<MeDto>(ctx.server, 'POST', '/api/signup', { body: early, as: null });
        expect(signUp.status, JSON.stringify(signUp.body)).toBe(201);
        expect(signUp.body).toMatchObject({ user: { email: early.email }, isOwner: false, workspaces: [] });
        const me = await request<MeDto>(ctx.server, 'GET', '/api/me', {
          as: { cookie: cookieFrom(signUp.headers) },
        });
        expect(me.status).toBe(200);
        expect(me.body.user.email).toBe(early.email);

        errorOf(
          await request(ctx.server, 'POST', '/api/signup', { body: { ...early, name: 'Copycat' }, as: null }),
          409,
          'email_taken',
          'email',
        );
      } finally {
        await request(ctx.server, 'PATCH', '/api/instance', { body: { signupOpen: false } });
      }
      errorOf(
        await request(ctx.server, 'POST', '/api/signup', { body: newPerson('Too Late'), as: null }),
        403,
        'signup_closed',
      );
    });

    it('lets only the owner change the instance settings (a workspace admin gets 403)', async () => {
      const admin = await addMember(ctx.server, 'admin');
      for (const as of [{ token: admin.token }, browser(ctx.server, admin.cookie)]) {
        errorOf(
          await request(ctx.server, 'PATCH', '/api/instance', { body: { signupOpen: true }, as }),
          403,
          'forbidden',
        );
      }
      errorOf(
        await request(ctx.server, 'PATCH', '/api/instance', { body: { signupOpen: true }, as: null }),
        401,
        'unauthenticated',
      );
      errorOf(
        await request(ctx.server, 'PATCH', '/api/instance', { body: { signupOpen: 'yes' } }),
        400,
        'invalid_input',
        'signupOpen',
      );
      const instance = await request<InstanceDto>(ctx.server, 'GET', '/api/instance', { as: null });
      expect(instance.body.signupOpen).toBe(false);
    });

    it('refuses cookie-authenticated changes from a foreign Origin or without one (CSRF)', async () => {
      const member = await addMember(ctx.server, 'viewer');
      const create = (name: string, headers: Record<string, string>) =>
        request(ctx.server, 'POST', '/api/tokens', {
          body: { name },
          as: { cookie: member.cookie },
          headers,
        });

      errorOf(await create('from evil', { origin: FOREIGN_ORIGIN }), 403, 'origin_not_allowed');
      errorOf(await create('from nowhere', {}), 403, 'origin_required');
      expect((await create('from our page', { origin: ctx.server.origin })).status).toBe(201);
      // A foreign page cannot use an API token either; a script without Origin can.
      errorOf(
        await request(ctx.server, 'POST', '/api/tokens', {
          body: { name: 'token from evil' },
          as: { token: member.token },
          headers: { origin: FOREIGN_ORIGIN },
        }),
        403,
        'origin_not_allowed',
      );
      expect(
        (
          await request(ctx.server, 'POST', '/api/tokens', {
            body: { name: 'script' },
            as: { token: member.token },
          })
        ).status,
      ).toBe(201);

      const list = await request<{ tokens: ApiTokenDto[] }>(ctx.server, 'GET', '/api/tokens', {
        as: { cookie: member.cookie },
      });
      expect(list.status).toBe(200);
      expect(list.body.tokens.map((t) => t.name).sort()).toEqual(['from our page', 'script', 'tests']);
    });

    it.each([
      ['sign-in with an invalid email', '/api/session', { email: 'nope', password: 'whatever' }, 'email'],
      [
        'sign-in with an unknown field',
        '/api/session',
        { email: 'x@example.com', password: 'p', remember: true },
        'remember',
      ],
      ['sign-in without a password', '/api/session', { email: 'y@example.com' }, 'password'],
      [
        'sign-up with an invalid email',
        '/api/signup',
        { name: 'N', email: 'a@b', password: MEMBER_PASSWORD },
        'email',
      ],
      [
        'sign-up with a short password',
        '/api/signup',
        { name: 'N', email: 'n@example.com', password: 'short' },
        'password',
      ],
      [
        'sign-up with an unknown field',
        '/api/signup',
        { name: 'N', email: 'm@example.com', password: MEMBER_PASSWORD, admin: true },
        'admin',
      ],
      [
        'sign-up with an empty name',
        '/api/signup',
        { name: ' ', email: 'o@example.com', password: MEMBER_PASSWORD },
        'name',
      ],
    ])('refuses %s with 400 naming the field', async (_case, path, body, field) => {
      const response = await request(ctx.server, 'POST', path, { body, as: null });
      errorOf(response, 400, 'invalid_input', field);
      expect(response.headers.getSetCookie()).toEqual([]);
    });
  });
});
