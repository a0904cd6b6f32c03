import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type IcpDto, type ServerEvent, type ThreadDto, type WorkspaceDto } from '@bullseye/shared';
import {
  errorOf,
  archiveIcp,
  createIcp,
  request,
  type ApiResponse,
  type Credentials,
} from '../support/api.js';
import { addMember, expectStatus, type Account } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool } from '../support/collabClient.js';
import { listThreads, readInbox, replyTo, startThread, textAnchor } from '../support/comments.js';
import { useServer } from '../support/harness.js';
import { waitFor } from '../support/waitFor.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every comment operation, with a valid body, given an ICP id and a comment id. */
const OPERATIONS: [string, string, (icp: string, comment: string) => string, unknown?][] = [
  ['listComments', 'GET', (icp) => `/api/icps/${icp}/comments`],
  ['createComment', 'POST', (icp) => `/api/icps/${icp}/comments`, { body: 'Hi', anchor: { type: 'icp' } }],
  ['followIcp', 'PUT', (icp) => `/api/icps/${icp}/follow`, { following: true }],
  ['replyToComment', 'POST', (_, c) => `/api/comments/${c}/replies`, { body: 'Planted reply' }],
  ['updateComment', 'PATCH', (_, c) => `/api/comments/${c}`, { body: 'Rewritten', blocking: true }],
  ['deleteComment', 'DELETE', (_, c) => `/api/comments/${c}`],
  ['resolveComment', 'POST', (_, c) => `/api/comments/${c}/resolve`],
  ['reopenComment', 'POST', (_, c) => `/api/comments/${c}/reopen`],
];

