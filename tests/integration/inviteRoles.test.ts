import { describe, expect, it } from 'vitest';
import type { InviteDto, MemberDto, SessionDto } from '@bullseye/shared';
import { errorOf, request } from '../support/api.js';
import { addMember, createInvite, expectStatus } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { useServer } from '../support/harness.js';

describe.each(BACKENDS)('invite roles and the session read on %s', (backend) => {
  const ctx = useServer(backend);
  const workspaceId = () => ctx.server.admin!.workspaceId;

  it('refuses an invite link that makes a viewer an approver, with 400 naming the approver field', async () => {
    const before = expectStatus(
      await request<{ invites: InviteDto[] }>(ctx.server, 'GET', `/api/workspaces/${workspaceId()}/invites`),
      200,
      'listing invites',
    ).invites.length;
    const refused = errorOf(
      await request(ctx.server, 'POST', `/api/workspaces/${workspaceId()}/invites`, {
        body: { role: 'viewer', function: 'sales', approver: true },
      }),
      400,
      'invalid_input',
      'approver',
    );
    expect(refused.message).toBe(
      'approver: viewers cannot approve: choose the commenter role or above, or leave approver off',
    );
    // Nothing was created.
    const after = expectStatus(
      await request<{ invites: InviteDto[] }>(ctx.server, 'GET', `/api/workspaces/${workspaceId()}/invites`),
      200,
      'listing invites',
    ).invites.length;
    expect(after).toBe(before);

    // A viewer without the flag, and an approver with any other role, are fine.
    expect(
      (await createInvite(ctx.server, workspaceId(), { role: 'viewer', approver: false })).invite,
    ).toMatchObject({
      role: 'viewer',
      approver: false,
    });
    expect(
      (await createInvite(ctx.server, workspaceId(), { role: 'commenter', approver: true })).invite,
    ).toMatchObject({ role: 'commenter', approver: true });
  });

  it('refuses making a member a viewer and an approver in one change', async () => {
    const member = await addMember(ctx.server, 'commenter', { name: 'Rae Reader' });
    errorOf(
      await request(ctx.server, 'PATCH', `/api/workspaces/${workspaceId()}/members/${member.user.id}`, {
        body: { role: 'viewer', approver: true },
      }),
      400,
      'invalid_input',
      'approver',
    );
  });

  it('makes an approver a viewer by ending their approving, and refuses approving for a viewer', async () => {
    const member = await addMember(ctx.server, 'commenter', { name: 'Abe Approver' });
    const path = `/api/workspaces/${workspaceId()}/members/${member.user.id}`;
    const approving = await request<MemberDto>(ctx.server, 'PATCH', path, { body: { approver: true } });
    expect(approving.body).toMatchObject({ role: 'commenter', approver: true });
    const demoted = await request<MemberDto>(ctx.server, 'PATCH', path, { body: { role: 'viewer' } });
    expect(demoted.status).toBe(200);
    expect(demoted.body).toMatchObject({ role: 'viewer', approver: false });
    errorOf(
      await request(ctx.server, 'PATCH', path, { body: { approver: true } }),
      400,
      'invalid_input',
      'approver',
    );
  });

  it('answers GET /api/session with 200 signed in or not, never 401', async () => {
    const signedOut = await request<SessionDto>(ctx.server, 'GET', '/api/session', { as: null });
    expect(signedOut.status).toBe(200);
    expect(signedOut.body).toEqual({
      me: null,
      instance: { needsSetup: false, signupOpen: expect.any(Boolean) },
    });
    const signedIn = await request<SessionDto>(ctx.server, 'GET', '/api/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.me?.user.id).toBe(ctx.server.admin!.userId);
  });
});
