import { describe, expect, it } from 'vitest';
import type { MeDto } from '@bullseye/shared';
import { errorOf, request, type ApiResponse } from '../support/api.js';
import { addMember, browser, createInvite, newPerson } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { rawRequest } from '../support/fromAddress.js';
import { useServer } from '../support/harness.js';

/** Distinct client addresses: all of 127.0.0.0/8 reaches the server on 127.0.0.1. */
const SPRAYER = '127.0.0.3';
const BYSTANDER = '127.0.0.2';

const signInFrom = (ctx: ReturnType<typeof useServer>, from: string, email: string, password: string) =>
  rawRequest<MeDto>(ctx.server, 'POST', '/api/session', { body: { email, password }, from });

/** A 429 that says why, in the envelope, and when to come back. */
function expectRateLimited(response: ApiResponse): void {
  errorOf(response, 429, 'rate_limited');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe.each(BACKENDS)('sign-in abuse on %s', (backend) => {
  const ctx = useServer(backend, {
    LOGIN_MAX_ATTEMPTS: '3',
    LOGIN_MAX_PER_ADDRESS: '20',
    LOGIN_MAX_PER_ACCOUNT: '5',
  });

  it('refuses most of a 150-request password spray from one address, and another person signs in ahead of it', async () => {
    const legit = await addMember(ctx.server, 'editor');
    // Completion order of every answer: the spray's and the legitimate sign-in's.
    let finished = 0;
    let firstRefusal!: () => void;
    const refused = new Promise<void>((resolve) => (firstRefusal = resolve));
    const spray = Array.from({ length: 150 }, async (_, i) => {
      const response = await signInFrom(ctx, SPRAYER, `victim${i}@example.com`, 'Summer2024!');
      if (response.status === 429) firstRefusal();
      return { response, order: finished++ };
    });

    // Once the server has started refusing, the spray's admitted attempts are hashing or waiting.
    await refused;
    const mine = signInFrom(ctx, BYSTANDER, legit.email, legit.password).then((response) => ({
      response,
      order: finished++,
    }));
    const sprayed = await Promise.all(spray);
    const signedIn = await mine;

    expect(signedIn.response.status).toBe(200);
    expect(signedIn.response.body.user.id).toBe(legit.user.id);

    const statuses = sprayed.map((s) => s.response.status);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    const refusals = sprayed.filter((s) => s.response.status === 429);
    // At most LOGIN_MAX_PER_ADDRESS of them were let through to a password check.
    expect(refusals.length).toBeGreaterThanOrEqual(130);
    for (const { response } of refusals) expectRateLimited(response);
    for (const s of sprayed.filter((r) => r.response.status === 401)) {
      errorOf(s.response, 401, 'invalid_credentials');
    }
    // Checked passwords are served round-robin per address: the bystander's did not wait behind
    // the spray's queued hashes, so it was answered before the spray's last checked attempt.
    const lastChecked = Math.max(...sprayed.filter((s) => s.response.status === 401).map((s) => s.order));
    expect(signedIn.order).toBeLessThan(lastChecked);

    // The spraying address stays refused, even with a right password; others are unaffected.
    expectRateLimited(await signInFrom(ctx, SPRAYER, legit.email, legit.password));
    expect((await signInFrom(ctx, BYSTANDER, legit.email, legit.password)).status).toBe(200);
  });

  it('limits failures for one account across addresses (LOGIN_MAX_PER_ACCOUNT), not others', async () => {
    const target = await addMember(ctx.server, 'viewer');
    const other = await addMember(ctx.server, 'viewer');
    // 3 from one address (its per-address-and-email limit), 2 from another: 5 for the account.
    for (const from of ['127.0.0.11', '127.0.0.11', '127.0.0.11', '127.0.0.12', '127.0.0.12']) {
      errorOf(await signInFrom(ctx, from, target.email, 'a wrong guess here'), 401, 'invalid_credentials');
    }
    // A third address, with the right password: the account is resting.
    expectRateLimited(await signInFrom(ctx, '127.0.0.13', target.email, target.password));
    expectRateLimited(await signInFrom(ctx, '127.0.0.13', target.email.toUpperCase(), target.password));
    // Other accounts, from the same addresses, are not.
    expect((await signInFrom(ctx, '127.0.0.13', other.email, other.password)).status).toBe(200);
    expect((await signInFrom(ctx, '127.0.0.12', other.email, other.password)).status).toBe(200);
    // Existing sessions of the target keep working.
    expect((await request(ctx.server, 'GET', '/api/me', { as: { cookie: target.cookie } })).status).toBe(200);
  });

  it('refuses one of the most common passwords when joining by invite (400 naming password)', async () => {
    const invite = await createInvite(ctx.server, ctx.server.admin!.workspaceId, { role: 'viewer' });
    const person = { ...newPerson('Common Carl'), password: 'Password1234' };
    const refused = await request(ctx.server, 'POST', `/api/invites/${invite.token}/accept`, {
      body: person,
      as: null,
    });
    errorOf(refused, 400, 'common_password', 'password');
    expect(refused.headers.getSetCookie()).toEqual([]);
    // Nothing was created: the same email signs up with a better password.
    const accepted = await request(ctx.server, 'POST', `/api/invites/${invite.token}/accept`, {
      body: { ...person, password: 'a much less guessable passphrase' },
      as: null,
    });
    expect(accepted.status).toBe(201);
  });

  it('refuses one of the most common passwords as a new password (400 naming newPassword)', async () => {
    const member = await addMember(ctx.server, 'viewer');
    const change = (newPassword: string) =>
      request(ctx.server, 'POST', '/api/me/password', {
        body: { currentPassword: member.password, newPassword },
        as: browser(ctx.server, member.cookie),
      });
    errorOf(await change('qwerty123456'), 400, 'common_password', 'newPassword');
    // The password did not change.
    expect((await signInFrom(ctx, '127.0.0.21', member.email, member.password)).status).toBe(200);
    expect((await change('another fine passphrase')).status).toBe(204);
  });
});
