import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import {
  addListItem,
  canonicalJson,
  CloseCode,
  readList,
  readRange,
  removeListItem,
  writeRange,
  type IcpDto,
  type InviteDto,
  type MeDto,
  type MemberDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import { createIcp, request, type Credentials } from '../support/api.js';
import {
  addMember,
  browser,
  cookieFrom,
  createInvite,
  createToken,
  expectStatus,
  newPerson,
  type Account,
} from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool, waitForSync, watchClose } from '../support/collabClient.js';
import { useServer } from '../support/harness.js';
import { appendParagraph, paragraphsOf } from '../support/icpDocs.js';
import { awarenessMessage, collabUrl, expectUpgradeRefused, RawCollabSocket } from '../support/rawSocket.js';
import { waitFor } from '../support/waitFor.js';

type ListKey = 'industries' | 'disqualifiers' | 'geographies' | 'technologies';
const texts = (doc: Y.Doc, key: ListKey) => readList(doc, key).map((item) => item.text);

/** The ids of workspace B that a member of A will try. */
interface Ids {
  workspace: string;
  icp: string;
  archivedIcp: string;
  member: string;
  invite: string;
}

/** Every HTTP path that takes a workspace, ICP, member or invite id. */
const PROBES: [string, string, (ids: Ids) => string, unknown?][] = [
  ['getIcp', 'GET', (ids) => `/api/icps/${ids.icp}`],
  ['updateIcp', 'PATCH', (ids) => `/api/icps/${ids.icp}`, { title: 'Hijacked' }],
  ['archiveIcp', 'POST', (ids) => `/api/icps/${ids.icp}/archive`],
  ['unarchiveIcp', 'POST', (ids) => `/api/icps/${ids.archivedIcp}/unarchive`],
  ['duplicateIcp', 'POST', (ids) => `/api/icps/${ids.icp}/duplicate`, { title: 'Copied' }],
  ['markPrimaryIcp', 'PUT', (ids) => `/api/icps/${ids.icp}/primary`],
  ['unmarkPrimaryIcp', 'DELETE', (ids) => `/api/icps/${ids.icp}/primary`],
  ['compareIcps', 'GET', (ids) => `/api/icps/${ids.icp}/compare/${ids.archivedIcp}`],
  ['getInheritedDisqualifiers', 'GET', (ids) => `/api/icps/${ids.icp}/inherited-disqualifiers`],
  ['listIcps', 'GET', (ids) => `/api/icps?workspaceId=${ids.workspace}`],
  ['listIcps archived', 'GET', (ids) => `/api/icps?workspaceId=${ids.workspace}&archived=true`],
  ['createIcp', 'POST', () => '/api/icps', 'workspace'],
  ['listMembers', 'GET', (ids) => `/api/workspaces/${ids.workspace}/members`],
  [
    'updateMember',
    'PATCH',
    (ids) => `/api/workspaces/${ids.workspace}/members/${ids.member}`,
    { role: 'viewer' },
  ],
  ['removeMember', 'DELETE', (ids) => `/api/workspaces/${ids.workspace}/members/${ids.member}`],
  ['listInvites', 'GET', (ids) => `/api/workspaces/${ids.workspace}/invites`],
  ['createInvite', 'POST', (ids) => `/api/workspaces/${ids.workspace}/invites`, { role: 'admin' }],
  ['revokeInvite', 'DELETE', (ids) => `/api/workspaces/${ids.workspace}/invites/${ids.invite}`],
];

