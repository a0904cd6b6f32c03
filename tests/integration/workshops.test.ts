import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addListItem,
  readList,
  type InboxDto,
  type ServerEvent,
  type VersionListDto,
  type WorkshopDto,
  type WorkshopListDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import { createIcp, errorOf, request, type Credentials } from '../support/api.js';
import { addMember, expectStatus, type Account } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { useServer } from '../support/harness.js';
import { collabUrl, RawCollabSocket } from '../support/rawSocket.js';
import { waitFor } from '../support/waitFor.js';

const FIRMOGRAPHICS = 1; // the default agenda's first brainstorm step

describe.each(BACKENDS)('workshop sessions on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  const sockets: RawCollabSocket[] = [];
  afterEach(() => {
    pool.destroyAll();
    for (const socket of sockets.splice(0)) socket.ws.close();
  });

  let editor: Account;
  let editor2: Account;
  let commenter: Account;
  let commenter2: Account;
  let viewer: Account;
  let absentee: Account;
  let outsider: Account;

  const as = (account: Account): Credentials => ({ token: account.token });
  const owner = (): Credentials => ({ token: ctx.server.admin!.token });

  const call = <T = WorkshopDto>(method: string, path: string, who: Credentials, body?: unknown) =>
    request<T>(ctx.server, method, path, body === undefined ? { as: who } : { as: who, body });
  const start = async (icpId: string, who: Credentials = as(editor), body: unknown = {}) =>
    expectStatus(await call('POST', `/api/icps/${icpId}/workshops`, who, body), 201, 'starting a workshop');
  const act = async (id: string, action: unknown, who: Credentials = as(editor)) =>
    expectStatus(
      await call('POST', `/api/workshops/${id}/actions`, who, action),
      200,
      `action ${JSON.stringify(action)}`,
    );
  const note = async (id: string, section: string, text: string, who: Credentials) =>
    expectStatus(
      await call('POST', `/api/workshops/${id}/notes`, who, { section, text }),
      201,
      'writing a note',
    );
  const vote = async (id: string, noteId: string, count: number, who: Credentials) =>
    expectStatus(
      await call('PUT', `/api/workshops/${id}/notes/${noteId}/vote`, who, { count }),
      200,
      'voting',
    );
  const get = async (id: string, who: Credentials = as(editor)) =>
    expectStatus(await call('GET', `/api/workshops/${id}`, who), 200, 'reading a workshop');

  /** A raw socket of `account` on the ICP that records every byte the server sends it. */
  const listen = async (icpId: string, account: Account) => {
    const socket = await RawCollabSocket.open(collabUrl(ctx.server, icpId, { acks: '1' }), {
      authorization: `Bearer ${account.token}`,
    });
    sockets.push(socket);
    return socket;
  };
  const lastWorkshop = (events: readonly ServerEvent[]) => {
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (event.type === 'workshop.updated') return event.workshop;
    }
    return undefined;
  };
  const wireText = (socket: RawCollabSocket) =>
    socket.received.map((frame) => Buffer.from(frame).toString('latin1')).join('\n');

  beforeAll(async () => {
    editor = await addMember(ctx.server, 'editor', { name: 'Fay Facilitator', function: 'sales' });
    editor2 = await addMember(ctx.server, 'editor', { name: 'Ed Second', function: 'customer_success' });
    commenter = await addMember(ctx.server, 'commenter', { name: 'Cora Commenter', function: 'marketing' });
    commenter2 = await addMember(ctx.server, 'commenter', { name: 'Pat Product', function: 'product' });
    viewer = await addMember(ctx.server, 'viewer', { name: 'Vic Viewer' });
    absentee = await addMember(ctx.server, 'commenter', { name: 'Abe Absent', function: 'sales' });
    const other = expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name: 'Elsewhere' } }),
      201,
      'creating another workspace',
    );
    outsider = await addMember(ctx.server, 'admin', { name: 'Olga Outsider', workspaceId: other.id });
  });

  describe('access per role', () => {
    it('editors start and facilitate; commenters propose and vote; viewers watch', async () => {
      const icp = await createIcp(ctx.server, 'Roles');
      for (const who of [commenter, viewer]) {
        const refused = await call('POST', `/api/icps/${icp.id}/workshops`, as(who), {});
        expect(refused.status, `${who.name} starting`).toBe(403);
      }
      const session = await start(icp.id);
      expect(session.facilitator.id).toBe(editor.user.id);
      expect(session.you).toMatchObject({ facilitator: true, mayFacilitate: true, participant: true });
      const second = await call('POST', `/api/icps/${icp.id}/workshops`, as(editor2), {});
      errorOf(second, 409, 'workshop_running');

      // Everyone who reads the ICP sees it and may join.
      const watched = await act(session.id, { type: 'join' }, as(viewer));
      expect(watched.you).toMatchObject({ participant: true, mayPropose: false, mayFacilitate: false });

      await act(session.id, { type: 'goToStep', index: FIRMOGRAPHICS });
      const viewerNote = await call('POST', `/api/workshops/${session.id}/notes`, as(viewer), {
        section: 'industries',
        text: 'Viewers cannot write',
      });
      expect(viewerNote.status).toBe(403);
      const written = await note(session.id, 'industries', 'Fintech', as(commenter));
      expect(written.you.participant).toBe(true);

      // Only the facilitator facilitates: a commenter is refused by role, another editor as
      // not the facilitator, and nothing changes.
      expect(
        (await call('POST', `/api/workshops/${session.id}/actions`, as(commenter), { type: 'reveal' }))
          .status,
      ).toBe(403);
      const other = await call('POST', `/api/workshops/${session.id}/actions`, as(editor2), {
        type: 'reveal',
      });
      errorOf(other, 403, 'not_facilitator');
      expect((await get(session.id)).steps[FIRMOGRAPHICS]!.phase).toBe('writing');

      // Handing over only to editors and admins; another editor may take over.
      const toViewer = await call('POST', `/api/workshops/${session.id}/actions`, as(editor), {
        type: 'handOver',
        userId: viewer.user.id,
      });
      errorOf(toViewer, 400, 'invalid_input', 'userId');
      const takeOver = await act(session.id, { type: 'handOver', userId: editor2.user.id }, as(editor2));
      expect(takeOver.facilitator.id).toBe(editor2.user.id);
      expect(
        (await call('POST', `/api/workshops/${session.id}/actions`, as(editor), { type: 'pause' })).status,
      ).toBe(403);
      await act(session.id, { type: 'handOver', userId: editor.user.id }, as(editor2));
    });

    it("another workspace's members and unknown ids get 404; bad input 400 naming the field; big bodies 413", async () => {
      const icp = await createIcp(ctx.server, 'Private');
      const session = await start(icp.id);
      for (const [method, path, body] of [
        ['GET', `/api/icps/${icp.id}/workshops`, undefined],
        ['POST', `/api/icps/${icp.id}/workshops`, {}],
        ['GET', `/api/workshops/${session.id}`, undefined],
        ['POST', `/api/workshops/${session.id}/actions`, { type: 'join' }],
        ['POST', `/api/workshops/${session.id}/notes`, { section: 'industries', text: 'x' }],
      ] as const) {
        const response = await call(method, path, as(outsider), body);
        expect(response.status, `${method} ${path}`).toBe(404);
      }
      expect((await call('GET', `/api/workshops/${randomUUID()}`, as(editor))).status).toBe(404);
      const badStep = await call('POST', `/api/icps/${icp.id}/workshops`, as(editor2), {
        agenda: [{ title: 'x', sections: ['nope'], minutes: 5, kind: 'discuss' }],
      });
      errorOf(badStep, 400, 'invalid_input', 'agenda.0.sections.0');
      const badAction = await call('POST', `/api/workshops/${session.id}/actions`, as(editor), {
        type: 'extend',
        minutes: 0,
      });
      errorOf(badAction, 400, 'invalid_input', 'minutes');
      const wrongStep = await call('POST', `/api/workshops/${session.id}/actions`, as(editor), {
        type: 'goToStep',
        index: 15,
      });
      expect(wrongStep.status).toBe(400);
      const huge = await call('POST', `/api/workshops/${session.id}/notes`, as(editor), {
        section: 'industries',
        text: 'x'.repeat(70_000),
      });
      expect(huge.status).toBe(413);
      // A discussion step takes no notes, and a section off the step is named as the problem.
      const discuss = await call('POST', `/api/workshops/${session.id}/notes`, as(editor), {
        section: 'industries',
        text: 'Fintech',
      });
      expect(discuss.status).toBe(409);
      await act(session.id, { type: 'goToStep', index: FIRMOGRAPHICS });
      const offStep = await call('POST', `/api/workshops/${session.id}/notes`, as(editor), {
        section: 'goals',
        text: 'Grow',
      });
      errorOf(offStep, 400, 'invalid_input', 'section');
      // A note for a list must fit as its criterion (Industries: 80 characters), or it could never be promoted.
      const tooLong = await call('POST', `/api/workshops/${session.id}/notes`, as(editor), {
        section: 'industries',
        text: 'Industry '.repeat(10).trim(),
      });
      errorOf(tooLong, 400, 'invalid_input', 'text');
      expect((await get(session.id)).notes).toHaveLength(0);
    });
  });

  describe('silent brainstorm and dot-voting', () => {
    it('never sends a hidden note or vote to anyone else before it is revealed (the wire, not the UI)', async () => {
      const icp = await createIcp(ctx.server, 'Hidden');
      const session = await start(icp.id);
      await act(session.id, { type: 'goToStep', index: FIRMOGRAPHICS });
      const watcher = await listen(icp.id, commenter2);
      const facilitatorSocket = await listen(icp.id, editor);
      const secret = `Quantum widgets ${randomUUID().slice(0, 8)}`;
      const mine = await note(session.id, 'industries', secret, as(commenter));
      const noteId = mine.notes.find((n) => n.text === secret)!.id;

      // Everyone hears that there is one more hidden note, and nothing else of it.
      for (const socket of [watcher, facilitatorSocket]) {
        await waitFor(() => lastWorkshop(socket.events)?.steps[FIRMOGRAPHICS]!.hiddenNotes === 1);
        expect(wireText(socket)).not.toContain(secret);
        expect(wireText(socket)).not.toContain(noteId);
      }
      const seenByOther = await call('GET', `/api/workshops/${session.id}`, as(commenter2));
      expect(JSON.stringify(seenByOther.body)).not.toContain(secret);
      const listed = await call<WorkshopListDto>('GET', `/api/icps/${icp.id}/workshops`, as(viewer));
      expect(JSON.stringify(listed.body)).not.toContain(secret);

      // Revealed: everyone gets it at once.
      await act(session.id, { type: 'reveal' });
      await waitFor(() => lastWorkshop(watcher.events)?.notes.some((n) => n.text === secret));
      expect(lastWorkshop(watcher.events)!.notes.find((n) => n.id === noteId)!.author.name).toBe(
        'Cora Commenter',
      );

      // Votes: the voter sees their own; nobody sees totals or voters until the round closes.
      await act(session.id, { type: 'startVoting', budget: 3, anonymous: false });
      const voted = await vote(session.id, noteId, 2, as(commenter));
      expect(voted.notes.find((n) => n.id === noteId)).toMatchObject({
        myVotes: 2,
        votes: null,
        voters: null,
      });
      expect(voted.steps[FIRMOGRAPHICS]!.myVotesLeft).toBe(1);
      await waitFor(() => lastWorkshop(watcher.events)?.steps[FIRMOGRAPHICS]!.voters === 1);
      for (const event of watcher.events) {
        if (event.type !== 'workshop.updated') continue;
        for (const n of event.workshop.notes) {
          expect(n.votes).toBeNull();
          expect(n.voters).toBeNull();
          expect(n.myVotes).toBe(0);
        }
      }
      expect(wireText(watcher)).not.toContain(`"myVotes":2`);
      const overBudget = await call(
        'PUT',
        `/api/workshops/${session.id}/notes/${noteId}/vote`,
        as(commenter),
        { count: 4 },
      );
      errorOf(overBudget, 409, 'vote_budget');

      await act(session.id, { type: 'closeVoting' });
      await waitFor(() => lastWorkshop(watcher.events)?.notes.find((n) => n.id === noteId)?.votes === 2);
      expect(lastWorkshop(watcher.events)!.notes.find((n) => n.id === noteId)!.voters).toEqual([
        { id: commenter.user.id, name: 'Cora Commenter' },
      ]);
    });

    it('stock y-websocket clients keep syncing and editing during a session, and never get events', async () => {
      const icp = await createIcp(ctx.server, 'Stock');
      const session = await start(icp.id);
      const stock = await pool.connect(ctx.server, icp.id, { token: editor.token });
      const bullseye = await pool.connect(ctx.server, icp.id, {
        token: editor2.token,
        params: { acks: '1' },
      });
      await act(session.id, { type: 'pause' });
      addListItem(stock.doc, 'industries', 'Logistics');
      await waitFor(() => readList(bullseye.doc, 'industries').some((i) => i.text === 'Logistics'));
      await waitFor(() => bullseye.events.some((e) => e.type === 'workshop.updated'));
      expect(stock.events).toHaveLength(0);
    });
  });

  describe('a whole workshop', () => {
    it('promotes winners with provenance, counts coverage, ends with a version and tells the absent', async () => {
      const icp = await createIcp(ctx.server, 'Whole');
      const session = await start(icp.id);
      const facilitatorDoc = await pool.connect(ctx.server, icp.id, {
        token: editor.token,
        params: { acks: '1' },
      });
      await act(session.id, { type: 'join' }, as(commenter2));
      await act(session.id, { type: 'goToStep', index: FIRMOGRAPHICS });

      // Silent writing by three functions, two of them the same idea.
      const a = await note(session.id, 'industries', 'Fintech', as(commenter));
      const b = await note(session.id, 'industries', 'Financial technology', as(commenter2));
      await note(session.id, 'geographies', 'DACH', as(commenter2));
      const c = await note(session.id, 'industries', 'Insurance', as(editor));
      const fintech = a.notes.find((n) => n.text === 'Fintech')!.id;
      const duplicate = b.notes.find((n) => n.text === 'Financial technology')!.id;
      const insurance = c.notes.find((n) => n.text === 'Insurance')!.id;
      const writing = await get(session.id);
      expect(writing.steps[FIRMOGRAPHICS]).toMatchObject({ hiddenNotes: 3, hiddenAuthors: 2 });
      const coverage = (section: string, fn: string, dto: WorkshopDto) =>
        dto.coverage.find((s) => s.section === section)!.byFunction.find((f) => f.function === fn)!;
      expect(coverage('industries', 'marketing', writing).notes).toBe(1);

      await act(session.id, { type: 'reveal' });
      const merged = await act(session.id, { type: 'merge', noteId: duplicate, intoId: fintech });
      expect(merged.notes.find((n) => n.id === fintech)!.mergedFrom.map((m) => m.text)).toEqual([
        'Financial technology',
      ]);
      expect(merged.notes.some((n) => n.id === duplicate)).toBe(false);

      await act(session.id, { type: 'startVoting', budget: 3, anonymous: false });
      await vote(session.id, fintech, 2, as(commenter));
      await vote(session.id, fintech, 1, as(commenter2));
      await vote(session.id, insurance, 1, as(commenter2));
      const closed = await act(session.id, { type: 'closeVoting' });
      expect(closed.notes.find((n) => n.id === fintech)!.votes).toBe(3);
      expect(coverage('industries', 'product', closed).votes).toBe(2);

      // The facilitator edits live during the session: counted for sales on Industries.
      addListItem(facilitatorDoc.doc, 'industries', 'Healthcare');
      await waitFor(async () => coverage('industries', 'sales', await get(session.id)).edits > 0, {
        timeoutMs: 15_000,
      });

      const promoted = await act(session.id, { type: 'promote', noteIds: [fintech] });
      expect(promoted.notes.find((n) => n.id === fintech)!.promoted?.by.id).toBe(editor.user.id);
      await waitFor(() => readList(facilitatorDoc.doc, 'industries').some((i) => i.text === 'Fintech'));
      const item = readList(facilitatorDoc.doc, 'industries').find((i) => i.text === 'Fintech')!;
      expect(item.provenance).toMatchObject({
        source: 'workshop',
        workshopId: session.id,
        noteId: fintech,
        proposedBy: { id: commenter.user.id, name: 'Cora Commenter' },
        votes: 3,
      });
      const again = await call('POST', `/api/workshops/${session.id}/actions`, as(editor), {
        type: 'promote',
        noteIds: [fintech],
      });
      expect(again.status).toBe(409);
      expect(readList(facilitatorDoc.doc, 'industries').filter((i) => i.text === 'Fintech')).toHaveLength(1);

      const ended = await act(session.id, { type: 'end', versionName: 'Workshop 2027-01-14' });
      expect(ended.status).toBe('ended');
      const summary = ended.summary!;
      expect(summary.version.name).toBe('Workshop 2027-01-14');
      expect(summary.promoted).toEqual([
        {
          text: 'Fintech',
          section: 'industries',
          author: { id: commenter.user.id, name: 'Cora Commenter' },
          votes: 3,
        },
      ]);
      expect(summary.notPromoted).toBe(2);
      const industries = summary.changes.find((s) => s.key === 'industries');
      expect(industries?.kind === 'list' && industries.added.map((i) => i.text).sort()).toEqual([
        'Fintech',
        'Healthcare',
      ]);
      expect(summary.steps[FIRMOGRAPHICS]!.spentMs).toBeGreaterThan(0);
      expect(summary.votes[0]!.results[0]).toMatchObject({ text: 'Fintech', votes: 3, promoted: true });
      expect(summary.participants.map((p) => p.name).sort()).toEqual([
        'Cora Commenter',
        'Fay Facilitator',
        'Pat Product',
      ]);
      expect(summary.absent.map((p) => p.name)).toContain('Abe Absent');
      expect(summary.absent.map((p) => p.name)).not.toContain('Cora Commenter');

      // The named version exists, the session is in the ICP's past workshops, the absent have it.
      const versions = expectStatus(
        await call<VersionListDto>('GET', `/api/icps/${icp.id}/versions`, owner()),
        200,
        'versions',
      );
      expect(
        versions.versions.some((v) => v.name === 'Workshop 2027-01-14' && v.id === summary.version.id),
      ).toBe(true);
      const list = expectStatus(
        await call<WorkshopListDto>('GET', `/api/icps/${icp.id}/workshops`, as(absentee)),
        200,
        'list',
      );
      expect(list.current).toBeNull();
      expect(list.past[0]).toMatchObject({
        id: session.id,
        versionName: 'Workshop 2027-01-14',
        participants: 3,
        promoted: 1,
      });
      const inbox = expectStatus(await call<InboxDto>('GET', '/api/inbox', as(absentee)), 200, 'inbox');
      const item2 = inbox.items.find((i) => i.kind === 'review' && i.event === 'workshop_ended');
      expect(item2).toMatchObject({ reason: 'absent', workshopId: session.id, icp: { id: icp.id } });
      const present = expectStatus(await call<InboxDto>('GET', '/api/inbox', as(commenter)), 200, 'inbox');
      expect(
        present.items.some(
          (i) => i.kind === 'review' && i.event === 'workshop_ended' && i.workshopId === session.id,
        ),
      ).toBe(false);

      // The version's export carries the record and each promoted criterion's provenance.
      const markdown = await call<string>(
        'GET',
        `/api/versions/${summary.version.id}/export?format=markdown`,
        as(absentee),
      );
      expect(markdown.status).toBe(200);
      expect(markdown.body).toContain('## Workshop record');
      expect(markdown.body).toContain('Fintech _(from a workshop: proposed by Cora Commenter, 3 votes)_');
      expect(markdown.body).toContain('Not there: ');
      const json = await call<{ workshop: { id: string } | null }>(
        'GET',
        `/api/versions/${summary.version.id}/export?format=json`,
        as(absentee),
      );
      expect(json.body.workshop?.id).toBe(session.id);

      // Ended is final: everything is refused, nothing changes; the record shows every note.
      const late = await call('POST', `/api/workshops/${session.id}/notes`, as(commenter), {
        section: 'industries',
        text: 'Late',
      });
      expect(late.status).toBe(409);
      expect((await get(session.id, as(absentee))).notes.map((n) => n.text).sort()).toEqual([
        'DACH',
        'Fintech',
        'Insurance',
      ]);
      // A new session can start once the last one ended.
      await start(icp.id, as(editor2));
    });
  });

  it('the timer is the server’s: the same for everyone, paused and extended, across reconnects and a restart', async () => {
    const icp = await createIcp(ctx.server, 'Timer');
    const session = await start(icp.id);
    expect(session.timer).toMatchObject({ status: 'running', durationMs: 10 * 60_000 });
    const paused = await act(session.id, { type: 'pause' });
    const extended = await act(session.id, { type: 'extend', minutes: 5 });
    expect(extended.timer.durationMs).toBe(15 * 60_000);
    expect(extended.timer.elapsedMs).toBe(paused.timer.elapsedMs);
    // A client that connects later is told the same, and so is another person.
    const late = await listen(icp.id, commenter);
    await act(session.id, { type: 'lock', locked: true });
    await waitFor(() => lastWorkshop(late.events)?.locked === true);
    expect(lastWorkshop(late.events)!.timer).toMatchObject({
      status: 'paused',
      durationMs: 15 * 60_000,
      elapsedMs: paused.timer.elapsedMs,
    });

    await ctx.server.stop();
    await ctx.server.restart();
    const afterRestart = await get(session.id, as(commenter));
    expect(afterRestart.timer).toMatchObject({
      status: 'paused',
      durationMs: 15 * 60_000,
      elapsedMs: paused.timer.elapsedMs,
    });
    expect(afterRestart.locked).toBe(true);

    const resumed = await act(session.id, { type: 'resume' });
    expect(resumed.timer.status).toBe('running');
    await ctx.server.stop();
    await ctx.server.restart();
    const running = await get(session.id);
    expect(running.timer.status).toBe('running');
    // Time went on while the server was down: the countdown is timestamps, not a ticking process.
    expect(running.timer.elapsedMs).toBeGreaterThan(resumed.timer.elapsedMs);
    expect(running.timer.elapsedMs - resumed.timer.elapsedMs).toBeLessThan(
      running.timer.serverTime - resumed.timer.serverTime + 1_000,
    );
    const next = await act(session.id, { type: 'goToStep', index: 1 });
    expect(next.currentStep).toBe(1);
    expect(next.steps[0]!.spentMs).toBeGreaterThanOrEqual(running.timer.elapsedMs);
    expect(next.timer).toMatchObject({ status: 'running', durationMs: 15 * 60_000 });
  });
});