describe.each(BACKENDS)('comment threads on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  let editor: Account;
  let commenter: Account;
  let viewer: Account;
  /** A workspace of the owner's that none of the others belong to, with a thread in it. */
  let beta: { workspace: string; icp: string; thread: ThreadDto };

  const as = (account: Account): Credentials => ({ token: account.token });
  const owner = () => ctx.server.admin!;

  const threadsOf = async (icpId: string, query = '', who?: Credentials) =>
    (await listThreads(ctx.server, icpId, query, who)).threads;
  const getThread = async (icpId: string, threadId: string, who?: Credentials) => {
    const thread = (await threadsOf(icpId, '', who)).find((t) => t.id === threadId);
    if (!thread) throw new Error(`thread ${threadId} is not listed`);
    return thread;
  };
  const countComments = (icpId: string) => ctx.storage.count('comments', icpId);

  beforeAll(async () => {
    editor = await addMember(ctx.server, 'editor', { name: 'Edna Editor', function: 'sales' });
    commenter = await addMember(ctx.server, 'commenter', { name: 'Cora Commenter', function: 'marketing' });
    viewer = await addMember(ctx.server, 'viewer', { name: 'Vic Viewer' });
    const workspace = expectStatus(
      await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name: 'Beta' } }),
      201,
      'creating Beta',
    );
    const icp = await createIcp(ctx.server, 'Beta plan', workspace.id);
    const thread = await startThread(ctx.server, icp.id, 'Beta secret thread');
    beta = {
      workspace: workspace.id,
      icp: icp.id,
      thread: await replyTo(ctx.server, thread.id, 'Beta reply'),
    };
  });

  describe('access', () => {
    it.each(OPERATIONS)(
      '%s requires authentication (401) and stores nothing',
      async (_op, method, path, body) => {
        const icp = await createIcp(ctx.server, 'Signed out');
        const thread = await startThread(ctx.server, icp.id, 'Original');
        for (const credentials of [null, { token: 'bye_not-a-real-token' }]) {
          const response = await request(ctx.server, method, path(icp.id, thread.id), {
            body,
            as: credentials,
          });
          errorOf(response, 401, 'unauthenticated');
        }
        const threads = await threadsOf(icp.id);
        expect(threads.map((t) => t.id)).toEqual([thread.id]);
        const after = threads[0];
        expect(after!.comments.map((c) => c.body)).toEqual(['Original']);
        expect(after!.status).toBe('open');
        expect(after!.blocking).toBe(false);
        expect((await listThreads(ctx.server, icp.id)).following).toBe(true);
      },
    );

    it.each(OPERATIONS)(
      "%s answers 404 for another workspace's ids exactly as for unknown ones, and changes nothing",
      async (_op, method, path, body) => {
        const before = await listThreads(ctx.server, beta.icp);
        const toBeta = await request(ctx.server, method, path(beta.icp, beta.thread.comments[1]!.id), {
          body,
          as: as(editor),
        });
        const toRoot = await request(ctx.server, method, path(beta.icp, beta.thread.id), {
          body,
          as: as(editor),
        });
        const toNowhere = await request(ctx.server, method, path(randomUUID(), randomUUID()), {
          body,
          as: as(editor),
        });
        const malformed = await request(ctx.server, method, path('not-a-uuid', 'nope'), {
          body,
          as: as(editor),
        });
        for (const response of [toBeta, toRoot, toNowhere, malformed]) errorOf(response, 404, 'not_found');
        expect(toBeta.body).toEqual(toNowhere.body);
        expect(toRoot.body).toEqual(toNowhere.body);
        expect(JSON.stringify(toBeta.body)).not.toMatch(/Beta/);
        expect(await listThreads(ctx.server, beta.icp)).toEqual(before);
      },
    );

    it('lets a viewer read threads but not comment, reply or resolve (403), and stores nothing', async () => {
      const icp = await createIcp(ctx.server, 'Viewer tries');
      const thread = await startThread(ctx.server, icp.id, 'Read me');
      const attempts = [
        ['POST', `/api/icps/${icp.id}/comments`, { body: 'Viewer thread', anchor: { type: 'icp' } }],
        ['POST', `/api/comments/${thread.id}/replies`, { body: 'Viewer reply' }],
        ['POST', `/api/comments/${thread.id}/resolve`],
        ['PATCH', `/api/comments/${thread.id}`, { blocking: true }],
        ['PATCH', `/api/comments/${thread.id}`, { body: 'Viewer edit' }],
        ['DELETE', `/api/comments/${thread.id}`],
      ] as const;
      for (const [method, path, body] of attempts) {
        errorOf(await request(ctx.server, method, path, { body, as: as(viewer) }), 403, 'forbidden');
      }
      expect(await countComments(icp.id)).toBe(1);
      const seen = await threadsOf(icp.id, '', as(viewer));
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ status: 'open', blocking: false, resolvedAt: null });
      expect(seen[0]!.comments.map((c) => c.body)).toEqual(['Read me']);
      expect(seen[0]!.abilities).toEqual({ reply: false, resolve: false, setBlocking: false });
      expect(seen[0]!.comments[0]!.abilities).toEqual({ update: false, delete: false });
    });

    it('lets a commenter comment, reply and resolve, with abilities that say so', async () => {
      const icp = await createIcp(ctx.server, 'Commenter works');
      const own = await startThread(ctx.server, icp.id, 'My question', { as: as(commenter) });
      expect(own.abilities).toEqual({ reply: true, resolve: true, setBlocking: true });
      expect(own.comments[0]!.abilities).toEqual({ update: true, delete: true });
      expect(own.comments[0]!.author).toEqual({ id: commenter.user.id, name: 'Cora Commenter' });

      const others = await startThread(ctx.server, icp.id, "The owner's point");
      const replied = await replyTo(ctx.server, others.id, 'I agree', as(commenter));
      expect(replied.abilities).toEqual({ reply: true, resolve: true, setBlocking: false });
      expect(replied.comments.map((c) => c.abilities)).toEqual([
        { update: false, delete: false },
        { update: true, delete: true },
      ]);
      const resolved = await request<ThreadDto>(ctx.server, 'POST', `/api/comments/${others.id}/resolve`, {
        as: as(commenter),
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body.resolvedBy).toEqual({ id: commenter.user.id, name: 'Cora Commenter' });
      expect((await getThread(icp.id, others.id)).status).toBe('resolved');
    });

    it("refuses to edit someone else's comment (403), even for an admin", async () => {
      const icp = await createIcp(ctx.server, 'Not yours');
      const thread = await startThread(ctx.server, icp.id, 'Cora wrote this', { as: as(commenter) });
      for (const who of [as(editor), undefined]) {
        const response = await request(ctx.server, 'PATCH', `/api/comments/${thread.id}`, {
          body: { body: 'Rewritten by someone else' },
          as: who,
        });
        errorOf(response, 403, 'forbidden');
      }
      const after = await getThread(icp.id, thread.id);
      expect(after.comments[0]).toMatchObject({ body: 'Cora wrote this', editedAt: null });
    });

    it('makes comments read-only on an archived ICP (403), while they can still be read', async () => {
      const icp = await createIcp(ctx.server, 'Archived talk');
      const thread = await startThread(ctx.server, icp.id, 'Before archiving', { as: as(editor) });
      await archiveIcp(ctx.server, icp.id);
      for (const [method, path, body] of [
        ['POST', `/api/icps/${icp.id}/comments`, { body: 'After', anchor: { type: 'icp' } }],
        ['POST', `/api/comments/${thread.id}/replies`, { body: 'After' }],
        ['POST', `/api/comments/${thread.id}/resolve`],
        ['PATCH', `/api/comments/${thread.id}`, { body: 'Edited after' }],
      ] as const) {
        errorOf(await request(ctx.server, method, path, { body, as: as(editor) }), 403, 'forbidden');
      }
      const [seen] = await threadsOf(icp.id, '', as(editor));
      expect(seen!.comments.map((c) => c.body)).toEqual(['Before archiving']);
      expect(seen!.status).toBe('open');
      expect(seen!.abilities).toEqual({ reply: false, resolve: false, setBlocking: false });
    });
  });

  describe('starting threads', () => {
    it('starts threads on the ICP, a criterion and a passage, listed in creation order', async () => {
      const icp = await createIcp(ctx.server, 'Anchors');
      const onIcp = await startThread(ctx.server, icp.id, '  Overall, good  ');
      expect(onIcp).toMatchObject({
        icpId: icp.id,
        anchor: { type: 'icp' },
        blocking: false,
        status: 'open',
        resolvedAt: null,
        resolvedBy: null,
        abilities: { reply: true, resolve: true, setBlocking: true },
      });
      expect(onIcp.createdAt).toMatch(ISO_DATE);
      expect(onIcp.updatedAt).toBe(onIcp.createdAt);
      expect(onIcp.comments).toEqual([
        {
          id: onIcp.id,
          author: { id: owner().userId, name: 'Olive Owner' },
          body: 'Overall, good',
          mentions: [],
          createdAt: onIcp.createdAt,
          editedAt: null,
          abilities: { update: true, delete: true },
        },
      ]);

      const criterion = {
        type: 'criterion' as const,
        section: 'industries',
        itemId: 'item-1',
        quote: ' Fintech\n',
      };
      const onCriterion = await startThread(ctx.server, icp.id, 'Too broad?', {
        as: as(editor),
        anchor: criterion,
        blocking: true,
      });
      expect(onCriterion.anchor).toEqual({
        type: 'criterion',
        section: 'industries',
        itemId: 'item-1',
        quote: 'Fintech',
      });
      expect(onCriterion.blocking).toBe(true);
      const onRange = await startThread(ctx.server, icp.id, 'Range?', {
        anchor: { type: 'criterion', section: 'employees', itemId: null, quote: '50-500' },
      });
      expect(onRange.anchor).toEqual({
        type: 'criterion',
        section: 'employees',
        itemId: null,
        quote: '50-500',
      });
      const anchor = textAnchor();
      const onText = await startThread(ctx.server, icp.id, 'Which cycle?', { as: as(commenter), anchor });
      expect(onText.anchor).toEqual(anchor);

      const list = await listThreads(ctx.server, icp.id);
      expect(list.threads.map((t) => t.id)).toEqual([onIcp.id, onCriterion.id, onRange.id, onText.id]);
      expect((await threadsOf(icp.id, '', as(editor)))[1]).toEqual(onCriterion);
      expect(list.blockingOpen).toBe(1);
      expect(list.following).toBe(true);
      expect(await countComments(icp.id)).toBe(4);
    });

    it.each([
      ['a missing body', { anchor: { type: 'icp' } }, 'body'],
      ['an empty body', { body: '  \n ', anchor: { type: 'icp' } }, 'body'],
      [
        'a body of 4001 characters',
        { body: 'x'.repeat(LIMITS.maxCommentLength + 1), anchor: { type: 'icp' } },
        'body',
      ],
      ['a body with control characters', { body: 'bell\u0007', anchor: { type: 'icp' } }, 'body'],
      ['a number as body', { body: 42, anchor: { type: 'icp' } }, 'body'],
      ['an unknown field', { body: 'Hi', anchor: { type: 'icp' }, author: 'me' }, 'author'],
      ['a missing anchor', { body: 'Hi' }, 'anchor'],
      ['a bad anchor type', { body: 'Hi', anchor: { type: 'page' } }, 'anchor.type'],
      [
        'an unknown anchor field',
        { body: 'Hi', anchor: { type: 'icp', section: 'goals' } },
        'anchor.section',
      ],
      [
        'a list criterion without itemId',
        { body: 'Hi', anchor: { type: 'criterion', section: 'industries', itemId: null, quote: 'x' } },
        'anchor.itemId',
      ],
      [
        'a range with an itemId',
        { body: 'Hi', anchor: { type: 'criterion', section: 'employees', itemId: 'abc', quote: '' } },
        'anchor.itemId',
      ],
      [
        'an unknown section',
        { body: 'Hi', anchor: { type: 'criterion', section: 'horoscope', itemId: 'a', quote: '' } },
        'anchor.section',
      ],
      [
        'a narrative anchor with garbage positions',
        {
          body: 'Hi',
          anchor: { type: 'text', section: 'goals', start: 'garbage', end: 'garbage', quote: 'x' },
        },
        'anchor.start',
      ],
      [
        'a text anchor on a list section',
        { body: 'Hi', anchor: { ...textAnchor(), section: 'industries' } },
        'anchor.section',
      ],
      [
        'a text anchor without quote',
        { body: 'Hi', anchor: { ...textAnchor(), quote: ' ' } },
        'anchor.quote',
      ],
      ['a non-boolean blocking', { body: 'Hi', anchor: { type: 'icp' }, blocking: 'yes' }, 'blocking'],
      ['an array body', [{ body: 'Hi', anchor: { type: 'icp' } }], 'body'],
    ])('refuses %s with 400 naming the field, and stores nothing', async (_case, body, field) => {
      const icp = await createIcp(ctx.server, 'Invalid');
      const response = await request(ctx.server, 'POST', `/api/icps/${icp.id}/comments`, { body });
      errorOf(response, 400, 'invalid_input', field);
      expect(await countComments(icp.id)).toBe(0);
      expect(await threadsOf(icp.id)).toEqual([]);
    });

    it('refuses invalid JSON and oversized bodies', async () => {
      const icp = await createIcp(ctx.server, 'Broken');
      const path = `/api/icps/${icp.id}/comments`;
      errorOf(await request(ctx.server, 'POST', path, { body: '{"body": ' }), 400, 'invalid_json');
      const big = JSON.stringify({ body: 'x'.repeat(LIMITS.maxJsonBodyBytes), anchor: { type: 'icp' } });
      errorOf(await request(ctx.server, 'POST', path, { body: big }), 413, 'payload_too_large');
      expect(await countComments(icp.id)).toBe(0);
    });

    it(`refuses a thread beyond ${LIMITS.maxThreadsPerIcp} on one ICP with 409 too_many_threads`, async () => {
      const icp = await createIcp(ctx.server, 'Crowded');
      let created = 0;
      let refused: ApiResponse | undefined;
      // Bounded: a few concurrent writers until the server refuses, never more than the limit + 4.
      const writer = async () => {
        while (!refused && created < LIMITS.maxThreadsPerIcp + 4) {
          const response = await request(ctx.server, 'POST', `/api/icps/${icp.id}/comments`, {
            body: { body: `Thread ${created}`, anchor: { type: 'icp' } },
          });
          if (response.status === 201) created++;
          else refused = response;
        }
      };
      await Promise.all([writer(), writer(), writer(), writer()]);
      expect(created).toBe(LIMITS.maxThreadsPerIcp);
      errorOf(refused!, 409, 'too_many_threads');
      expect(await countComments(icp.id)).toBe(LIMITS.maxThreadsPerIcp);
    });
  });

  describe('replies', () => {
    it('go to the thread of whichever of its comments they answer, oldest first', async () => {
      const icp = await createIcp(ctx.server, 'Replies');
      const thread = await startThread(ctx.server, icp.id, 'First');
      const first = await replyTo(ctx.server, thread.id, 'Second', as(editor));
      const replyId = first.comments[1]!.id;
      const second = await replyTo(ctx.server, replyId, 'Third', as(commenter));
      expect(second.id).toBe(thread.id);
      expect(second.comments.map((c) => [c.body, c.author?.name])).toEqual([
        ['First', 'Olive Owner'],
        ['Second', 'Edna Editor'],
        ['Third', 'Cora Commenter'],
      ]);
      // The thread's activity is its latest reply.
      expect(second.updatedAt >= second.comments[2]!.createdAt).toBe(true);
      expect(first.updatedAt >= first.comments[1]!.createdAt).toBe(true);
      const listed = await threadsOf(icp.id);
      expect(listed).toHaveLength(1);
      expect(listed[0]!.comments.map((c) => c.body)).toEqual(['First', 'Second', 'Third']);
    });

    it.each([
      ['an empty body', { body: '' }, 'body'],
      ['a body of 4001 characters', { body: 'y'.repeat(LIMITS.maxCommentLength + 1) }, 'body'],
      ['an anchor (replies have none)', { body: 'Hi', anchor: { type: 'icp' } }, 'anchor'],
      ['no body at all', {}, 'body'],
    ])('refuses a reply with %s (400) and stores nothing', async (_case, body, field) => {
      const icp = await createIcp(ctx.server, 'Bad reply');
      const thread = await startThread(ctx.server, icp.id, 'Root');
      const response = await request(ctx.server, 'POST', `/api/comments/${thread.id}/replies`, { body });
      errorOf(response, 400, 'invalid_input', field);
      expect(await countComments(icp.id)).toBe(1);
    });

    it(`fill a thread at ${LIMITS.maxCommentsPerThread} comments, then 409 thread_full`, async () => {
      const icp = await createIcp(ctx.server, 'Long thread');
      const thread = await startThread(ctx.server, icp.id, 'Root');
      let replies = 0;
      let refused: ApiResponse | undefined;
      for (let i = 0; i < LIMITS.maxCommentsPerThread + 5 && !refused; i++) {
        const response = await request(ctx.server, 'POST', `/api/comments/${thread.id}/replies`, {
          body: { body: `Reply ${i}` },
        });
        if (response.status === 201) replies++;
        else refused = response;
      }
      expect(replies).toBe(LIMITS.maxCommentsPerThread - 1);
      errorOf(refused!, 409, 'thread_full');
      expect(await countComments(icp.id)).toBe(LIMITS.maxCommentsPerThread);
      expect((await getThread(icp.id, thread.id)).comments).toHaveLength(LIMITS.maxCommentsPerThread);
    });
  });

  describe('editing', () => {
    it('lets the author edit the text: editedAt is set, mentions follow the new text', async () => {
      const icp = await createIcp(ctx.server, 'Edits');
      const thread = await startThread(ctx.server, icp.id, 'Draft', { as: as(editor) });
      const response = await request<ThreadDto>(ctx.server, 'PATCH', `/api/comments/${thread.id}`, {
        body: { body: ' Final, @Cora Commenter please check ' },
        as: as(editor),
      });
      expect(response.status).toBe(200);
      const [edited] = response.body.comments;
      expect(edited).toMatchObject({
        body: 'Final, @Cora Commenter please check',
        createdAt: thread.createdAt,
      });
      expect(edited!.editedAt).toMatch(ISO_DATE);
      expect(edited!.mentions).toEqual([{ type: 'user', userId: commenter.user.id, name: 'Cora Commenter' }]);
      expect(response.body.updatedAt >= edited!.editedAt!).toBe(true);
      expect(await getThread(icp.id, thread.id, as(editor))).toEqual(response.body);

      // The same text again changes nothing.
      const again = await request<ThreadDto>(ctx.server, 'PATCH', `/api/comments/${thread.id}`, {
        body: { body: 'Final, @Cora Commenter please check' },
        as: as(editor),
      });
      expect(again.body).toEqual(response.body);
    });

    it('lets the author edit a reply', async () => {
      const icp = await createIcp(ctx.server, 'Reply edits');
      const thread = await startThread(ctx.server, icp.id, 'Root');
      const withReply = await replyTo(ctx.server, thread.id, 'Typo', as(commenter));
      const replyId = withReply.comments[1]!.id;
      const response = await request<ThreadDto>(ctx.server, 'PATCH', `/api/comments/${replyId}`, {
        body: { body: 'Fixed' },
        as: as(commenter),
      });
      expect(response.status).toBe(200);
      expect(response.body.comments.map((c) => c.body)).toEqual(['Root', 'Fixed']);
      expect(response.body.comments[0]!.editedAt).toBeNull();
      expect(response.body.comments[1]!.editedAt).toMatch(ISO_DATE);
    });

    it('marks only a first comment blocking (400 on a reply), by its author or editors (403 otherwise)', async () => {
      const icp = await createIcp(ctx.server, 'Blocking');
      const thread = await startThread(ctx.server, icp.id, 'Is this right?', { as: as(commenter) });
      const replyId = (await replyTo(ctx.server, thread.id, 'Let me look', as(editor))).comments[1]!.id;

      errorOf(
        await request(ctx.server, 'PATCH', `/api/comments/${replyId}`, {
          body: { blocking: true },
          as: as(editor),
        }),
        400,
        'invalid_input',
        'blocking',
      );
      expect((await listThreads(ctx.server, icp.id)).blockingOpen).toBe(0);

      // The author may.
      const marked = await request<ThreadDto>(ctx.server, 'PATCH', `/api/comments/${thread.id}`, {
        body: { blocking: true },
        as: as(commenter),
      });
      expect(marked.status).toBe(200);
      expect(marked.body.blocking).toBe(true);
      expect((await listThreads(ctx.server, icp.id)).blockingOpen).toBe(1);

      // Another commenter's thread: a commenter may not; an editor may.
      const other = await startThread(ctx.server, icp.id, 'Owner thread');
      errorOf(
        await request(ctx.server, 'PATCH', `/api/comments/${other.id}`, {
          body: { blocking: true },
          as: as(commenter),
        }),
        403,
        'forbidden',
      );
      expect((await getThread(icp.id, other.id)).blocking).toBe(false);
      const byEditor = await request<ThreadDto>(ctx.server, 'PATCH', `/api/comments/${other.id}`, {
        body: { blocking: true },
        as: as(editor),
      });
      expect(byEditor.body.blocking).toBe(true);
      expect((await listThreads(ctx.server, icp.id)).blockingOpen).toBe(2);

      // Resolved blocking threads no longer count, whatever the filter.
      await request(ctx.server, 'POST', `/api/comments/${other.id}/resolve`);
      const resolvedOnly = await listThreads(ctx.server, icp.id, '?status=resolved');
      expect(resolvedOnly.blockingOpen).toBe(1);
      expect(resolvedOnly.threads.map((t) => t.id)).toEqual([other.id]);
    });

    it('edits body and blocking together, or nothing when either is refused', async () => {
      const icp = await createIcp(ctx.server, 'All or nothing');
      const thread = await startThread(ctx.server, icp.id, 'Owner text');
      // An editor may mark it blocking but not rewrite it: nothing changes.
      errorOf(
        await request(ctx.server, 'PATCH', `/api/comments/${thread.id}`, {
          body: { body: 'Hijacked', blocking: true },
          as: as(editor),
        }),
        403,
        'forbidden',
      );
      expect(await getThread(icp.id, thread.id)).toMatchObject({ blocking: false });
      expect((await getThread(icp.id, thread.id)).comments[0]!.body).toBe('Owner text');
      const both = await request<ThreadDto>(ctx.server, 'PATCH', `/api/comments/${thread.id}`, {
        body: { body: 'Owner text, revised', blocking: true },
      });
      expect(both.body).toMatchObject({ blocking: true });
      expect(both.body.comments[0]!.body).toBe('Owner text, revised');
    });

    it.each([
      ['an empty patch', {}, 'body'],
      ['an empty body', { body: ' ' }, 'body'],
      ['a body of 4001 characters', { body: 'z'.repeat(LIMITS.maxCommentLength + 1) }, 'body'],
      ['a non-boolean blocking', { blocking: 'true' }, 'blocking'],
      ['an unknown field', { resolved: true }, 'resolved'],
    ])('refuses %s (400) and keeps the comment', async (_case, body, field) => {
      const icp = await createIcp(ctx.server, 'Bad edit');
      const thread = await startThread(ctx.server, icp.id, 'Keep me');
      errorOf(
        await request(ctx.server, 'PATCH', `/api/comments/${thread.id}`, { body }),
        400,
        'invalid_input',
        field,
      );
      expect(await getThread(icp.id, thread.id)).toEqual(thread);
    });
  });

  describe('deleting', () => {
    it('deletes a reply alone', async () => {
      const icp = await createIcp(ctx.server, 'Delete reply');
      const thread = await startThread(ctx.server, icp.id, 'Root');
      const withReplies = await replyTo(
        ctx.server,
        (await replyTo(ctx.server, thread.id, 'One', as(commenter))).id,
        'Two',
      );
      const [, one, two] = withReplies.comments;
      const response = await request(ctx.server, 'DELETE', `/api/comments/${one!.id}`, { as: as(commenter) });
      expect(response.status).toBe(204);
      expect((await getThread(icp.id, thread.id)).comments.map((c) => c.id)).toEqual([thread.id, two!.id]);
      errorOf(
        await request(ctx.server, 'DELETE', `/api/comments/${one!.id}`, { as: as(commenter) }),
        404,
        'not_found',
      );
    });

    it("lets an admin delete another's comment; a commenter or editor may not (403)", async () => {
      const icp = await createIcp(ctx.server, 'Moderation');
      const thread = await startThread(ctx.server, icp.id, 'Owner root');
      const replyId = (await replyTo(ctx.server, thread.id, 'Off-topic', as(commenter))).comments[1]!.id;
      errorOf(
        await request(ctx.server, 'DELETE', `/api/comments/${thread.id}`, { as: as(editor) }),
        403,
        'forbidden',
      );
      errorOf(
        await request(ctx.server, 'DELETE', `/api/comments/${thread.id}`, { as: as(commenter) }),
        403,
        'forbidden',
      );
      expect(await countComments(icp.id)).toBe(2);
      expect((await request(ctx.server, 'DELETE', `/api/comments/${replyId}`)).status).toBe(204);
      expect((await getThread(icp.id, thread.id)).comments.map((c) => c.body)).toEqual(['Owner root']);
    });

    it('deletes a whole thread with its first comment: replies and inbox items go too', async () => {
      const icp = await createIcp(ctx.server, 'Delete thread');
      const unreadBefore = (await readInbox(ctx.server, as(commenter))).unreadCount;
      const thread = await startThread(ctx.server, icp.id, 'Ask @Cora Commenter', { as: as(editor) });
      const withReply = await replyTo(ctx.server, thread.id, 'Sure', as(commenter));
      await replyTo(ctx.server, thread.id, 'Thanks', as(editor));
      const commenterInbox = await readInbox(ctx.server, as(commenter));
      expect(commenterInbox.items.filter((i) => i.icp.id === icp.id).map((i) => i.reason)).toEqual([
        'reply',
        'mention',
      ]);
      expect(commenterInbox.unreadCount).toBe(unreadBefore + 2);
      expect(await ctx.storage.count('inbox_items', icp.id)).toBeGreaterThanOrEqual(3);

      const response = await request(ctx.server, 'DELETE', `/api/comments/${thread.id}`, { as: as(editor) });
      expect(response.status).toBe(204);
      expect(await threadsOf(icp.id)).toEqual([]);
      expect(await countComments(icp.id)).toBe(0);
      expect(await ctx.storage.count('inbox_items', icp.id)).toBe(0);
      const after = await readInbox(ctx.server, as(commenter));
      expect(after.items.filter((i) => i.icp.id === icp.id)).toEqual([]);
      expect(after.unreadCount).toBe(unreadBefore);
      errorOf(
        await request(ctx.server, 'POST', `/api/comments/${withReply.comments[1]!.id}/replies`, {
          body: { body: 'Late' },
        }),
        404,
        'not_found',
      );
    });
  });

  describe('resolving', () => {
    it('resolves and reopens from any comment of the thread, idempotently', async () => {
      const icp = await createIcp(ctx.server, 'Resolve');
      const thread = await startThread(ctx.server, icp.id, 'Open question', {
        as: as(commenter),
        blocking: true,
      });
      const replyId = (await replyTo(ctx.server, thread.id, 'Answered', as(editor))).comments[1]!.id;

      const resolved = await request<ThreadDto>(ctx.server, 'POST', `/api/comments/${replyId}/resolve`, {
        as: as(editor),
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        id: thread.id,
        status: 'resolved',
        resolvedBy: { id: editor.user.id, name: 'Edna Editor' },
      });
      expect(resolved.body.resolvedAt).toMatch(ISO_DATE);
      expect(resolved.body.updatedAt).toBe(resolved.body.resolvedAt);
      expect((await listThreads(ctx.server, icp.id)).blockingOpen).toBe(0);

      // Resolving a resolved thread (from any comment, by anyone) changes nothing.
      const again = await request<ThreadDto>(ctx.server, 'POST', `/api/comments/${thread.id}/resolve`, {
        as: as(editor),
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(resolved.body);
      const byOther = await request<ThreadDto>(ctx.server, 'POST', `/api/comments/${replyId}/resolve`, {
        as: as(commenter),
      });
      expect(byOther.body).toMatchObject({
        resolvedAt: resolved.body.resolvedAt,
        updatedAt: resolved.body.updatedAt,
      });
      expect(byOther.body.resolvedBy?.name).toBe('Edna Editor');

      const reopened = await request<ThreadDto>(ctx.server, 'POST', `/api/comments/${thread.id}/reopen`, {
        as: as(commenter),
      });
      expect(reopened.body).toMatchObject({ status: 'open', resolvedAt: null, resolvedBy: null });
      expect(reopened.body.updatedAt >= resolved.body.updatedAt).toBe(true);
      expect((await listThreads(ctx.server, icp.id)).blockingOpen).toBe(1);
      const reopenedAgain = await request<ThreadDto>(ctx.server, 'POST', `/api/comments/${replyId}/reopen`, {
        as: as(commenter),
      });
      expect(reopenedAgain.body.updatedAt).toBe(reopened.body.updatedAt);
      expect(await getThread(icp.id, thread.id)).toMatchObject({
        status: 'open',
        updatedAt: reopened.body.updatedAt,
      });
    });
  });

  describe('listing', () => {
    it('filters by status and by participation (mine)', async () => {
      const icp = await createIcp(ctx.server, 'Filters');
      const mine = await startThread(ctx.server, icp.id, 'Cora asks', { as: as(commenter) });
      const repliedTo = await startThread(ctx.server, icp.id, 'Edna asks', { as: as(editor) });
      await replyTo(ctx.server, repliedTo.id, 'Cora answers', as(commenter));
      const notMine = await startThread(ctx.server, icp.id, 'Owner asks');
      await request(ctx.server, 'POST', `/api/comments/${repliedTo.id}/resolve`);

      const ids = async (query: string, who: Credentials = as(commenter)) =>
        (await threadsOf(icp.id, query, who)).map((t) => t.id);
      expect(await ids('')).toEqual([mine.id, repliedTo.id, notMine.id]);
      expect(await ids('?status=all')).toEqual([mine.id, repliedTo.id, notMine.id]);
      expect(await ids('?status=open')).toEqual([mine.id, notMine.id]);
      expect(await ids('?status=resolved')).toEqual([repliedTo.id]);
      expect(await ids('?mine=true')).toEqual([mine.id, repliedTo.id]);
      expect(await ids('?mine=false')).toEqual([mine.id, repliedTo.id, notMine.id]);
      expect(await ids('?mine=true&status=open')).toEqual([mine.id]);
      expect(await ids('?mine=true', as(viewer))).toEqual([]);
      const [withReplies] = (await threadsOf(icp.id, '?status=resolved')).map((t) => t.comments.length);
      expect(withReplies).toBe(2);
    });

    it('refuses bad filters and unknown query parameters', async () => {
      const icp = await createIcp(ctx.server, 'Bad filters');
      const path = `/api/icps/${icp.id}/comments`;
      errorOf(await request(ctx.server, 'GET', `${path}?status=closed`), 400, 'invalid_input', 'status');
      errorOf(await request(ctx.server, 'GET', `${path}?mine=yes`), 400, 'invalid_input', 'mine');
      errorOf(await request(ctx.server, 'GET', `${path}?sort=newest`), 400, 'invalid_input', 'sort');
    });

    it('follows and unfollows an ICP (ability read: viewers too)', async () => {
      const icp = await createIcp(ctx.server, 'Follow me');
      expect((await listThreads(ctx.server, icp.id, '', as(viewer))).following).toBe(false);
      const followed = await request(ctx.server, 'PUT', `/api/icps/${icp.id}/follow`, {
        body: { following: true },
        as: as(viewer),
      });
      expect(followed.status).toBe(200);
      expect(followed.body).toEqual({ following: true });
      expect((await listThreads(ctx.server, icp.id, '', as(viewer))).following).toBe(true);
      expect((await listThreads(ctx.server, icp.id, '', as(commenter))).following).toBe(false);
      const unfollowed = await request(ctx.server, 'PUT', `/api/icps/${icp.id}/follow`, {
        body: { following: false },
        as: as(viewer),
      });
      expect(unfollowed.body).toEqual({ following: false });
      expect((await listThreads(ctx.server, icp.id, '', as(viewer))).following).toBe(false);
      for (const body of [{}, { following: 'yes' }, { following: true, notify: 'email' }]) {
        const response = await request(ctx.server, 'PUT', `/api/icps/${icp.id}/follow`, {
          body,
          as: as(viewer),
        });
        expect(response.status, JSON.stringify(body)).toBe(400);
      }
      expect((await listThreads(ctx.server, icp.id, '', as(viewer))).following).toBe(false);
    });
  });

  describe('live events', () => {
    it('pushes comments.thread to acks=1 clients, presented for each client, and threadDeleted', async () => {
      const icp = await createIcp(ctx.server, 'Live threads');
      const ownerClient = await pool.connect(ctx.server, icp.id, { params: { acks: '1' } });
      const viewerClient = await pool.connect(ctx.server, icp.id, {
        params: { acks: '1' },
        token: viewer.token,
      });
      const plainClient = await pool.connect(ctx.server, icp.id, { token: commenter.token });
      const threadEvents = (events: ServerEvent[]) =>
        events.filter(
          (e): e is Extract<ServerEvent, { type: 'comments.thread' }> => e.type === 'comments.thread',
        );

      const thread = await startThread(ctx.server, icp.id, 'Live question', { as: as(commenter) });
      await waitFor(() => expect(threadEvents(ownerClient.events)).toHaveLength(1));
      await waitFor(() => expect(threadEvents(viewerClient.events)).toHaveLength(1));
      const [forOwner] = threadEvents(ownerClient.events);
      const [forViewer] = threadEvents(viewerClient.events);
      expect(forOwner!.thread).toMatchObject({ id: thread.id, status: 'open' });
      expect(forOwner!.thread.comments.map((c) => c.body)).toEqual(['Live question']);
      // The owner is an admin: they may delete Cora's comment but not edit it.
      expect(forOwner!.thread.abilities).toEqual({ reply: true, resolve: true, setBlocking: true });
      expect(forOwner!.thread.comments[0]!.abilities).toEqual({ update: false, delete: true });
      expect(forViewer!.thread.abilities).toEqual({ reply: false, resolve: false, setBlocking: false });
      expect(forViewer!.thread.comments[0]!.abilities).toEqual({ update: false, delete: false });
      // The author's own response carries the author's abilities.
      expect(thread.comments[0]!.abilities).toEqual({ update: true, delete: true });

      await request(ctx.server, 'POST', `/api/comments/${thread.id}/resolve`, { as: as(editor) });
      await waitFor(() => expect(threadEvents(viewerClient.events)).toHaveLength(2));
      expect(threadEvents(viewerClient.events)[1]!.thread).toMatchObject({
        id: thread.id,
        status: 'resolved',
        resolvedBy: { id: editor.user.id, name: 'Edna Editor' },
      });
      await waitFor(() => expect(threadEvents(ownerClient.events)).toHaveLength(2));

      // Resolving again changes nothing and sends nothing; the next event is the deletion.
      await request(ctx.server, 'POST', `/api/comments/${thread.id}/resolve`, { as: as(editor) });
      await request(ctx.server, 'DELETE', `/api/comments/${thread.id}`, { as: as(commenter) });
      await waitFor(() => expect(viewerClient.events.at(-1)?.type).toBe('comments.threadDeleted'));
      expect(viewerClient.events.at(-1)).toEqual({
        type: 'comments.threadDeleted',
        icpId: icp.id,
        threadId: thread.id,
      });
      expect(threadEvents(viewerClient.events)).toHaveLength(2);
      expect(plainClient.events).toEqual([]);
    });
  });

  describe('persistence', () => {
    it('keeps threads, replies, resolutions and inbox items across a restart', async () => {
      const icp: IcpDto = await createIcp(ctx.server, 'Durable talk');
      const thread = await startThread(ctx.server, icp.id, 'Keep @Cora Commenter in the loop', {
        as: as(editor),
        anchor: textAnchor(),
        blocking: true,
      });
      await replyTo(ctx.server, thread.id, 'Noted', as(commenter));
      await request(ctx.server, 'POST', `/api/comments/${thread.id}/resolve`);
      const open = await startThread(ctx.server, icp.id, 'Still open');
      const before = await listThreads(ctx.server, icp.id, '', as(editor));
      const inboxBefore = await readInbox(ctx.server, as(commenter));
      expect(before.threads.map((t) => t.id)).toEqual([thread.id, open.id]);

      expect(await ctx.server.stop()).toBe(0);
      await ctx.server.restart();

      expect(await listThreads(ctx.server, icp.id, '', as(editor))).toEqual(before);
      expect(await readInbox(ctx.server, as(commenter))).toEqual(inboxBefore);
    });
  });
});
