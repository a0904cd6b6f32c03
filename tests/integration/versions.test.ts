import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addListItem,
  canonicalJson,
  canonicalStringify,
  fragmentOf,
  readList,
  readRange,
  removeListItem,
  updateListItem,
  writeRange,
  type IcpDiffDto,
  type ServerEvent,
  type VersionDto,
  type WorkspaceDto,
} from '@bullseye/shared';
import { errorOf, archiveIcp, createIcp, renameIcp, request, type Credentials } from '../support/api.js';
import { addMember, expectStatus, type Account } from '../support/actors.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool, type CollabClient } from '../support/collabClient.js';
import { useServer } from '../support/harness.js';
import { appendParagraph, paragraphsOf } from '../support/icpDocs.js';
import { waitFor } from '../support/waitFor.js';
import { createVersion, getVersion, listVersions, settled, sha256 } from '../support/versions.js';

const HASH = /^[0-9a-f]{64}$/;

/** Every version operation, with a valid body, given an ICP id and a version id. */
const OPERATIONS: [string, string, (icp: string, version: string) => string, unknown?][] = [
  ['listVersions', 'GET', (icp) => `/api/icps/${icp}/versions`],
  ['createVersion', 'POST', (icp) => `/api/icps/${icp}/versions`, { name: 'Planted' }],
  ['getVersion', 'GET', (_, v) => `/api/versions/${v}`],
  ['diffVersions', 'GET', (icp, v) => `/api/icps/${icp}/diff?from=${v}&to=draft`],
  ['restoreVersion', 'POST', (_, v) => `/api/versions/${v}/restore`],
  ['exportVersion', 'GET', (_, v) => `/api/versions/${v}/export?format=json`],
];