describe('a workshop with 20 participants (sqlite)', () => {
  const ctx = useServer('sqlite');
  const sockets: RawCollabSocket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.ws.close();
  });

  it('everyone writes, votes and hears the same results', async () => {
    const icp = await createIcp(ctx.server, 'Crowd');
    const facilitator = ctx.server.admin!;
    const people: Account[] = [];
    for (let i = 0; i < 19; i++) {
      people.push(
        await addMember(ctx.server, 'commenter', {
          name: `Person ${i + 1}`,
          function: (['sales', 'marketing', 'product', 'customer_success'] as const)[i % 4],
        }),
      );
    }
    const everyone = [
      { token: facilitator.token, userId: facilitator.userId },
      ...people.map((p) => ({ token: p.token, userId: p.user.id })),
    ];
    const startAnswer = await request<WorkshopDto>(ctx.server, 'POST', `/api/icps/${icp.id}/workshops`, {
      body: {},
    });
    const session = expectStatus(startAnswer, 201, 'start');
    for (const person of everyone) {
      const socket = await RawCollabSocket.open(collabUrl(ctx.server, icp.id, { acks: '1' }), {
        authorization: `Bearer ${person.token}`,
      });
      sockets.push(socket);
    }
    const post = (path: string, token: string, body: unknown, method = 'POST') =>
      request<WorkshopDto>(ctx.server, method, path, { as: { token }, body });
    await post(`/api/workshops/${session.id}/actions`, facilitator.token, { type: 'goToStep', index: 1 });
    const written = await Promise.all(
      everyone.map((p, i) =>
        post(`/api/workshops/${session.id}/notes`, p.token, { section: 'industries', text: `Idea ${i}` }),
      ),
    );
    expect(written.map((r) => r.status)).toEqual(everyone.map(() => 201));
    await post(`/api/workshops/${session.id}/actions`, facilitator.token, { type: 'reveal' });
    await post(`/api/workshops/${session.id}/actions`, facilitator.token, { type: 'startVoting' });
    const revealed = (await request<WorkshopDto>(ctx.server, 'GET', `/api/workshops/${session.id}`)).body;
    const ideaZero = revealed.notes.find((n) => n.text === 'Idea 0')!.id;
    const votes = await Promise.all(
      everyone.map((p) =>
        post(`/api/workshops/${session.id}/notes/${ideaZero}/vote`, p.token, { count: 3 }, 'PUT'),
      ),
    );
    expect(votes.map((r) => r.status)).toEqual(everyone.map(() => 200));
    await post(`/api/workshops/${session.id}/actions`, facilitator.token, { type: 'closeVoting' });
    for (const socket of sockets) {
      await waitFor(() => {
        const last = [...socket.events].reverse().find((e) => e.type === 'workshop.updated');
        return (
          last?.type === 'workshop.updated' &&
          last.workshop.notes.find((n) => n.id === ideaZero)?.votes === 60
        );
      });
    }
    const final = (await request<WorkshopDto>(ctx.server, 'GET', `/api/workshops/${session.id}`)).body;
    expect(final.participants).toHaveLength(20);
    expect(final.notes).toHaveLength(20);
  });
});
