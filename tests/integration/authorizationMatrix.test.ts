import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addListItem,
  readList,
  type ErrorEnvelope,
  type IcpDto,
  type InviteDto,
  type MemberDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import {
  archiveIcp,
  createIcp,
  credentialHeaders,
  request,
  type ApiResponse,
  type Credentials,
} from '../support/api.js';
import {
  addMember,
  browser,
  cookieFrom,
  createInvite,
  expectStatus,
  signIn,
  type Account,
} from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { listThreads, startThread } from '../support/comments.js';
import { useServer } from '../support/harness.js';
import { collabUrl, expectUpgradeRefused } from '../support/rawSocket.js';
import { waitFor } from '../support/waitFor.js';

const ACTORS = ['admin', 'editor', 'commenter', 'viewer', 'nonMember', 'anonymous'] as const;
type ActorName = (typeof ACTORS)[number];

/**
 * What each actor gets for each action in the workspace "Acme":
 * - a number: the HTTP status (of the request, or of the refused WebSocket upgrade);
 * - 'write': the WebSocket is accepted and an edit is stored and relayed to the others;
 * - 'read-only': the WebSocket is accepted and receives others' edits, but its own edit is neither
 *   applied on the server, nor relayed, nor stored.
 * `nonMember` is an admin of another workspace; `anonymous` has no (or a signed-out) credential.
 */