describe.each(BACKENDS)('workspace isolation on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  /** Bea: admin of workspace B and of nothing else. Carl: an editor of B only. */
  let bea: Account;
  let carl: Account;
  let b: Ids & { inviteToken: string };
  let ownerCookie: string;

  const acme = () => ctx.server.admin!.workspaceId;
  const asBea = (): Credentials => ({ token: bea.token });

  /** Someone with an account but no workspace, through open sign-up (then closed again). */
  async function signUpOutsider(name: string): Promise<Account> {
    const person = newPerson(name);
    expectStatus(
      await request(ctx.server, 'PATCH', '/api/instance', { body: { signupOpen: true } }),
      200,
      'open',
    );
    try {
      const signUp = await request<MeDto>(ctx.server, 'POST', '/api/signup', { body: person, as: null });
      const me = expectStatus(signUp, 201, 'signing up');
      const cookie = cookieFrom(signUp.headers);
      return { ...person, user: me.user, cookie, token: await createToken(ctx.server, cookie) };
    } finally {
      await request(ctx.server, 'PATCH', '/api/instance', { body: { signupOpen: false } });
    }
  }

  beforeAll(async () => {
    bea = await signUpOutsider('Bea Beta');
    const beta = expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', {
        body: { name: 'Beta' },
        as: asBea(),
      }),
      201,
      'creating workspace B',
    );
    const icp = await createIcp(ctx.server, 'Beta plan', beta.id, asBea());
    const archived = await createIcp(ctx.server, 'Beta archive', beta.id, asBea());
    expectStatus(
      await request(ctx.server, 'POST', `/api/icps/${archived.id}/archive`, { as: asBea() }),
      200,
      'archiving',
    );
    carl = await addMember(ctx.server, 'editor', { workspaceId: beta.id, as: asBea(), name: 'Carl Beta' });
    const invite = await createInvite(ctx.server, beta.id, { role: 'viewer' }, asBea());
    b = {
      workspace: beta.id,
      icp: icp.id,
      archivedIcp: archived.id,
      member: carl.user.id,
      invite: invite.invite.id,
      inviteToken: invite.token,
    };
    // Content only B's members may ever see.
    const writer = await pool.connect(ctx.server, icp.id, { token: bea.token });
    addListItem(writer.doc, 'disqualifiers', 'Beta secret');
    await waitFor(async () => {
      const stored = await ctx.storage.storedDoc(icp.id);
      const found = texts(stored, 'disqualifiers').includes('Beta secret');
      stored.destroy();
      return found;
    });
    writer.destroy();
    const session = await request(ctx.server, 'POST', '/api/session', {
      body: { email: ctx.server.admin!.email, password: ctx.server.admin!.password },
      as: null,
    });
    ownerCookie = cookieFrom(session.headers);
  });

  /** B as Bea sees it, to prove that nothing a member of A tried changed it. */
  async function stateOfB() {
    const get = async <T>(path: string) =>
      expectStatus(await request<T>(ctx.server, 'GET', path, { as: asBea() }), 200, path);
    return {
      icp: await get<IcpDto>(`/api/icps/${b.icp}`),
      archived: await get<IcpDto>(`/api/icps/${b.archivedIcp}`),
      active: (await get<{ icps: IcpDto[] }>(`/api/icps?workspaceId=${b.workspace}`)).icps.map((i) => i.id),
      members: (await get<{ members: MemberDto[] }>(`/api/workspaces/${b.workspace}/members`)).members,
      invites: (await get<{ invites: InviteDto[] }>(`/api/workspaces/${b.workspace}/invites`)).invites,
    };
  }

  describe.each(['token', 'cookie'] as const)('an admin of A, authenticated by %s', (via) => {
    const owner = (): Credentials =>
      via === 'token' ? { token: ctx.server.admin!.token } : browser(ctx.server, ownerCookie);

    it.each(PROBES)(
      'gets 404 for %s with ids of B, exactly as for ids that do not exist',
      async (_name, method, path, body) => {
        const before = await stateOfB();
        const unknown: Ids = {
          workspace: randomUUID(),
          icp: randomUUID(),
          archivedIcp: randomUUID(),
          member: `u${randomUUID().slice(0, 8)}`,
          invite: randomUUID(),
        };
        const send = (ids: Ids) =>
          request(ctx.server, method, path(ids), {
            body: body === 'workspace' ? { title: 'Planted', workspaceId: ids.workspace } : body,
            as: owner(),
          });
        const toB = await send(b);
        const toNowhere = await send(unknown);
        expect(toB.status, JSON.stringify(toB.body)).toBe(404);
        expect(toB.body).toEqual(toNowhere.body);
        expect(JSON.stringify(toB.body)).not.toMatch(/Beta/);
        expect(await stateOfB()).toEqual(before);
      },
    );

    it('is refused the WebSocket upgrade to an ICP of B with 404, before any document data', async () => {
      const headers =
        via === 'token' ? ctx.server.adminHeaders() : { cookie: ownerCookie, origin: ctx.server.origin };
      const refused = await expectUpgradeRefused(collabUrl(ctx.server, b.icp), headers);
      const unknown = await expectUpgradeRefused(collabUrl(ctx.server, randomUUID()), headers);
      expect(refused.status).toBe(404);
      expect(refused.body).toEqual({ error: { code: 'icp_not_found', message: expect.any(String) } });
      expect(refused.body).toEqual(unknown.body);
      expect(JSON.stringify(refused.body)).not.toContain('Beta');
    });
  });

  it("gets 404 when mixing A's workspace id with B's member or invite id, and B keeps them", async () => {
    const before = await stateOfB();
    const mixed: [string, string, unknown?][] = [
      ['PATCH', `/api/workspaces/${acme()}/members/${carl.user.id}`, { role: 'viewer' }],
      ['DELETE', `/api/workspaces/${acme()}/members/${carl.user.id}`],
      ['DELETE', `/api/workspaces/${acme()}/invites/${b.invite}`],
      // ...and B's workspace id with A's own member (the caller).
      ['PATCH', `/api/workspaces/${b.workspace}/members/${ctx.server.admin!.userId}`, { role: 'viewer' }],
    ];
    for (const [method, path, body] of mixed) {
      const response = await request(ctx.server, method, path, { body });
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(404);
    }
    expect(await stateOfB()).toEqual(before);
    expect((await request(ctx.server, 'GET', `/api/invites/${b.inviteToken}`, { as: null })).status).toBe(
      200,
    );
    // Carl's access to B is intact.
    expect(
      (await request(ctx.server, 'GET', `/api/icps/${b.icp}`, { as: { token: carl.token } })).status,
    ).toBe(200);
  });

  it("isolates the other way round too: B's admin gets 404 for A's ids", async () => {
    const icp = await createIcp(ctx.server, 'Acme only');
    for (const [method, path, body] of [
      ['GET', `/api/icps/${icp.id}`],
      ['POST', `/api/icps/${icp.id}/archive`],
      ['POST', '/api/icps', { title: 'Planted in A', workspaceId: acme() }],
      ['GET', `/api/workspaces/${acme()}/members`],
      ['POST', `/api/workspaces/${acme()}/invites`, { role: 'admin' }],
    ] as [string, string, unknown?][]) {
      expect(
        (await request(ctx.server, method, path, { body, as: asBea() })).status,
        `${method} ${path}`,
      ).toBe(404);
    }
    expect(
      (await expectUpgradeRefused(collabUrl(ctx.server, icp.id), { authorization: `Bearer ${bea.token}` }))
        .status,
    ).toBe(404);
    const acmeIcp = expectStatus(await request<IcpDto>(ctx.server, 'GET', `/api/icps/${icp.id}`), 200, 'get');
    expect(acmeIcp.archivedAt).toBeNull();
  });

  describe('membership changes reach open sockets', () => {
    it('removing a member closes their sockets with 4403 within 2 s; they then get 404 for the ICP', async () => {
      const dan = await addMember(ctx.server, 'editor', { name: 'Dan Departing' });
      const icp = await createIcp(ctx.server, 'Dan was here');
      const stock = await pool.connect(ctx.server, icp.id, { token: dan.token });
      const raw = pool.track(
        await RawCollabSocket.open(collabUrl(ctx.server, icp.id), { cookie: dan.cookie }),
      );
      const watcher = await pool.connect(ctx.server, icp.id);
      const closeCode = watchClose(stock);

      const removed = await request(ctx.server, 'DELETE', `/api/workspaces/${acme()}/members/${dan.user.id}`);
      expect(removed.status).toBe(204);
      expect(await waitFor(closeCode, { timeoutMs: 2_000 })).toBe(CloseCode.accessChanged);
      expect((await raw.closedWithin(2_000)).code).toBe(CloseCode.accessChanged);
      expect(watcher.provider.wsconnected, "others' sockets stay open").toBe(true);

      for (const as of [{ token: dan.token }, browser(ctx.server, dan.cookie)]) {
        expect((await request(ctx.server, 'GET', `/api/icps/${icp.id}`, { as })).status).toBe(404);
        expect((await request(ctx.server, 'GET', `/api/icps?workspaceId=${acme()}`, { as })).status).toBe(
          404,
        );
      }
      expect(
        (await expectUpgradeRefused(collabUrl(ctx.server, icp.id), { authorization: `Bearer ${dan.token}` }))
          .status,
      ).toBe(404);
      const me = await request<MeDto>(ctx.server, 'GET', '/api/me', { as: { token: dan.token } });
      expect(me.body.workspaces).toEqual([]);
    });

    it('lowering an editor to viewer closes their socket; it reconnects read-only and its edits reach no one', async () => {
      const eve = await addMember(ctx.server, 'editor', { name: 'Eve Editor' });
      const icp = await createIcp(ctx.server, 'Eve demoted');
      const watcher = await pool.connect(ctx.server, icp.id);
      const client = await pool.connect(ctx.server, icp.id, { token: eve.token });
      addListItem(client.doc, 'industries', 'While editor');
      await waitFor(() => expect(texts(watcher.doc, 'industries')).toEqual(['While editor']));

      const closeCode = watchClose(client);
      const demoted = await request<MemberDto>(
        ctx.server,
        'PATCH',
        `/api/workspaces/${acme()}/members/${eve.user.id}`,
        {
          body: { role: 'viewer' },
        },
      );
      expect(demoted.status).toBe(200);
      expect(demoted.body.role).toBe('viewer');
      expect(await waitFor(closeCode, { timeoutMs: 2_000 })).toBe(CloseCode.accessChanged);
      // What the Bullseye client does after 4403 once it knows access remains: reconnect.
      client.provider.connect();
      await waitForSync(client.provider);

      addListItem(client.doc, 'disqualifiers', 'While viewer');
      const marker = randomUUID();
      client.awareness.setLocalState({ user: { name: 'Eve', color: '#0090ff' }, section: marker });
      await waitFor(() =>
        expect(watcher.awareness.getStates().get(client.doc.clientID)?.section).toBe(marker),
      );
      addListItem(watcher.doc, 'geographies', 'After the demotion');
      const fresh = await pool.connect(ctx.server, icp.id);
      await waitFor(() => expect(texts(fresh.doc, 'geographies')).toEqual(['After the demotion']));
      // Eve still reads live...
      await waitFor(() => expect(texts(client.doc, 'geographies')).toEqual(['After the demotion']));
      // ...but her edit reached no one and was not stored.
      expect(texts(fresh.doc, 'disqualifiers')).toEqual([]);
      expect(texts(watcher.doc, 'disqualifiers')).toEqual([]);
      const stored = await ctx.storage.storedDoc(icp.id);
      expect(texts(stored, 'industries')).toEqual(['While editor']);
      expect(texts(stored, 'disqualifiers')).toEqual([]);
      stored.destroy();
    });
  });

  it('refuses the upgrade from a foreign Origin with 403, whatever the credential', async () => {
    const member = await addMember(ctx.server, 'editor');
    const icp = await createIcp(ctx.server, 'Origin check');
    const url = collabUrl(ctx.server, icp.id);
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${ctx.server.port + 1}`]) {
      for (const headers of [
        { authorization: `Bearer ${member.token}` },
        { cookie: member.cookie },
      ] as Record<string, string>[]) {
        const refused = await expectUpgradeRefused(url, { ...headers, origin });
        expect(refused.status, origin).toBe(403);
        expect(refused.body).toMatchObject({ error: { code: 'origin_not_allowed' } });
      }
    }
    const accepted = pool.track(
      await RawCollabSocket.open(url, { cookie: member.cookie, origin: ctx.server.origin }),
    );
    await accepted.roundTrip();
    expect(accepted.isClosed).toBe(false);
  });

  it("changes nothing on the server or for others when a viewer's stock client edits", async () => {
    const viewer = await addMember(ctx.server, 'viewer', { name: 'Val Viewer' });
    const icp = await createIcp(ctx.server, 'Viewer edits');
    const owner = await pool.connect(ctx.server, icp.id);
    addListItem(owner.doc, 'industries', 'Logistics');
    writeRange(owner.doc, 'employees', { min: 50, max: 500 });
    const client = await pool.connect(ctx.server, icp.id, { token: viewer.token });
    await waitFor(() => expect(texts(client.doc, 'industries')).toEqual(['Logistics']));

    const [logistics] = readList(client.doc, 'industries');
    client.doc.transact(() => {
      addListItem(client.doc, 'technologies', 'Viewer tech');
      writeRange(client.doc, 'employees', { min: 1, max: 5 });
      appendParagraph(client.doc, 'goals', 'Viewer goal');
    });
    removeListItem(client.doc, 'industries', logistics!.id); // a deletion, in an update of its own
    const marker = randomUUID();
    client.awareness.setLocalState({ user: { name: 'Val', color: '#0090ff' }, section: marker });
    await waitFor(() => expect(owner.awareness.getStates().get(client.doc.clientID)?.section).toBe(marker));
    addListItem(owner.doc, 'geographies', 'Barrier');
    const fresh = await pool.connect(ctx.server, icp.id);
    await waitFor(() => expect(texts(fresh.doc, 'geographies')).toEqual(['Barrier']));

    const stored = await ctx.storage.storedDoc(icp.id);
    try {
      for (const doc of [owner.doc, fresh.doc, stored]) {
        expect(texts(doc, 'industries')).toEqual(['Logistics']);
        expect(texts(doc, 'technologies')).toEqual([]);
        expect(readRange(doc, 'employees')).toEqual({ min: 50, max: 500 });
        expect(paragraphsOf(doc, 'goals')).toEqual([]);
      }
      expect(canonicalJson(fresh.doc)).toBe(canonicalJson(owner.doc));
      expect(canonicalJson(stored)).toBe(canonicalJson(owner.doc));
    } finally {
      stored.destroy();
    }
  });

  it("shows every client's presence under its real account name, whatever name it publishes", async () => {
    const frank = await addMember(ctx.server, 'editor', { name: 'Frank Real' });
    const icp = await createIcp(ctx.server, 'Who is who');
    const observer = await pool.connect(ctx.server, icp.id);
    const impostor = await pool.connect(ctx.server, icp.id, { token: frank.token });
    impostor.awareness.setLocalState({ user: { name: 'Someone Else', color: '#000000' }, section: 'goals' });
    await waitFor(() =>
      expect(observer.awareness.getStates().get(impostor.doc.clientID)).toMatchObject({
        user: { id: frank.user.id, name: 'Frank Real' },
        section: 'goals',
      }),
    );
    expect(JSON.stringify([...observer.awareness.getStates().values()])).not.toContain('Someone Else');

    // Nor can a socket publish presence for a client id another connection owns.
    observer.awareness.setLocalState({ user: { name: 'Olive', color: '#46a758' }, section: 'notes' });
    await waitFor(() =>
      expect(impostor.awareness.getStates().get(observer.doc.clientID)).toMatchObject({ section: 'notes' }),
    );
    const raw = pool.track(
      await RawCollabSocket.open(collabUrl(ctx.server, icp.id), { authorization: `Bearer ${frank.token}` }),
    );
    const forgedDoc = new Y.Doc();
    forgedDoc.clientID = observer.doc.clientID;
    const forged = new Awareness(forgedDoc);
    try {
      for (let i = 0; i < 20; i++)
        forged.setLocalState({ user: { name: 'Hijacked', color: '#000000' }, section: `x${i}` });
      raw.send(awarenessMessage(encodeAwarenessUpdate(forged, [forgedDoc.clientID])));
      await raw.roundTrip();
      const third = await pool.connect(ctx.server, icp.id);
      await waitFor(() =>
        expect(third.awareness.getStates().get(observer.doc.clientID)).toMatchObject({ section: 'notes' }),
      );
      expect(impostor.awareness.getStates().get(observer.doc.clientID)).toMatchObject({ section: 'notes' });
    } finally {
      forged.destroy();
      forgedDoc.destroy();
    }
  });
});
