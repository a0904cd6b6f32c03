import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addListItem,
  removeListItem,
  type CommentInboxItemDto,
  type InboxCountDto,
  type InboxDto,
  type ServerEvent,
  type ThreadDto,
} from '@bullseye/shared';
import { errorOf, createIcp, request, type Credentials } from '../support/api.js';
import { addMember, type Account } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool, type CollabClient } from '../support/collabClient.js';
import { listThreads, readInbox, replyTo, setFollowing, startThread } from '../support/comments.js';
import { useServer } from '../support/harness.js';
import { waitFor } from '../support/waitFor.js';

describe.each(BACKENDS)('inbox, mentions and following on %s', (backend) => {
  const ctx = useServer(backend);
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  /** Sam: editor (sales). Mia: commenter (marketing). Pat: commenter, Pru: viewer (both product). Cal: commenter. */
  let sam: Account;
  let mia: Account;
  let pat: Account;
  let pru: Account;
  let cal: Account;

  const as = (account: Account): Credentials => ({ token: account.token });

  /** One person's inbox items about one ICP, newest first (all about comments here). */
  async function itemsAbout(account: Account, icpId: string): Promise<CommentInboxItemDto[]> {
    const inbox = await readInbox(ctx.server, as(account), '?limit=100');
    return comments(inbox).filter((item) => item.icp.id === icpId);
  }
  const comments = (inbox: InboxDto) =>
    inbox.items.filter((item): item is CommentInboxItemDto => item.kind === 'comment');
  const reasonsAbout = async (account: Account, icpId: string) =>
    (await itemsAbout(account, icpId)).map((item) => item.reason);
  const unread = async (account: Account) => (await readInbox(ctx.server, as(account))).unreadCount;
  const following = async (account: Account, icpId: string) =>
    (await listThreads(ctx.server, icpId, '', as(account))).following;
  const markRead = (account: Account, body: unknown) =>
    request<InboxCountDto>(ctx.server, 'POST', '/api/inbox/read', { body, as: as(account) });
  const inboxEvents = (client: CollabClient) =>
    client.events.filter(
      (e): e is Extract<ServerEvent, { type: 'inbox.changed' }> => e.type === 'inbox.changed',
    );

  beforeAll(async () => {
    sam = await addMember(ctx.server, 'editor', { name: 'Sam Sales', function: 'sales' });
    mia = await addMember(ctx.server, 'commenter', { name: 'Mia Marketing', function: 'marketing' });
    pat = await addMember(ctx.server, 'commenter', { name: 'Pat Product', function: 'product' });
    pru = await addMember(ctx.server, 'viewer', { name: 'Pru Product', function: 'product' });
    cal = await addMember(ctx.server, 'commenter', { name: 'Cal Commenter' });
  });

  it('requires authentication (401) for listInbox and markInboxRead, and marks nothing', async () => {
    const icp = await createIcp(ctx.server, 'Signed out inbox');
    await startThread(ctx.server, icp.id, 'Hello @Cal Commenter', { as: as(sam) });
    const before = await unread(cal);
    for (const credentials of [null, { token: 'bye_nope' }]) {
      errorOf(await request(ctx.server, 'GET', '/api/inbox', { as: credentials }), 401, 'unauthenticated');
      errorOf(
        await request(ctx.server, 'POST', '/api/inbox/read', { body: { all: true }, as: credentials }),
        401,
        'unauthenticated',
      );
    }
    expect(await unread(cal)).toBe(before);
    expect((await itemsAbout(cal, icp.id))[0]!.readAt).toBeNull();
  });

  describe('mentions', () => {
    it('@product reaches every member whose function is product, as a mention, and nobody else', async () => {
      const icp = await createIcp(ctx.server, 'Product check');
      const anchor = { type: 'criterion' as const, section: 'employees', itemId: null, quote: '50-500' };
      const thread = await startThread(ctx.server, icp.id, 'Could @product check the range?', {
        as: as(sam),
        anchor,
      });
      expect(thread.comments[0]!.mentions).toEqual([{ type: 'function', function: 'product' }]);

      for (const person of [pat, pru]) {
        const items = await itemsAbout(person, icp.id);
        expect(items).toEqual([
          {
            kind: 'comment',
            id: expect.any(String),
            reason: 'mention',
            mention: { type: 'function', function: 'product' },
            createdAt: thread.createdAt,
            readAt: null,
            icp: { id: icp.id, title: 'Product check', workspaceId: ctx.server.admin!.workspaceId },
            threadId: thread.id,
            commentId: thread.id,
            actor: { id: sam.user.id, name: 'Sam Sales' },
            excerpt: 'Could @product check the range?',
            anchor,
            threadStatus: 'open',
          },
        ]);
      }
      for (const person of [sam, mia, cal]) expect(await itemsAbout(person, icp.id)).toEqual([]);
      expect(
        (await readInbox(ctx.server, undefined, '?limit=100')).items.filter((i) => i.icp.id === icp.id),
      ).toEqual([]);
    });

    it('@Full Name reaches that person once, whatever the case; unknown names reach no one', async () => {
      const icp = await createIcp(ctx.server, 'Name check');
      const thread = await startThread(
        ctx.server,
        icp.id,
        'Thanks @Mia Marketing! And again, @mia marketing. @Mia alone or @Nobody Here mention nobody.',
        { as: as(cal) },
      );
      expect(thread.comments[0]!.mentions).toEqual([
        { type: 'user', userId: mia.user.id, name: 'Mia Marketing' },
      ]);
      expect(await reasonsAbout(mia, icp.id)).toEqual(['mention']);
      expect((await itemsAbout(mia, icp.id))[0]!.mention).toEqual({ type: 'user' });
      for (const person of [sam, pat, pru, cal]) expect(await itemsAbout(person, icp.id)).toEqual([]);
    });

    it('editing a comment notifies people it newly mentions, once each', async () => {
      const icp = await createIcp(ctx.server, 'Edited mentions');
      const thread = await startThread(ctx.server, icp.id, 'Draft', { as: as(sam) });
      const edit = (body: string) =>
        request<ThreadDto>(ctx.server, 'PATCH', `/api/comments/${thread.id}`, {
          body: { body },
          as: as(sam),
        });
      expect((await edit('Draft for @Cal Commenter and @product')).status).toBe(200);
      expect(await reasonsAbout(cal, icp.id)).toEqual(['mention']);
      expect(await reasonsAbout(pat, icp.id)).toEqual(['mention']);
      expect(await reasonsAbout(pru, icp.id)).toEqual(['mention']);
      expect(await itemsAbout(mia, icp.id)).toEqual([]);

      expect((await edit('Final for @Cal Commenter and @Mia Marketing')).status).toBe(200);
      expect(await reasonsAbout(mia, icp.id)).toEqual(['mention']);
      expect(await reasonsAbout(cal, icp.id)).toEqual(['mention']);
      expect((await itemsAbout(mia, icp.id))[0]!.excerpt).toBe('Final for @Cal Commenter and @Mia Marketing');
      expect(await itemsAbout(sam, icp.id)).toEqual([]);
    });
  });

  describe('replies', () => {
    it("reach the thread's author and earlier participants; a mention in a reply wins", async () => {
      const icp = await createIcp(ctx.server, 'Reply check');
      const thread = await startThread(ctx.server, icp.id, 'What do we know?', { as: as(mia) });
      const afterCal = await replyTo(ctx.server, thread.id, 'Some data', as(cal));
      expect(await reasonsAbout(mia, icp.id)).toEqual(['reply']);
      const [miaItem] = await itemsAbout(mia, icp.id);
      expect(miaItem!.mention).toBeNull();
      expect(miaItem).toMatchObject({
        threadId: thread.id,
        commentId: afterCal.comments[1]!.id,
        actor: { id: cal.user.id, name: 'Cal Commenter' },
        excerpt: 'Some data',
      });

      const afterPat = await replyTo(
        ctx.server,
        afterCal.comments[1]!.id,
        '@Cal Commenter, source?',
        as(pat),
      );
      expect(await reasonsAbout(mia, icp.id)).toEqual(['reply', 'reply']);
      expect((await itemsAbout(mia, icp.id))[0]!.commentId).toBe(afterPat.comments[2]!.id);
      expect(await reasonsAbout(cal, icp.id)).toEqual(['mention']);
      for (const person of [sam, pat, pru]) expect(await itemsAbout(person, icp.id)).toEqual([]);

      // Resolving shows in the items' thread state.
      await request(ctx.server, 'POST', `/api/comments/${thread.id}/resolve`, { as: as(mia) });
      expect((await itemsAbout(cal, icp.id)).map((i) => i.threadStatus)).toEqual(['resolved']);
    });
  });

  describe('following', () => {
    it('followers hear of new threads; an explicit unfollow stops it, and commenting does not undo it', async () => {
      const icp = await createIcp(ctx.server, 'Follow check');
      await setFollowing(ctx.server, icp.id, true, as(pat));
      const first = await startThread(ctx.server, icp.id, 'First thread', { as: as(sam) });
      expect(await itemsAbout(pat, icp.id)).toMatchObject([{ reason: 'new_thread', threadId: first.id }]);
      expect(await itemsAbout(cal, icp.id)).toEqual([]);

      // A mention is more specific than following.
      const second = await startThread(ctx.server, icp.id, '@Pat Product, yours', { as: as(sam) });
      expect(await itemsAbout(pat, icp.id)).toMatchObject([
        { reason: 'mention', threadId: second.id },
        { reason: 'new_thread', threadId: first.id },
      ]);

      await setFollowing(ctx.server, icp.id, false, as(pat));
      await startThread(ctx.server, icp.id, 'Third thread', { as: as(sam) });
      expect(await itemsAbout(pat, icp.id)).toHaveLength(2);

      await replyTo(ctx.server, first.id, 'Pat chimes in', as(pat));
      expect(await following(pat, icp.id)).toBe(false);
      await startThread(ctx.server, icp.id, 'Fourth thread', { as: as(sam) });
      expect(await itemsAbout(pat, icp.id)).toHaveLength(2);
    });

    it('commenting makes the author follow: they hear of the next new thread', async () => {
      const icp = await createIcp(ctx.server, 'Auto follow');
      expect(await following(cal, icp.id)).toBe(false);
      const thread = await startThread(ctx.server, icp.id, 'Opening', { as: as(sam) });
      expect(await itemsAbout(cal, icp.id)).toEqual([]);
      await replyTo(ctx.server, thread.id, 'Cal was here', as(cal));
      expect(await following(cal, icp.id)).toBe(true);
      const next = await startThread(ctx.server, icp.id, 'Next topic', { as: as(mia) });
      expect(await itemsAbout(cal, icp.id)).toMatchObject([{ reason: 'new_thread', threadId: next.id }]);
      // Sam started the first thread, so heard of Cal's reply and follows too; Mia, the author, hears nothing.
      expect(await reasonsAbout(sam, icp.id)).toEqual(['new_thread', 'reply']);
      expect(await itemsAbout(mia, icp.id)).toEqual([]);
    });

    it('editing the document over the socket makes the editor follow', async () => {
      const icp = await createIcp(ctx.server, 'Edit follows');
      expect(await following(sam, icp.id)).toBe(false);
      const editor = await pool.connect(ctx.server, icp.id, { token: sam.token });
      const reader = await pool.connect(ctx.server, icp.id, { token: pru.token });
      addListItem(reader.doc, 'industries', 'Viewer edit, refused');
      const id = addListItem(editor.doc, 'industries', 'Fintech').id;
      await waitFor(async () => expect(await following(sam, icp.id)).toBe(true));
      expect(await following(pru, icp.id)).toBe(false);

      const thread = await startThread(ctx.server, icp.id, 'About Fintech', { as: as(mia) });
      expect(await itemsAbout(sam, icp.id)).toMatchObject([{ reason: 'new_thread', threadId: thread.id }]);
      expect(await itemsAbout(pru, icp.id)).toEqual([]);

      // A tab reopening with its stored copy re-sends what the server has (here a deletion): the
      // update is committed, but it changes nothing, so its sender (the owner) does not follow.
      removeListItem(editor.doc, 'industries', id);
      const state = await waitFor(async () => {
        const stored = await ctx.storage.storedDoc(icp.id);
        const update = Y.encodeStateAsUpdate(stored);
        stored.destroy();
        if (Y.decodeUpdate(update).ds.clients.size === 0) throw new Error('the deletion is not stored yet');
        return update;
      });
      const reopened = await pool.connect(ctx.server, icp.id, { initialState: state, params: { acks: '1' } });
      await waitFor(() => expect(reopened.saved).toBeGreaterThanOrEqual(1));
      expect((await listThreads(ctx.server, icp.id)).following).toBe(false);
    });
  });

  describe('reading and marking read', () => {
    it('lists newest first in pages, filters unread, and counts every unread item', async () => {
      const nia = await addMember(ctx.server, 'commenter', { name: 'Nia Newcomer' });
      const icp = await createIcp(ctx.server, 'Paging');
      const threads: ThreadDto[] = [];
      for (let i = 1; i <= 5; i++) {
        threads.push(await startThread(ctx.server, icp.id, `Note ${i} for @Nia Newcomer`, { as: as(sam) }));
      }
      const all = await readInbox(ctx.server, as(nia));
      expect(all.items.map((i) => i.excerpt)).toEqual(
        [5, 4, 3, 2, 1].map((n) => `Note ${n} for @Nia Newcomer`),
      );
      expect(all.unreadCount).toBe(5);
      expect(all.nextBefore).toBeNull();

      const page1 = await readInbox(ctx.server, as(nia), '?limit=2');
      expect(comments(page1).map((i) => i.commentId)).toEqual([threads[4]!.id, threads[3]!.id]);
      expect(page1.unreadCount).toBe(5);
      expect(page1.nextBefore).toBe(page1.items[1]!.id);
      const page2 = await readInbox(ctx.server, as(nia), `?limit=2&before=${page1.nextBefore}`);
      expect(comments(page2).map((i) => i.commentId)).toEqual([threads[2]!.id, threads[1]!.id]);
      const page3 = await readInbox(ctx.server, as(nia), `?limit=2&before=${page2.nextBefore}`);
      expect(comments(page3).map((i) => i.commentId)).toEqual([threads[0]!.id]);
      expect(page3.nextBefore).toBeNull();

      const marked = await markRead(nia, { ids: [all.items[0]!.id, all.items[2]!.id] });
      expect(marked.status).toBe(200);
      expect(marked.body).toEqual({ unreadCount: 3 });
      const unreadOnly = await readInbox(ctx.server, as(nia), '?unread=true');
      expect(unreadOnly.items.map((i) => i.id)).toEqual([
        all.items[1]!.id,
        all.items[3]!.id,
        all.items[4]!.id,
      ]);
      expect(unreadOnly.unreadCount).toBe(3);
      const readOnes = (await readInbox(ctx.server, as(nia))).items.filter((i) => i.readAt !== null);
      expect(readOnes.map((i) => i.id)).toEqual([all.items[0]!.id, all.items[2]!.id]);
      const unreadPage = await readInbox(
        ctx.server,
        as(nia),
        `?unread=true&limit=1&before=${all.items[1]!.id}`,
      );
      expect(unreadPage.items.map((i) => i.id)).toEqual([all.items[3]!.id]);

      // Marking read items again changes nothing.
      const readAt = readOnes[0]!.readAt;
      expect((await markRead(nia, { ids: [all.items[0]!.id] })).body).toEqual({ unreadCount: 3 });
      expect((await readInbox(ctx.server, as(nia))).items[0]!.readAt).toBe(readAt);

      expect((await markRead(nia, { all: true })).body).toEqual({ unreadCount: 0 });
      expect((await readInbox(ctx.server, as(nia), '?unread=true')).items).toEqual([]);
      expect((await readInbox(ctx.server, as(nia))).items).toHaveLength(5);
    });

    it('refuses unknown or foreign cursors (404) and bad queries (400)', async () => {
      const icp = await createIcp(ctx.server, 'Cursors');
      await startThread(ctx.server, icp.id, 'For @Mia Marketing', { as: as(sam) });
      const miasItem = (await itemsAbout(mia, icp.id))[0]!;
      errorOf(
        await request(ctx.server, 'GET', `/api/inbox?before=${randomUUID()}`, { as: as(cal) }),
        404,
        'not_found',
      );
      errorOf(
        await request(ctx.server, 'GET', `/api/inbox?before=${miasItem.id}`, { as: as(cal) }),
        404,
        'not_found',
      );
      for (const [query, field] of [
        ['before=not-a-uuid', 'before'],
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['limit=ten', 'limit'],
        ['unread=yes', 'unread'],
        ['sort=oldest', 'sort'],
      ]) {
        errorOf(
          await request(ctx.server, 'GET', `/api/inbox?${query}`, { as: as(cal) }),
          400,
          'invalid_input',
          field,
        );
      }
    });

    it("refuses to mark someone else's or unknown items (404), changing nothing", async () => {
      const icp = await createIcp(ctx.server, 'Foreign ids');
      await startThread(ctx.server, icp.id, 'For @Mia Marketing and @Cal Commenter', { as: as(sam) });
      const [miasItem] = await itemsAbout(mia, icp.id);
      const [calsItem] = await itemsAbout(cal, icp.id);
      const miaBefore = await unread(mia);
      const calBefore = await unread(cal);

      errorOf(await markRead(cal, { ids: [calsItem!.id, miasItem!.id] }), 404, 'not_found');
      errorOf(await markRead(cal, { ids: [randomUUID()] }), 404, 'not_found');
      expect(await unread(mia)).toBe(miaBefore);
      expect(await unread(cal)).toBe(calBefore);
      expect((await itemsAbout(cal, icp.id))[0]!.readAt).toBeNull();
      expect((await itemsAbout(mia, icp.id))[0]!.readAt).toBeNull();
    });

    it.each([
      ['an empty object', {}, 'body'],
      ['an empty id list', { ids: [] }, 'ids'],
      ['a malformed id', { ids: ['nope'] }, 'ids.0'],
      ['ids that are not a list', { ids: 'all' }, 'ids'],
      ['all: false', { all: false }, 'all'],
      ['both ids and all', { ids: [randomUUID()], all: true }, 'body'],
      ['too many ids', { ids: Array.from({ length: 101 }, () => randomUUID()) }, 'ids'],
      ['an array body', [{ all: true }], 'body'],
    ])('refuses markInboxRead with %s (400), changing nothing', async (_case, body, field) => {
      const icp = await createIcp(ctx.server, 'Bad shapes');
      await startThread(ctx.server, icp.id, 'For @Cal Commenter', { as: as(sam) });
      const before = await unread(cal);
      errorOf(await markRead(cal, body), 400, 'invalid_input', field);
      expect(await unread(cal)).toBe(before);
    });

    it('shows nothing from a workspace the person has left, and counts none of it', async () => {
      const lou = await addMember(ctx.server, 'commenter', { name: 'Lou Leaver' });
      const icp = await createIcp(ctx.server, 'Leaving');
      await startThread(ctx.server, icp.id, 'Bye @Lou Leaver', { as: as(sam) });
      expect((await readInbox(ctx.server, as(lou))).unreadCount).toBe(1);
      const removed = await request(
        ctx.server,
        'DELETE',
        `/api/workspaces/${ctx.server.admin!.workspaceId}/members/${lou.user.id}`,
      );
      expect(removed.status).toBe(204);
      expect(await readInbox(ctx.server, as(lou))).toEqual({ items: [], unreadCount: 0, nextBefore: null });
      const after = await startThread(ctx.server, icp.id, 'Hello @Lou Leaver?', { as: as(sam) });
      expect(after.comments[0]!.mentions).toEqual([]);
      expect(await ctx.storage.count('inbox_items', icp.id)).toBe(1);
    });
  });

  describe('live', () => {
    it("tells every socket of the person, in any ICP, their unread count; nobody else's", async () => {
      const nick = await addMember(ctx.server, 'commenter', { name: 'Nick Notified' });
      const [one, two, elsewhere] = await Promise.all([
        createIcp(ctx.server, 'Socket one'),
        createIcp(ctx.server, 'Socket two'),
        createIcp(ctx.server, 'Elsewhere'),
      ]);
      const first = await pool.connect(ctx.server, one.id, { token: nick.token, params: { acks: '1' } });
      const second = await pool.connect(ctx.server, two.id, { token: nick.token, params: { acks: '1' } });
      const samsSocket = await pool.connect(ctx.server, one.id, { token: sam.token, params: { acks: '1' } });

      await startThread(ctx.server, elsewhere.id, 'Ping @Nick Notified', { as: as(sam) });
      for (const client of [first, second]) {
        await waitFor(() => expect(inboxEvents(client)).toEqual([{ type: 'inbox.changed', unreadCount: 1 }]));
      }
      await startThread(ctx.server, elsewhere.id, 'Ping again @Nick Notified', { as: as(sam) });
      await waitFor(() => expect(inboxEvents(first).map((e) => e.unreadCount)).toEqual([1, 2]));

      expect((await markRead(nick, { all: true })).body).toEqual({ unreadCount: 0 });
      for (const client of [first, second]) {
        await waitFor(() => expect(inboxEvents(client).map((e) => e.unreadCount)).toEqual([1, 2, 0]));
      }
      expect(inboxEvents(samsSocket)).toEqual([]);
      // Threads on another ICP are not pushed to these rooms.
      expect(first.events.filter((e) => e.type === 'comments.thread')).toEqual([]);
    });
  });
});
