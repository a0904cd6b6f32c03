import { describe, expect, it } from 'vitest';
import type { CreatedInviteDto } from '@bullseye/shared';
import { createIcp, errorOf, isHealthy } from '../support/api.js';
import { BACKENDS } from '../support/backends.js';
import { rawRequest } from '../support/fromAddress.js';
import { useServer } from '../support/harness.js';

/** Routes that take a JSON body, with a body each would otherwise accept or refuse as 4xx. */
const bodyRoutes = (workspaceId: string, icpId: string): Array<[string, string, unknown]> => [
  ['POST', '/api/session', { email: 'someone@example.com', password: 'not a real password' }],
  ['POST', '/api/icps', { title: 'Compressed', workspaceId }],
  ['PATCH', `/api/icps/${icpId}`, { title: 'Renamed' }],
  ['POST', `/api/icps/${icpId}/comments`, { body: 'hi', anchor: { section: 'goals' } }],
  ['POST', `/api/workspaces/${workspaceId}/invites`, { role: 'viewer' }],
];

describe.each(BACKENDS)('hostile HTTP input on %s', (backend) => {
  const ctx = useServer(backend);
  const auth = () => ({ authorization: `Bearer ${ctx.server.admin!.token}` });

  it.each(['br', 'gzip', 'deflate', 'x-evil', 'gzip, br'])(
    'answers Content-Encoding %j with 415 unsupported_content_encoding on every body route',
    async (encoding) => {
      const icp = await createIcp(ctx.server, `Encoding ${encoding}`);
      for (const [method, path, body] of bodyRoutes(ctx.server.admin!.workspaceId, icp.id)) {
        const response = await rawRequest(ctx.server, method, path, {
          // The bytes do not matter: the encoding is refused before they are read.
          body: JSON.stringify(body),
          headers: { ...auth(), 'content-encoding': encoding },
        });
        errorOf(response, 415, 'unsupported_content_encoding', 'body');
      }
    },
  );

  it('answers a charset other than UTF-8 with 415 unsupported_media_type', async () => {
    const response = await rawRequest(ctx.server, 'POST', '/api/icps', {
      body: JSON.stringify({ title: 'Latin', workspaceId: ctx.server.admin!.workspaceId }),
      headers: { ...auth(), 'content-type': 'application/json; charset=latin1' },
    });
    errorOf(response, 415, 'unsupported_media_type', 'body');
  });

  it.each([
    ['GET', '/api/icps/%ff%fe'],
    ['PATCH', '/api/icps/%ff%fe'],
    ['GET', '/api/icps/%c0%80/comments'],
    ['GET', '/api/versions/%ff'],
    ['POST', '/api/comments/%e0%80/replies'],
    ['GET', '/api/workspaces/%ff%fe/members'],
    ['DELETE', '/api/workspaces/%ff/invites/%fe'],
    ['GET', '/api/invites/%ff%fe'],
    ['POST', '/api/invites/%ff%fe/accept'],
    ['DELETE', '/api/tokens/%ff'],
  ])('answers %s %s (a path id that is not valid percent-encoding) with 404', async (method, path) => {
    const response = await rawRequest(ctx.server, method, path, {
      body: method === 'GET' || method === 'DELETE' ? undefined : {},
      headers: auth(),
    });
    errorOf(response, 404, 'not_found');
  });

  it('is still healthy after all of it', async () => {
    expect(await isHealthy(ctx.server)).toBe(true);
    expect(ctx.server.log).not.toMatch(/request failed/);
  });
});

describe.each(BACKENDS)('invite links ignore the Host header on %s', (backend) => {
  describe('without PUBLIC_URL', () => {
    const ctx = useServer(backend);

    it('builds the link on http://localhost:<port>, whatever Host the request claims', async () => {
      for (const host of ['attacker.example', `attacker.example:${ctx.server.port}`, undefined]) {
        const response = await rawRequest<CreatedInviteDto>(
          ctx.server,
          'POST',
          `/api/workspaces/${ctx.server.admin!.workspaceId}/invites`,
          {
            body: { role: 'viewer' },
            headers: {
              authorization: `Bearer ${ctx.server.admin!.token}`,
              ...(host ? { host } : {}),
              'x-forwarded-host': 'attacker.example',
              'x-forwarded-proto': 'https',
            },
          },
        );
        expect(response.status).toBe(201);
        expect(response.body.url).toBe(`http://localhost:${ctx.server.port}/invite/${response.body.token}`);
      }
    });
  });

  describe('with PUBLIC_URL', () => {
    const PUBLIC_URL = 'https://bullseye.example.com';
    const ctx = useServer(backend, { PUBLIC_URL });

    it('builds the link on PUBLIC_URL, whatever Host the request claims', async () => {
      const response = await rawRequest<CreatedInviteDto>(
        ctx.server,
        'POST',
        `/api/workspaces/${ctx.server.admin!.workspaceId}/invites`,
        {
          body: { role: 'viewer' },
          headers: { authorization: `Bearer ${ctx.server.admin!.token}`, host: 'attacker.example' },
        },
      );
      expect(response.status).toBe(201);
      expect(response.body.url).toBe(`${PUBLIC_URL}/invite/${response.body.token}`);
    });
  });
});