/** The text node of a narrative section's first paragraph, to edit words inside it. */
function firstParagraphText(doc: Y.Doc, key: 'goals' | 'painPoints' | 'challenges'): Y.XmlText {
  const paragraph = fragmentOf(doc, key).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

const versionEvents = (client: CollabClient) =>
  client.events.filter(
    (e): e is Extract<ServerEvent, { type: 'versions.changed' }> => e.type === 'versions.changed',
  );

describe.each(BACKENDS)('versions on %s', (backend) => {
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  /**
   * Disconnects `client` and waits until the server has handled it: the server withdraws the
   * client's presence when it handles the close, and `watcher` sees that.
   */
  async function leave(client: CollabClient, watcher: CollabClient): Promise<void> {
    const id = client.doc.clientID;
    client.awareness.setLocalState({ leaving: true });
    await waitFor(() => watcher.awareness.getStates().get(id)?.leaving === true);
    client.destroy();
    await waitFor(() => !watcher.awareness.getStates().has(id));
  }

  describe('named versions, compare, restore and export', () => {
    const ctx = useServer(backend);
    let editor: Account;
    let commenter: Account;
    let viewer: Account;
    /** Another workspace of the owner's, with an ICP and a version none of the others may see. */
    let beta: { workspace: string; icp: string; version: VersionDto };
    const as = (account: Account): Credentials => ({ token: account.token });

    beforeAll(async () => {
      editor = await addMember(ctx.server, 'editor', { name: 'Edna Editor' });
      commenter = await addMember(ctx.server, 'commenter', { name: 'Cora Commenter' });
      viewer = await addMember(ctx.server, 'viewer', { name: 'Vic Viewer' });
      const workspace = expectStatus(
        await request<WorkspaceDto>(ctx.server, 'POST', '/api/workspaces', { body: { name: 'Beta' } }),
        201,
        'creating Beta',
      );
      const icp = await createIcp(ctx.server, 'Beta plan', workspace.id);
      beta = {
        workspace: workspace.id,
        icp: icp.id,
        version: await createVersion(ctx.server, icp.id, 'Beta v1'),
      };
    });

    /** An editor's client and a viewer's observer on a new ICP. */
    async function editing(title: string) {
      const icp = await createIcp(ctx.server, title);
      const author = await pool.connect(ctx.server, icp.id, { token: editor.token });
      const observer = await pool.connect(ctx.server, icp.id, { token: viewer.token, params: { acks: '1' } });
      return { icp, author, observer };
    }

    describe('access', () => {
      it.each(OPERATIONS)('%s requires authentication (401)', async (_op, method, path, body) => {
        const icp = await createIcp(ctx.server, 'Signed out');
        const version = await createVersion(ctx.server, icp.id, 'v1');
        for (const credentials of [null, { token: 'bye_not-a-real-token' }]) {
          const response = await request(ctx.server, method, path(icp.id, version.id), {
            body,
            as: credentials,
          });
          errorOf(response, 401, 'unauthenticated');
        }
        expect((await listVersions(ctx.server, icp.id)).map((v) => v.id)).toEqual([version.id]);
      });

      it.each(OPERATIONS)(
        "%s answers 404 for another workspace's ids exactly as for unknown ones",
        async (_op, method, path, body) => {
          const before = await listVersions(ctx.server, beta.icp);
          const toBeta = await request(ctx.server, method, path(beta.icp, beta.version.id), {
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
          for (const response of [toBeta, toNowhere, malformed]) errorOf(response, 404, 'not_found');
          expect(toBeta.body).toEqual(toNowhere.body);
          expect(JSON.stringify(toBeta.body)).not.toMatch(/Beta/);
          expect(await listVersions(ctx.server, beta.icp)).toEqual(before);
        },
      );

      it('answers 404 for a version of another ICP of the same workspace in a diff', async () => {
        const one = await createIcp(ctx.server, 'Diff one');
        const other = await createIcp(ctx.server, 'Diff other');
        const mine = await createVersion(ctx.server, one.id, 'Mine');
        const theirs = await createVersion(ctx.server, other.id, 'Theirs');
        for (const query of [
          `from=${theirs.id}&to=draft`,
          `from=${mine.id}&to=${theirs.id}`,
          `from=${theirs.id}&to=${mine.id}`,
          `from=${mine.id}&to=${randomUUID()}`,
        ]) {
          errorOf(await request(ctx.server, 'GET', `/api/icps/${one.id}/diff?${query}`), 404, 'not_found');
        }
        expect(
          (await request(ctx.server, 'GET', `/api/icps/${one.id}/diff?from=${mine.id}&to=draft`)).status,
        ).toBe(200);
      });

      it('lets viewers and commenters read, compare and export, but not name or restore (403)', async () => {
        const icp = await createIcp(ctx.server, 'Read only');
        const version = await createVersion(ctx.server, icp.id, 'v1');
        for (const reader of [viewer, commenter]) {
          const who = as(reader);
          expect((await listVersions(ctx.server, icp.id, who)).map((v) => v.id)).toEqual([version.id]);
          expect((await getVersion(ctx.server, version.id, who)).id).toBe(version.id);
          const diff = await request(
            ctx.server,
            'GET',
            `/api/icps/${icp.id}/diff?from=${version.id}&to=draft`,
            {
              as: who,
            },
          );
          expect(diff.status).toBe(200);
          expect(
            (await request(ctx.server, 'GET', `/api/versions/${version.id}/export`, { as: who })).status,
          ).toBe(200);
          errorOf(
            await request(ctx.server, 'POST', `/api/icps/${icp.id}/versions`, {
              body: { name: 'Mine' },
              as: who,
            }),
            403,
            'forbidden',
          );
          errorOf(
            await request(ctx.server, 'POST', `/api/versions/${version.id}/restore`, { as: who }),
            403,
            'forbidden',
          );
        }
        expect((await listVersions(ctx.server, icp.id)).map((v) => v.id)).toEqual([version.id]);
      });

      it('makes an archived ICP read-only: no new versions, no restore (403)', async () => {
        const icp = await createIcp(ctx.server, 'Archived history');
        const version = await createVersion(ctx.server, icp.id, 'v1');
        await archiveIcp(ctx.server, icp.id);
        errorOf(
          await request(ctx.server, 'POST', `/api/icps/${icp.id}/versions`, { body: { name: 'After' } }),
          403,
          'forbidden',
        );
        errorOf(await request(ctx.server, 'POST', `/api/versions/${version.id}/restore`), 403, 'forbidden');
        expect((await listVersions(ctx.server, icp.id)).map((v) => v.number)).toEqual([1]);
      });
    });

    describe('validation', () => {
      it.each([
        ['a missing name', {}, 'name'],
        ['an empty name', { name: '   ' }, 'name'],
        ['a name of 81 characters', { name: 'n'.repeat(81) }, 'name'],
        ['a name on two lines', { name: 'Q1\nworkshop' }, 'name'],
        ['a number as name', { name: 7 }, 'name'],
        ['a note of 1001 characters', { name: 'Fine', note: 'x'.repeat(1001) }, 'note'],
        ['a note with control characters', { name: 'Fine', note: 'bell\u0007' }, 'note'],
        ['an unknown field', { name: 'Fine', kind: 'auto' }, 'kind'],
        ['an array body', [{ name: 'Fine' }], 'body'],
      ])('refuses to name a version with %s (400 naming the field)', async (_case, body, field) => {
        const icp = await createIcp(ctx.server, 'Invalid version');
        errorOf(
          await request(ctx.server, 'POST', `/api/icps/${icp.id}/versions`, { body }),
          400,
          'invalid_input',
          field,
        );
        expect(await listVersions(ctx.server, icp.id)).toEqual([]);
      });

      it('refuses bad diff and export queries (400 naming the field)', async () => {
        const icp = await createIcp(ctx.server, 'Bad queries');
        const version = await createVersion(ctx.server, icp.id, 'v1');
        const diff = (query: string) => request(ctx.server, 'GET', `/api/icps/${icp.id}/diff?${query}`);
        errorOf(await diff('to=draft'), 400, 'invalid_input', 'from');
        errorOf(await diff(`from=${version.id}`), 400, 'invalid_input', 'to');
        errorOf(await diff(`from=${version.id}&to=latest`), 400, 'invalid_input', 'to');
        errorOf(await diff(`from=v1&to=draft`), 400, 'invalid_input', 'from');
        errorOf(await diff(`from=${version.id}&to=draft&words=true`), 400, 'invalid_input', 'words');
        const exported = (query: string) =>
          request(ctx.server, 'GET', `/api/versions/${version.id}/export?${query}`);
        errorOf(await exported('format=pdf'), 400, 'invalid_input', 'format');
        errorOf(await exported('format=json&inline=1'), 400, 'invalid_input', 'inline');
      });
    });

    it('names versions of the live draft, numbered, newest first, each an immutable snapshot', async () => {
      const { icp, author, observer } = await editing('Named versions');
      const seen = versionEvents(observer).length;
      addListItem(author.doc, 'industries', 'Fintech');
      const first = await settled(author, observer);
      const v1 = await createVersion(ctx.server, icp.id, '  Q1 2027 workshop ', {
        note: 'After the Berlin workshop',
        as: as(editor),
      });
      expect(v1).toMatchObject({
        icpId: icp.id,
        number: 1,
        name: 'Q1 2027 workshop',
        note: 'After the Berlin workshop',
        kind: 'named',
        author: { id: editor.user.id, name: 'Edna Editor' },
        restoredFrom: null,
      });
      expect(v1.hash).toMatch(HASH);
      expect(v1.hash).toBe(sha256(first));
      await waitFor(() => expect(versionEvents(observer).length).toBe(seen + 1));
      expect(versionEvents(observer).at(-1)).toEqual({ type: 'versions.changed', icpId: icp.id });

      await renameIcp(ctx.server, icp.id, 'Named versions, renamed');
      addListItem(author.doc, 'industries', 'Insurance');
      writeRange(author.doc, 'employees', { min: 50, max: 500 });
      const second = await settled(author, observer);
      const v2 = await createVersion(ctx.server, icp.id, 'Q2');
      const v3 = await createVersion(ctx.server, icp.id, 'Q2, unchanged');
      expect([v2.number, v3.number]).toEqual([2, 3]);
      expect(v2.hash).toBe(sha256(second));
      expect(v3.hash).toBe(v2.hash);
      expect(v2.note).toBeNull();

      const listed = await listVersions(ctx.server, icp.id, as(viewer));
      expect(listed).toEqual([v3, v2, v1]);

      // Reading a version: its canonical content and the title it had, unchanged by later edits.
      addListItem(author.doc, 'industries', 'Healthcare');
      await settled(author, observer);
      const detail = await getVersion(ctx.server, v1.id, as(viewer));
      expect(detail).toEqual({
        ...v1,
        content: JSON.parse(first),
        title: 'Named versions',
        // What the quality coach said of it then (its own suite checks the findings).
        checklist: { findings: expect.any(Array), dismissals: [] },
      });
      expect((await getVersion(ctx.server, v2.id)).title).toBe('Named versions, renamed');
      expect(canonicalStringify(detail.content)).toBe(first);
    });

    it('compares known pairs section by section: criteria by id, ranges, words of narrative text', async () => {
      const { icp, author, observer } = await editing('Compare');
      const saas = addListItem(author.doc, 'industries', 'B2B SaaS');
      const fintech = addListItem(author.doc, 'industries', 'Fintech');
      const insurance = addListItem(author.doc, 'industries', 'Insurance');
      addListItem(author.doc, 'geographies', 'DACH');
      writeRange(author.doc, 'employees', { min: 200, max: 1000 });
      appendParagraph(author.doc, 'goals', 'Shorten the sales cycle');
      appendParagraph(author.doc, 'painPoints', 'Manual reporting');
      await settled(author, observer);
      const v1 = await createVersion(ctx.server, icp.id, 'Before');

      removeListItem(author.doc, 'industries', fintech.id);
      updateListItem(author.doc, 'industries', insurance.id, 'Insurtech');
      const logistics = addListItem(author.doc, 'industries', 'Logistics');
      writeRange(author.doc, 'employees', { max: 2000 });
      firstParagraphText(author.doc, 'goals').insert('Shorten the '.length, 'enterprise ');
      await settled(author, observer);
      const v2 = await createVersion(ctx.server, icp.id, 'After');

      const diff = expectStatus(
        await request<IcpDiffDto>(ctx.server, 'GET', `/api/icps/${icp.id}/diff?from=${v1.id}&to=${v2.id}`, {
          as: as(viewer),
        }),
        200,
        'diff',
      );
      expect(diff.from).toEqual({ versionId: v1.id, number: 1, hash: v1.hash });
      expect(diff.to).toEqual({ versionId: v2.id, number: 2, hash: v2.hash });
      expect(diff.changed).toBe(true);
      expect(diff.sections.map((s) => s.key)).toEqual(['industries', 'employees', 'goals']);
      expect(diff.sections[0]).toEqual({
        key: 'industries',
        kind: 'list',
        added: [{ id: logistics.id, text: 'Logistics' }],
        removed: [{ id: fintech.id, text: 'Fintech' }],
        changed: [{ id: insurance.id, before: 'Insurance', after: 'Insurtech' }],
      });
      expect(diff.sections[1]).toEqual({
        key: 'employees',
        kind: 'range',
        before: { min: 200, max: 1000 },
        after: { min: 200, max: 2000 },
      });
      const goals = diff.sections[2]!;
      if (goals.kind !== 'richText') throw new Error('goals should be a narrative diff');
      const text = (types: string[]) =>
        goals.changes
          .filter((c) => types.includes(c.type))
          .map((c) => c.text)
          .join('');
      expect(text(['same', 'removed'])).toBe('Shorten the sales cycle');
      expect(text(['same', 'added'])).toBe('Shorten the enterprise sales cycle');
      expect(goals.changes.filter((c) => c.type === 'added').map((c) => c.text.trim())).toEqual([
        'enterprise',
      ]);
      expect(goals.changes.some((c) => c.type === 'removed')).toBe(false);
      expect(JSON.stringify(diff)).not.toContain(saas.id); // unchanged criteria are not listed

      // The other way round, and against the live draft.
      const back = (
        await request<IcpDiffDto>(ctx.server, 'GET', `/api/icps/${icp.id}/diff?from=${v2.id}&to=${v1.id}`)
      ).body;
      expect(back.sections[0]).toMatchObject({
        added: [{ id: fintech.id, text: 'Fintech' }],
        removed: [{ id: logistics.id, text: 'Logistics' }],
      });
      const same = (
        await request<IcpDiffDto>(ctx.server, 'GET', `/api/icps/${icp.id}/diff?from=${v2.id}&to=draft`)
      ).body;
      expect(same).toEqual({
        from: { versionId: v2.id, number: 2, hash: v2.hash },
        to: { versionId: null, number: null, hash: v2.hash },
        changed: false,
        sections: [],
      });
      firstParagraphText(author.doc, 'painPoints').delete(0, 'Manual '.length);
      const now = await settled(author, observer);
      const toDraft = (
        await request<IcpDiffDto>(ctx.server, 'GET', `/api/icps/${icp.id}/diff?from=${v2.id}&to=draft`)
      ).body;
      expect(toDraft.to).toEqual({ versionId: null, number: null, hash: sha256(now) });
      expect(toDraft.sections).toEqual([
        {
          key: 'painPoints',
          kind: 'richText',
          changes: [
            { type: 'removed', text: 'Manual ' },
            { type: 'same', text: 'reporting' },
          ],
        },
      ]);
    });

    it('compares with the draft of an ICP nobody has open (built from the stored log)', async () => {
      const { icp, author, observer } = await editing('Closed draft');
      addListItem(author.doc, 'technologies', 'Salesforce');
      await settled(author, observer);
      const v1 = await createVersion(ctx.server, icp.id, 'v1');
      addListItem(author.doc, 'technologies', 'HubSpot');
      const expected = await settled(author, observer);
      author.destroy();
      observer.destroy();
      const diff = await waitFor(async () => {
        const response = await request<IcpDiffDto>(
          ctx.server,
          'GET',
          `/api/icps/${icp.id}/diff?from=${v1.id}&to=draft`,
        );
        expect(response.status).toBe(200);
        return response.body;
      });
      expect(diff.to.hash).toBe(sha256(expected));
      expect(diff.sections).toEqual([
        {
          key: 'technologies',
          kind: 'list',
          added: [expect.objectContaining({ text: 'HubSpot' })],
          removed: [],
          changed: [],
        },
      ]);
    });

    it('restores a past version as a new change that open clients see live, recorded before and after', async () => {
      const { icp, author, observer } = await editing('Restore');
      const saas = addListItem(author.doc, 'industries', 'B2B SaaS');
      const fintech = addListItem(author.doc, 'industries', 'Fintech');
      writeRange(author.doc, 'revenue', { min: 10_000_000, max: null, currency: 'EUR' });
      appendParagraph(author.doc, 'goals', 'Grow net revenue retention above 110%');
      appendParagraph(author.doc, 'goals', 'Open two new regions');
      const original = await settled(author, observer);
      const v1 = await createVersion(ctx.server, icp.id, 'Workshop result');

      // The draft drifts away from it.
      removeListItem(author.doc, 'industries', fintech.id);
      updateListItem(author.doc, 'industries', saas.id, 'Vertical SaaS');
      addListItem(author.doc, 'industries', 'Gaming');
      addListItem(author.doc, 'disqualifiers', 'No sales team');
      writeRange(author.doc, 'revenue', { min: null, max: 5_000_000, currency: 'USD' });
      firstParagraphText(author.doc, 'goals').insert(0, 'Ideally: ');
      appendParagraph(author.doc, 'evidence', 'Three interviews');
      const drifted = await settled(author, observer);
      const eventsBefore = versionEvents(observer).length;

      const response = await request<{ before: VersionDto | null; after: VersionDto }>(
        ctx.server,
        'POST',
        `/api/versions/${v1.id}/restore`,
        { as: as(editor) },
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const { before, after } = response.body;
      expect(before).toMatchObject({
        number: 2,
        kind: 'auto',
        name: 'Before restoring version 1',
        author: null,
        hash: sha256(drifted),
        restoredFrom: null,
      });
      expect(after).toMatchObject({
        number: 3,
        kind: 'restore',
        name: 'Restored version 1',
        author: { id: editor.user.id, name: 'Edna Editor' },
        restoredFrom: 1,
      });
      expect(after.hash).toBe(v1.hash);

      // Both connected clients see the old content, live; criteria keep their ids.
      await waitFor(() => author.canonical() === original && observer.canonical() === original);
      expect(readList(author.doc, 'industries')).toEqual([saas, fintech]);
      expect(readRange(observer.doc, 'revenue')).toEqual({ min: 10_000_000, max: null, currency: 'EUR' });
      expect(paragraphsOf(observer.doc, 'goals')).toEqual([
        'Grow net revenue retention above 110%',
        'Open two new regions',
      ]);
      expect(paragraphsOf(observer.doc, 'evidence')).toEqual([]);
      await waitFor(() => expect(versionEvents(observer).length).toBeGreaterThan(eventsBefore));

      expect(await listVersions(ctx.server, icp.id)).toEqual([after, before, v1]);
      expect((await getVersion(ctx.server, before!.id)).content).toEqual(JSON.parse(drifted));
      expect((await getVersion(ctx.server, after.id)).content).toEqual(JSON.parse(original));

      // History is a new change, not a rewrite: the client keeps editing on top of it.
      addListItem(author.doc, 'industries', 'Edtech');
      await settled(author, observer);
      expect(readList(observer.doc, 'industries').map((i) => i.text)).toEqual([
        'B2B SaaS',
        'Fintech',
        'Edtech',
      ]);

      // Restoring onto a draft that is already the latest version records no "before" version.
      removeListItem(author.doc, 'industries', readList(author.doc, 'industries')[2]!.id);
      await settled(author, observer);
      const v4 = await createVersion(ctx.server, icp.id, 'Checkpoint');
      const again = await request<{ before: VersionDto | null; after: VersionDto }>(
        ctx.server,
        'POST',
        `/api/versions/${before!.id}/restore`,
      );
      expect(again.status).toBe(200);
      expect(again.body.before).toBeNull();
      expect(again.body.after).toMatchObject({ number: v4.number + 1, restoredFrom: 2, hash: before!.hash });
      await waitFor(() => expect(observer.canonical()).toBe(drifted));
    });

    it('restores an ICP nobody has open, and the restored content survives a restart', async () => {
      const { icp, author, observer } = await editing('Restore durable');
      addListItem(author.doc, 'geographies', 'Nordics');
      appendParagraph(author.doc, 'challenges', 'Legacy CRM everywhere');
      const original = await settled(author, observer);
      const v1 = await createVersion(ctx.server, icp.id, 'Good one');
      addListItem(author.doc, 'geographies', 'LATAM');
      firstParagraphText(author.doc, 'challenges').delete(0, 'Legacy '.length);
      await settled(author, observer);
      author.destroy();
      observer.destroy();

      const restored = await request<{ after: VersionDto }>(
        ctx.server,
        'POST',
        `/api/versions/${v1.id}/restore`,
      );
      expect(restored.status).toBe(200);
      expect(restored.body.after.hash).toBe(v1.hash);
      const stored = await ctx.storage.storedDoc(icp.id);
      expect(canonicalJson(stored)).toBe(original);
      stored.destroy();

      expect(await ctx.server.stop()).toBe(0);
      await ctx.server.restart();
      const fresh = await pool.connect(ctx.server, icp.id, { token: viewer.token });
      expect(fresh.canonical()).toBe(original);
      const versions = await listVersions(ctx.server, icp.id);
      expect(versions.find((v) => v.kind === 'restore')).toEqual(restored.body.after);
    });

    it('keeps one when the last editor leaves, and none for visits that changed nothing', async () => {
      const icp = await createIcp(ctx.server, 'Leaving');
      const watcher = await pool.connect(ctx.server, icp.id, { token: viewer.token });

      // An editor who only looks: nothing to keep.
      const glance = await pool.connect(ctx.server, icp.id, { token: editor.token });
      await leave(glance, watcher);

      // Two editors; the first leaving is not the last editor leaving.
      const first = await pool.connect(ctx.server, icp.id, { token: editor.token });
      const second = await pool.connect(ctx.server, icp.id);
      addListItem(first.doc, 'industries', 'Healthcare');
      await settled(first, watcher);
      await leave(first, watcher);
      addListItem(second.doc, 'industries', 'Life sciences');
      const final = await settled(second, watcher);
      // The last editor leaves (long before the 10-minute interval); the viewer stays.
      await leave(second, watcher);
      const [kept] = await waitFor(async () => {
        const list = (await listVersions(ctx.server, icp.id)).filter((v) => v.kind === 'auto');
        expect(list.map((v) => v.hash)).toContain(sha256(final));
        return list;
      });
      expect(kept!.hash).toBe(sha256(final));
      const afterLeaving = await listVersions(ctx.server, icp.id);
      // No empty version from the glance, none when the first of two editors left.
      expect(afterLeaving).toEqual([kept]);

      // A visit that changes the document and changes it back records nothing new.
      const undo = await pool.connect(ctx.server, icp.id, { token: editor.token });
      let relayed = 0;
      watcher.doc.on('update', () => relayed++);
      const item = addListItem(undo.doc, 'disqualifiers', 'Temporary');
      removeListItem(undo.doc, 'disqualifiers', item.id);
      // Both changes are committed (the watcher got them) before the editor leaves.
      await waitFor(() => relayed >= 2);
      expect(watcher.canonical()).toBe(final);
      await leave(undo, watcher);
      // Then a real change, the barrier: the last version must be it, right after the previous ones.
      const last = await pool.connect(ctx.server, icp.id, { token: editor.token });
      addListItem(last.doc, 'geographies', 'Nordics');
      const barrier = await settled(last, watcher);
      await leave(last, watcher);
      const finalList = await waitFor(async () => {
        const list = await listVersions(ctx.server, icp.id);
        expect(list[0]?.hash).toBe(sha256(barrier));
        return list;
      });
      expect(finalList.slice(1)).toEqual(afterLeaving);
      expect(new Set(finalList.map((v) => v.hash)).size).toBe(finalList.length);
    });

    it('exports a version as Markdown and JSON downloads with safe file names', async () => {
      const title = 'Q1/Q2 "Mid-market" 🚀 Énergie Über 東京 \\ list';
      const { icp, author, observer } = await editing(title);
      addListItem(author.doc, 'industries', 'Energy & utilities');
      writeRange(author.doc, 'employees', { min: 200, max: 2000 });
      appendParagraph(author.doc, 'goals', 'Cut *manual* reporting');
      await settled(author, observer);
      const v1 = await createVersion(ctx.server, icp.id, 'Export me');

      const markdown = await request<string>(
        ctx.server,
        'GET',
        `/api/versions/${v1.id}/export?format=markdown`,
        {
          as: as(viewer),
        },
      );
      expect(markdown.status).toBe(200);
      expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      const disposition = markdown.headers.get('content-disposition')!;
      const fileName = /filename="([^"]*)"/.exec(disposition)?.[1];
      expect(disposition).toMatch(/^attachment; /);
      expect(fileName).toMatch(/^[a-z0-9-]+-v1\.md$/);
      expect(fileName).toContain('energie');
      expect(decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(disposition)![1]!)).toBe(fileName);
      expect(markdown.body).toContain('Energy & utilities');
      expect(markdown.body).toContain('200 – 2,000 employees');
      expect(markdown.body).toContain(v1.hash);
      expect(markdown.body).toMatch(/^# Q1\/Q2/);
      expect(markdown.body).toContain('Cut \\*manual\\* reporting');
      // Markdown is the default format.
      const byDefault = await request<string>(ctx.server, 'GET', `/api/versions/${v1.id}/export`);
      expect(byDefault.body).toBe(markdown.body);

      const json = await request<string>(ctx.server, 'GET', `/api/versions/${v1.id}/export?format=json`);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toMatch(/^application\/json/);
      expect(json.headers.get('content-disposition')).toMatch(/filename="[a-z0-9-]+-v1\.json"/);
      const exported = typeof json.body === 'string' ? JSON.parse(json.body) : json.body;
      const detail = await getVersion(ctx.server, v1.id);
      expect(exported).toEqual({
        icp: { id: icp.id, title },
        version: v1,
        approval: null,
        content: detail.content,
        workshop: null,
      });
    });
  });

  describe('automatic history', () => {
    const INTERVAL_MS = 600;
    const ctx = useServer(backend, { AUTO_VERSION_INTERVAL_MS: String(INTERVAL_MS) });
    let viewer: Account;

    beforeAll(async () => {
      viewer = await addMember(ctx.server, 'viewer', { name: 'Vic Viewer' });
    });

    const autos = async (icpId: string) =>
      (await listVersions(ctx.server, icpId)).filter((v) => v.kind === 'auto');

    it('keeps one automatic version per interval of editing, however many edits it holds', async () => {
      const icp = await createIcp(ctx.server, 'Busy editing');
      const author = await pool.connect(ctx.server, icp.id);
      const observer = await pool.connect(ctx.server, icp.id, { token: viewer.token, params: { acks: '1' } });
      addListItem(author.doc, 'industries', 'Fintech');
      const first = await settled(author, observer);
      const [auto] = await waitFor(async () => {
        const list = await autos(icp.id);
        expect(list).toHaveLength(1);
        return list;
      });
      expect(auto).toMatchObject({ number: 1, kind: 'auto', name: null, author: null, hash: sha256(first) });
      await waitFor(() => expect(versionEvents(observer).length).toBeGreaterThanOrEqual(1));

      // A burst of separate edits (each its own update): one or two versions, not one per edit.
      for (let i = 0; i < 12; i++) addListItem(author.doc, 'technologies', `Tool ${i}`);
      const burst = await settled(author, observer);
      const after = await waitFor(async () => {
        const list = await autos(icp.id);
        expect(list[0]?.hash).toBe(sha256(burst));
        return list;
      });
      expect(after.length).toBeGreaterThanOrEqual(2);
      expect(after.length).toBeLessThanOrEqual(3);
      expect(after.map((v) => v.number)).toEqual([...after.map((v) => v.number)].sort((a, b) => b - a));
    });
  });
});