// prettier-ignore
const MATRIX = {
  listIcps:       { admin: 200,     editor: 200,     commenter: 200,         viewer: 200,         nonMember: 404, anonymous: 401 },
  getIcp:         { admin: 200,     editor: 200,     commenter: 200,         viewer: 200,         nonMember: 404, anonymous: 401 },
  createIcp:      { admin: 201,     editor: 201,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  updateIcp:      { admin: 200,     editor: 200,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  archiveIcp:     { admin: 200,     editor: 200,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  unarchiveIcp:   { admin: 200,     editor: 200,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  duplicateIcp:   { admin: 201,     editor: 201,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  markPrimaryIcp: { admin: 200,     editor: 200,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  compareIcps:    { admin: 200,     editor: 200,     commenter: 200,         viewer: 200,         nonMember: 404, anonymous: 401 },
  listMembers:    { admin: 200,     editor: 200,     commenter: 200,         viewer: 200,         nonMember: 404, anonymous: 401 },
  updateMember:   { admin: 200,     editor: 403,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  removeMember:   { admin: 204,     editor: 403,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  listInvites:    { admin: 200,     editor: 403,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  createInvite:   { admin: 201,     editor: 403,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  revokeInvite:   { admin: 204,     editor: 403,     commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  listComments:   { admin: 200,     editor: 200,     commenter: 200,         viewer: 200,         nonMember: 404, anonymous: 401 },
  createComment:  { admin: 201,     editor: 201,     commenter: 201,         viewer: 403,         nonMember: 404, anonymous: 401 },
  replyToComment: { admin: 201,     editor: 201,     commenter: 201,         viewer: 403,         nonMember: 404, anonymous: 401 },
  resolveComment: { admin: 200,     editor: 200,     commenter: 200,         viewer: 403,         nonMember: 404, anonymous: 401 },
  deleteOthersComment: { admin: 204, editor: 403,    commenter: 403,         viewer: 403,         nonMember: 404, anonymous: 401 },
  followIcp:      { admin: 200,     editor: 200,     commenter: 200,         viewer: 200,         nonMember: 404, anonymous: 401 },
  webSocketWrite: { admin: 'write', editor: 'write', commenter: 'read-only', viewer: 'read-only', nonMember: 404, anonymous: 401 },
} as const satisfies Record<string, Record<ActorName, number | 'write' | 'read-only'>>;

type Action = keyof typeof MATRIX;
type HttpAction = Exclude<Action, 'webSocketWrite'>;
type Outcome = (typeof MATRIX)[Action][ActorName];

/** The error code that goes with each refusal status. */
const REFUSAL_CODES: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' };

/** How the actors authenticate: an API token, or a browser session cookie with the page's Origin. */
const CREDENTIALS = ['token', 'cookie'] as const;
type Via = (typeof CREDENTIALS)[number];

/** An action's response, and whether its effect is now visible (to the owner, or in the response). */
interface CellResult {
  response: ApiResponse;
  took: () => Promise<boolean>;
}

const texts = (doc: Y.Doc, key: 'industries' | 'disqualifiers' | 'geographies') =>
  readList(doc, key).map((item) => item.text);

describe.each(BACKENDS)('authorization matrix on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  let members: Record<'admin' | 'editor' | 'commenter' | 'viewer' | 'nonMember', Account>;
  let signedOutCookie: string;
  /** An ICP and an invite link of Acme that the read actions look for. */
  let fixture: { icp: IcpDto; inviteId: string; threadId: string };

  const acme = () => ctx.server.admin!.workspaceId;
  /** The installation owner (an admin of Acme) prepares and inspects; never the actor under test. */
  const owner = (): Credentials => ({ token: ctx.server.admin!.token });

  beforeAll(async () => {
    const elsewhere = expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name: 'Elsewhere' } }),
      201,
      'creating the other workspace',
    );
    members = {
      admin: await addMember(ctx.server, 'admin', { name: 'Ada Admin' }),
      editor: await addMember(ctx.server, 'editor', { name: 'Ed Editor' }),
      commenter: await addMember(ctx.server, 'commenter', { name: 'Cam Commenter' }),
      viewer: await addMember(ctx.server, 'viewer', { name: 'Vic Viewer' }),
      nonMember: await addMember(ctx.server, 'admin', { name: 'Nora Elsewhere', workspaceId: elsewhere.id }),
    };
    const session = await signIn(ctx.server, members.viewer.email, members.viewer.password);
    signedOutCookie = cookieFrom(session.headers);
    expectStatus(
      await request(ctx.server, 'DELETE', '/api/session', { as: browser(ctx.server, signedOutCookie) }),
      204,
      'signing out',
    );
    const icp = await createIcp(ctx.server, 'Fixture ICP');
    const invite = await createInvite(ctx.server, acme(), { role: 'viewer' });
    const thread = await startThread(ctx.server, icp.id, 'Fixture thread');
    fixture = { icp, inviteId: invite.invite.id, threadId: thread.id };
  });

  function credentialsOf(actor: ActorName, via: Via): Credentials | null {
    if (actor === 'anonymous') return via === 'token' ? null : browser(ctx.server, signedOutCookie);
    const account = members[actor];
    return via === 'token' ? { token: account.token } : browser(ctx.server, account.cookie);
  }

  const getIcpAsOwner = async (id: string) =>
    expectStatus(
      await request<IcpDto>(ctx.server, 'GET', `/api/icps/${id}`, { as: owner() }),
      200,
      'get ICP',
    );
  const membersAsOwner = async () =>
    expectStatus(
      await request<{ members: MemberDto[] }>(ctx.server, 'GET', `/api/workspaces/${acme()}/members`, {
        as: owner(),
      }),
      200,
      'list members',
    ).members;
  const invitesAsOwner = async () =>
    expectStatus(
      await request<{ invites: InviteDto[] }>(ctx.server, 'GET', `/api/workspaces/${acme()}/invites`, {
        as: owner(),
      }),
      200,
      'list invites',
    ).invites;
  const icpTitlesAsOwner = async () =>
    expectStatus(
      await request<{ icps: IcpDto[] }>(ctx.server, 'GET', `/api/icps?workspaceId=${acme()}`, {
        as: owner(),
      }),
      200,
      'list ICPs',
    ).icps.map((icp) => icp.title);
  const threadsAsOwner = async (icpId: string) => (await listThreads(ctx.server, icpId, '', owner())).threads;
  /** A person who just joined Acme as a viewer, for the cells that change or remove a member. */
  const newTarget = () => addMember(ctx.server, 'viewer');

  /** Each action, performed as `as` on fresh objects where it changes something. */
  const HTTP_ACTIONS: Record<HttpAction, (as: Credentials | null) => Promise<CellResult>> = {
    async listIcps(as) {
      const response = await request<{ icps?: IcpDto[] }>(
        ctx.server,
        'GET',
        `/api/icps?workspaceId=${acme()}`,
        {
          as,
        },
      );
      return { response, took: async () => !!response.body.icps?.some((i) => i.id === fixture.icp.id) };
    },
    async getIcp(as) {
      const response = await request<Partial<IcpDto>>(ctx.server, 'GET', `/api/icps/${fixture.icp.id}`, {
        as,
      });
      return { response, took: async () => response.body.title === fixture.icp.title };
    },
    async createIcp(as) {
      const title = `Created ${randomUUID()}`;
      const response = await request(ctx.server, 'POST', '/api/icps', {
        body: { title, workspaceId: acme() },
        as,
      });
      return { response, took: async () => (await icpTitlesAsOwner()).includes(title) };
    },
    async updateIcp(as) {
      const icp = await createIcp(ctx.server, 'Before rename');
      const response = await request(ctx.server, 'PATCH', `/api/icps/${icp.id}`, {
        body: { title: 'Renamed' },
        as,
      });
      return { response, took: async () => (await getIcpAsOwner(icp.id)).title === 'Renamed' };
    },
    async archiveIcp(as) {
      const icp = await createIcp(ctx.server, 'To archive');
      const response = await request(ctx.server, 'POST', `/api/icps/${icp.id}/archive`, { as });
      return { response, took: async () => (await getIcpAsOwner(icp.id)).archivedAt !== null };
    },
    async unarchiveIcp(as) {
      const icp = await createIcp(ctx.server, 'To restore');
      await archiveIcp(ctx.server, icp.id);
      const response = await request(ctx.server, 'POST', `/api/icps/${icp.id}/unarchive`, { as });
      return { response, took: async () => (await getIcpAsOwner(icp.id)).archivedAt === null };
    },
    async duplicateIcp(as) {
      const icp = await createIcp(ctx.server, 'To copy');
      const title = `Copy ${randomUUID().slice(0, 8)}`;
      const response = await request(ctx.server, 'POST', `/api/icps/${icp.id}/duplicate`, {
        body: { title },
        as,
      });
      return { response, took: async () => (await icpTitlesAsOwner()).includes(title) };
    },
    async markPrimaryIcp(as) {
      const icp = await createIcp(ctx.server, 'To mark primary');
      const response = await request(ctx.server, 'PUT', `/api/icps/${icp.id}/primary`, { as });
      const took = async () => {
        const marked = (await getIcpAsOwner(icp.id)).primary;
        await request(ctx.server, 'DELETE', `/api/icps/${icp.id}/primary`);
        return marked;
      };
      return { response, took };
    },
    async compareIcps(as) {
      const [a, b] = await Promise.all([
        createIcp(ctx.server, 'Compare A'),
        createIcp(ctx.server, 'Compare B'),
      ]);
      const response = await request<{ verdict?: string }>(
        ctx.server,
        'GET',
        `/api/icps/${a.id}/compare/${b.id}`,
        { as },
      );
      return { response, took: async () => response.body.verdict === 'same' };
    },
    async listMembers(as) {
      const response = await request<{ members?: MemberDto[] }>(
        ctx.server,
        'GET',
        `/api/workspaces/${acme()}/members`,
        { as },
      );
      const viewerId = members.viewer.user.id;
      return { response, took: async () => !!response.body.members?.some((m) => m.user.id === viewerId) };
    },
    async updateMember(as) {
      const target = await newTarget();
      const response = await request(
        ctx.server,
        'PATCH',
        `/api/workspaces/${acme()}/members/${target.user.id}`,
        {
          body: { role: 'editor' },
          as,
        },
      );
      return {
        response,
        took: async () =>
          (await membersAsOwner()).find((m) => m.user.id === target.user.id)?.role === 'editor',
      };
    },
    async removeMember(as) {
      const target = await newTarget();
      const response = await request(
        ctx.server,
        'DELETE',
        `/api/workspaces/${acme()}/members/${target.user.id}`,
        {
          as,
        },
      );
      return {
        response,
        took: async () => !(await membersAsOwner()).some((m) => m.user.id === target.user.id),
      };
    },
    async listInvites(as) {
      const response = await request<{ invites?: InviteDto[] }>(
        ctx.server,
        'GET',
        `/api/workspaces/${acme()}/invites`,
        { as },
      );
      return { response, took: async () => !!response.body.invites?.some((i) => i.id === fixture.inviteId) };
    },
    async createInvite(as) {
      const before = (await invitesAsOwner()).length;
      const response = await request(ctx.server, 'POST', `/api/workspaces/${acme()}/invites`, {
        body: { role: 'admin' },
        as,
      });
      return { response, took: async () => (await invitesAsOwner()).length === before + 1 };
    },
    async revokeInvite(as) {
      const link = await createInvite(ctx.server, acme(), { role: 'editor' });
      const response = await request(
        ctx.server,
        'DELETE',
        `/api/workspaces/${acme()}/invites/${link.invite.id}`,
        {
          as,
        },
      );
      return {
        response,
        took: async () =>
          (await request(ctx.server, 'GET', `/api/invites/${link.token}`, { as: null })).status === 404,
      };
    },
    async listComments(as) {
      const response = await request<{ threads?: { id: string }[] }>(
        ctx.server,
        'GET',
        `/api/icps/${fixture.icp.id}/comments`,
        { as },
      );
      return { response, took: async () => !!response.body.threads?.some((t) => t.id === fixture.threadId) };
    },
    async createComment(as) {
      const icp = await createIcp(ctx.server, 'Commented');
      const body = `Question ${randomUUID()}`;
      const response = await request(ctx.server, 'POST', `/api/icps/${icp.id}/comments`, {
        body: { body, anchor: { type: 'icp' } },
        as,
      });
      return {
        response,
        took: async () => (await threadsAsOwner(icp.id)).some((t) => t.comments[0]?.body === body),
      };
    },
    async replyToComment(as) {
      const icp = await createIcp(ctx.server, 'Replied');
      const thread = await startThread(ctx.server, icp.id, 'Why this band?');
      const response = await request(ctx.server, 'POST', `/api/comments/${thread.id}/replies`, {
        body: { body: 'Because of the cohort data' },
        as,
      });
      return { response, took: async () => (await threadsAsOwner(icp.id))[0]?.comments.length === 2 };
    },
    async resolveComment(as) {
      const icp = await createIcp(ctx.server, 'Resolved');
      const thread = await startThread(ctx.server, icp.id, 'Settle this');
      const response = await request(ctx.server, 'POST', `/api/comments/${thread.id}/resolve`, { as });
      return { response, took: async () => (await threadsAsOwner(icp.id))[0]?.status === 'resolved' };
    },
    async deleteOthersComment(as) {
      const icp = await createIcp(ctx.server, 'Moderated');
      const thread = await startThread(ctx.server, icp.id, 'Written by the owner');
      const response = await request(ctx.server, 'DELETE', `/api/comments/${thread.id}`, { as });
      return { response, took: async () => (await threadsAsOwner(icp.id)).length === 0 };
    },
    async followIcp(as) {
      const icp = await createIcp(ctx.server, 'Followed');
      const response = await request<{ following?: boolean }>(
        ctx.server,
        'PUT',
        `/api/icps/${icp.id}/follow`,
        {
          body: { following: true },
          as,
        },
      );
      // The owner's own follow state is not the actor's; the answer is what the actor now has.
      return { response, took: async () => response.body.following === true };
    },
  };

  async function checkHttp(action: HttpAction, as: Credentials | null, expected: number): Promise<void> {
    const { response, took } = await HTTP_ACTIONS[action](as);
    expect(response.status, JSON.stringify(response.body)).toBe(expected);
    if (expected < 400) {
      expect(await took(), 'the action took effect').toBe(true);
    } else {
      expect((response.body as ErrorEnvelope).error.code).toBe(REFUSAL_CODES[expected]);
      expect(await took(), 'the refused action changed nothing').toBe(false);
    }
  }

  async function checkWebSocketWrite(
    actor: ActorName,
    as: Credentials | null,
    expected: Outcome,
  ): Promise<void> {
    const icp = await createIcp(ctx.server, `Socket of ${actor}`);
    const headers = as ? credentialHeaders(as) : {};
    if (typeof expected === 'number') {
      const refused = await expectUpgradeRefused(collabUrl(ctx.server, icp.id), headers);
      expect(refused.status).toBe(expected);
      expect(refused.body).toMatchObject({
        error: { code: expected === 401 ? 'unauthenticated' : 'icp_not_found' },
      });
      return;
    }
    const watcher = await pool.connect(ctx.server, icp.id); // the owner
    const client = await pool.connect(ctx.server, icp.id, { headers });
    // Accepted: it reads, live.
    addListItem(watcher.doc, 'industries', 'From the owner');
    await waitFor(() => expect(texts(client.doc, 'industries')).toEqual(['From the owner']));

    const edit = `Written by ${actor}`;
    addListItem(client.doc, 'disqualifiers', edit);
    if (expected === 'write') {
      await waitFor(() => expect(texts(watcher.doc, 'disqualifiers')).toEqual([edit]));
      const stored = await ctx.storage.storedDoc(icp.id);
      expect(texts(stored, 'disqualifiers')).toEqual([edit]);
      stored.destroy();
      return;
    }
    // Presence sent after the edit on the same socket: once the owner sees it, the server has
    // handled the edit. Then an owner edit: commits are relayed in order, so anything of the
    // actor's that was accepted would arrive before it.
    const marker = randomUUID();
    client.awareness.setLocalState({ user: { name: actor, color: '#0090ff' }, section: marker });
    await waitFor(() => expect(watcher.awareness.getStates().get(client.doc.clientID)?.section).toBe(marker));
    addListItem(watcher.doc, 'geographies', 'Barrier');
    const fresh = await pool.connect(ctx.server, icp.id);
    await waitFor(() => expect(texts(fresh.doc, 'geographies')).toEqual(['Barrier']));
    expect(texts(fresh.doc, 'disqualifiers')).toEqual([]);
    expect(texts(watcher.doc, 'disqualifiers')).toEqual([]);
    const stored = await ctx.storage.storedDoc(icp.id);
    expect(texts(stored, 'geographies')).toEqual(['Barrier']);
    expect(texts(stored, 'disqualifiers')).toEqual([]);
    stored.destroy();
    expect(client.provider.wsconnected, 'the read-only connection stays open').toBe(true);
  }

  describe.each(CREDENTIALS)('authenticated by %s', (via) => {
    for (const action of Object.keys(MATRIX) as Action[]) {
      for (const actor of ACTORS) {
        const expected = MATRIX[action][actor];
        const who = actor === 'anonymous' && via === 'cookie' ? 'anonymous (signed-out cookie)' : actor;
        it(`${action} as ${who} → ${expected}`, async () => {
          const as = credentialsOf(actor, via);
          if (action === 'webSocketWrite') await checkWebSocketWrite(actor, as, expected);
          else await checkHttp(action, as, expected as number);
        });
      }
    }
  });
});
