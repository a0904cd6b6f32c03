import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, type IcpListItemDto, type ServerEvent, type WorkshopDto } from '@bullseye/shared';
import { addMember, expectStatus, signIn } from '../support/actors.js';
import { createIcp, request } from '../support/api.js';
import { ClientPool, waitForConvergence, watchClose, type CollabClient } from '../support/collabClient.js';
import { moveClient, TestCluster } from '../support/cluster.js';
import { appendParagraph, paragraphsOf } from '../support/icpDocs.js';
import { startThread, textAnchor } from '../support/comments.js';
import { waitFor } from '../support/waitFor.js';
import type { ServerProcess } from '../support/serverProcess.js';

/**
 * Several instances on one PostgreSQL database and one Redis (see README "Several instances"):
 * clients of the same ICP on different instances co-edit as if on one, access changes close
 * sockets wherever they are, and neither a killed instance nor an unreachable Redis loses an
 * acknowledged edit.
 */
describe('several instances on PostgreSQL and Redis', () => {
  let cluster: TestCluster;
  let a: ServerProcess;
  let b: ServerProcess;
  let c: ServerProcess;
  const pool = new ClientPool();

  beforeAll(async () => {
    cluster = await TestCluster.start(3, { LOGIN_MAX_ATTEMPTS: '4', TRUST_PROXY: 'loopback' });
    [a, b, c] = cluster.instances as [ServerProcess, ServerProcess, ServerProcess];
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    pool.destroyAll();
    await cluster?.dispose();
  });

  /** Types `count` paragraphs into `section`, one per turn, as fast as the socket takes them. */
  function typeParagraphs(client: CollabClient, label: string, count: number): string[] {
    const typed: string[] = [];
    for (let i = 0; i < count; i++) {
      const text = `${label} ${i}`;
      appendParagraph(client.doc, 'goals', text);
      typed.push(text);
    }
    return typed;
  }

  it('co-edits one ICP through different instances, with presence and events crossing', async () => {
    const ines = await addMember(a, 'editor', { name: 'Ines on A' });
    const bruno = await addMember(a, 'editor', { name: 'Bruno on B' });
    const icp = await createIcp(a, 'Across instances');
    const onA = await pool.connect(a, icp.id, { token: ines.token, params: { acks: '1' } });
    const onB = await pool.connect(b, icp.id, { token: bruno.token, params: { acks: '1' } });
    const onC = await pool.connect(c, icp.id);

    typeParagraphs(onA, 'from A', 20);
    typeParagraphs(onB, 'from B', 20);
    const converged = await waitForConvergence([onA, onB, onC]);
    expect(converged).toContain('from A 19');
    expect(converged).toContain('from B 19');

    // Presence: B sees A's cursor under A's authenticated name, and the ICP list counts both people.
    onA.awareness.setLocalStateField('cursor', { section: 'goals' });
    await waitFor(() =>
      expect(
        [...onB.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === 'Ines on A',
        ),
      ).toBe(true),
    );
    await waitFor(async () => {
      const list = await request<{ icps: IcpListItemDto[] }>(
        c,
        'GET',
        `/api/icps?workspaceId=${a.admin!.workspaceId}`,
      );
      const row = list.body.icps.find((i) => i.id === icp.id);
      expect(row?.activeUsers?.map((u) => u.name).sort()).toEqual(
        expect.arrayContaining(['Bruno on B', 'Ines on A']),
      );
      return true;
    });

    // Server events: a thread started through B reaches the client on A; a rename through C too.
    await startThread(b, icp.id, 'Is Fintech right?', { anchor: textAnchor() });
    await waitFor(() => expect(onA.events.some((e) => e.type === 'comments.thread')).toBe(true));
    expectStatus(
      await request(c, 'PATCH', `/api/icps/${icp.id}`, { body: { title: 'Renamed on C' } }),
      200,
      'rename',
    );
    await waitFor(() =>
      expect(onB.events.some((e) => e.type === 'icp.updated' && e.icp.title === 'Renamed on C')).toBe(true),
    );

    // A workshop started through C reaches B, each as their person may see it: Ines's note
    // written through A is on her own socket, and only counted on Bruno's until it is revealed.
    const started = await request<WorkshopDto>(c, 'POST', `/api/icps/${icp.id}/workshops`, {
      body: { agenda: [{ title: 'Industries', sections: ['industries'], minutes: 5, kind: 'brainstorm' }] },
    });
    const workshop = expectStatus(started, 201, 'start workshop');
    expectStatus(
      await request(a, 'POST', `/api/workshops/${workshop.id}/notes`, {
        as: { token: ines.token },
        body: { section: 'industries', text: 'Secret on A' },
      }),
      201,
      'note',
    );
    const lastWorkshop = (events: readonly ServerEvent[]) =>
      [...events].reverse().flatMap((e) => (e.type === 'workshop.updated' ? [e.workshop] : []))[0];
    await waitFor(() => expect(lastWorkshop(onB.events)?.steps[0]?.hiddenNotes).toBe(1));
    await waitFor(() => expect(lastWorkshop(onA.events)?.notes.map((n) => n.text)).toEqual(['Secret on A']));
    expect(JSON.stringify(onB.events)).not.toContain('Secret on A');
  });

  it('closes a socket on B within 2 s when the member’s role changes through A', async () => {
    const dora = await addMember(a, 'editor', { name: 'Dora Demoted' });
    const icp = await createIcp(a, 'Role change');
    const onB = await pool.connect(b, icp.id, { token: dora.token });
    const closed = watchClose(onB);
    const started = Date.now();
    const changed = await request(
      a,
      'PATCH',
      `/api/workspaces/${a.admin!.workspaceId}/members/${dora.user.id}`,
      {
        body: { role: 'viewer' },
      },
    );
    expect(changed.status).toBe(200);
    expect(await waitFor(closed, { timeoutMs: 2_000 })).toBe(CloseCode.accessChanged);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('shares the sign-in limit: failures on A and B count together', async () => {
    const email = a.admin!.email;
    const statuses: number[] = [];
    for (const instance of [a, b, a, b, c])
      statuses.push((await signIn(instance, email, 'wrong password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  /**
   * A typist on `instance` with acks: line k goes out as frame k + 1 (frame 1 was its sync), so
   * `saved - 1` is how many lines the instance acknowledged as stored.
   */
  async function startTypist(instance: ServerProcess, icpId: string, label: string) {
    const typist = await pool.connect(instance, icpId, { params: { acks: '1' } });
    let typed = 0;
    const timer = setInterval(() => appendParagraph(typist.doc, 'goals', `${label} ${typed++}`), 5);
    return {
      typist,
      stop: () => clearInterval(timer),
      get typed() {
        return typed;
      },
    };
  }

  /**
   * Every one of the first `count` lines of `label` reaches a new reader on `at` (from the log, or
   * fanned out to a room `at` holds): stored, since their writer is gone and cannot send them again.
   */
  async function expectStored(at: ServerProcess, icpId: string, label: string, count: number): Promise<void> {
    await waitFor(async () => {
      const reader = await pool.connect(at, icpId);
      try {
        const stored = new Set(paragraphsOf(reader.doc, 'goals'));
        for (let k = 0; k < count; k++) expect(stored, `${label} ${k}`).toContain(`${label} ${k}`);
      } finally {
        reader.destroy();
      }
      return true;
    });
  }

  it('keys sign-in limits by the client address a trusted proxy forwards (TRUST_PROXY)', async () => {
    const email = a.admin!.email;
    const from = (address: string, instance: ServerProcess) =>
      request(instance, 'POST', '/api/session', {
        body: { email, password: 'wrong password' },
        headers: { 'x-forwarded-for': address },
        as: null,
      });
    const statuses: number[] = [];
    for (const instance of [a, b, c, a, b]) statuses.push((await from('203.0.113.7', instance)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // Another client behind the same balancer is not locked out by the first one's failures.
    expect((await from('198.51.100.20', c)).status).toBe(401);
  });

  it('loses no acknowledged edit when an instance is killed mid-typing, and its clients move on', async () => {
    const icp = await createIcp(a, 'Killed instance');
    const watcher = await pool.connect(b, icp.id);
    const typing = await startTypist(c, icp.id, 'line');
    try {
      await waitFor(() => typing.typist.saved > 40);
      await c.kill();
      typing.stop();
      const acknowledged = typing.typist.saved - 1;
      // Read before the typist reconnects anywhere (it would send its lines again).
      await expectStored(a, icp.id, 'line', acknowledged);
      // The typist reconnects to A and sends what the killed instance never stored.
      moveClient(typing.typist, a);
      await waitForConvergence([typing.typist, watcher]);
      expect(paragraphsOf(watcher.doc, 'goals')).toHaveLength(typing.typed);
    } finally {
      typing.stop();
      await c.restart();
    }
  });

  it('keeps editing durable while Redis is unreachable, converges after, and rechecks access', async () => {
    const eve = await addMember(a, 'editor', { name: 'Eve Outage' });
    const icp = await createIcp(a, 'Redis outage');
    const onA = await pool.connect(a, icp.id, { params: { acks: '1' } });
    const onB = await pool.connect(b, icp.id, { params: { acks: '1' } });
    const eveOnB = await pool.connect(b, icp.id, { token: eve.token });
    const eveClosed = watchClose(eveOnB);
    await waitFor(async () =>
      expect((await request<{ redis: string }>(a, 'GET', '/readyz')).body.redis).toBe('ok'),
    );

    await cluster.redis.cut();
    await waitFor(async () => {
      const ready = await request<{ status: string; redis: string }>(b, 'GET', '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('degraded');
      return true;
    });
    // An ICP first opened while Redis is down: its rooms subscribe once Redis is back.
    const late = await createIcp(a, 'Opened during the outage');
    const lateOnA = await pool.connect(a, late.id);
    const lateOnB = await pool.connect(b, late.id);
    const savedBefore = [onA.saved, onB.saved];
    typeParagraphs(onA, 'outage A', 10);
    typeParagraphs(onB, 'outage B', 10);
    // Acknowledged: committed to PostgreSQL, Redis or not.
    await waitFor(() => expect([onA.saved - savedBefore[0]!, onB.saved - savedBefore[1]!]).toEqual([10, 10]));
    // Instances read each other's edits from the log meanwhile.
    await waitForConvergence([onA, onB], 10_000);
    // An access change made while Redis is down cannot reach B's sockets at once...
    expect(
      (
        await request(a, 'PATCH', `/api/workspaces/${a.admin!.workspaceId}/members/${eve.user.id}`, {
          body: { role: 'commenter' },
        })
      ).status,
    ).toBe(200);

    await cluster.redis.restore();
    const back = Date.now();
    // ...and is enforced once Redis is back, like everything else, within 10 s.
    expect(await waitFor(eveClosed, { timeoutMs: 10_000 })).toBe(CloseCode.accessChanged);
    typeParagraphs(onA, 'after A', 5);
    const converged = await waitForConvergence([onA, onB], 10_000);
    expect(Date.now() - back).toBeLessThan(10_000);
    for (const text of ['outage A 9', 'outage B 9', 'after A 4']) expect(converged).toContain(text);
    // Through Redis again, not the 30 s safety catch-up: an edit reaches the other instance at once.
    appendParagraph(lateOnA.doc, 'goals', 'after the outage');
    await waitFor(() => paragraphsOf(lateOnB.doc, 'goals').includes('after the outage'), {
      timeoutMs: 2_000,
    });
    await waitFor(async () =>
      expect((await request<{ redis: string }>(b, 'GET', '/readyz')).body.redis).toBe('ok'),
    );
  });

  it('survives a rolling restart (SIGTERM, one instance at a time) with nothing acknowledged lost', async () => {
    const icp = await createIcp(a, 'Rolling restart');
    // Two people keep typing through the whole restart, moved by "the balancer" as instances go.
    const people = [await startTypist(a, icp.id, 'ann'), await startTypist(b, icp.id, 'ben')];
    try {
      for (const [instance, other] of [
        [a, b],
        [b, c],
        [c, a],
      ] as const) {
        for (const { typist } of people)
          if (typist.provider.serverUrl.includes(`:${instance.port}/`)) moveClient(typist, other);
        // A third, on the instance about to stop, does not reconnect: what the instance acknowledged
        // to it must be stored when it has exited, by the instance alone.
        const leaving = await startTypist(instance, icp.id, `on ${instance.port}`);
        await waitFor(() => leaving.typist.saved > 20);
        expect(await instance.stop()).toBe(0);
        leaving.stop();
        const acknowledged = leaving.typist.saved - 1;
        leaving.typist.destroy();
        await expectStored(other, icp.id, `on ${instance.port}`, acknowledged);
        await instance.restart();
      }
    } finally {
      for (const person of people) person.stop();
    }
    const fresh = await pool.connect(c, icp.id);
    await waitForConvergence([...people.map((p) => p.typist), fresh], 10_000);
    for (const person of people) {
      const label = person === people[0] ? 'ann' : 'ben';
      expect(paragraphsOf(fresh.doc, 'goals').filter((line) => line.startsWith(`${label} `))).toHaveLength(
        person.typed,
      );
    }
    // Sessions survive: the owner's API token works on every instance.
    for (const instance of [a, b, c]) expect((await request(instance, 'GET', '/api/me')).status).toBe(200);
  });
});
