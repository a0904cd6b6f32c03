import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addListItem,
  CloseCode,
  colorForName,
  MessageType,
  readList,
  readRange,
  removeListItem,
  SCHEMA_VERSION,
  SyncMessageType,
  updateListItem,
  writeRange,
  type AwarenessState,
} from '@bullseye/shared';
import { archiveIcp, createIcp, renameIcp, unarchiveIcp } from '../support/api.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool, waitForConvergence } from '../support/collabClient.js';
import { useServer } from '../support/harness.js';
import { appendParagraph, paragraphsOf } from '../support/icpDocs.js';
import {
  awarenessMessage,
  collabUrl,
  expectUpgradeRefused,
  RawCollabSocket,
  syncUpdateMessage,
} from '../support/rawSocket.js';
import { waitFor } from '../support/waitFor.js';

const PUBLIC_URL = 'https://bullseye.example.com';

const texts = (doc: Y.Doc, key: Parameters<typeof readList>[1]) => readList(doc, key).map((i) => i.text);

describe.each(BACKENDS)('collaboration on %s', (backend) => {
  const ctx = useServer(backend, { PUBLIC_URL });
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  describe('editing', () => {
    it('syncs list criteria, ranges and narrative text between stock clients, and to late joiners', async () => {
      const icp = await createIcp(ctx.server, 'Two editors');
      const ana = await pool.connect(ctx.server, icp.id);
      const ben = await pool.connect(ctx.server, icp.id);

      addListItem(ana.doc, 'industries', 'B2B SaaS');
      const fintech = addListItem(ana.doc, 'industries', 'Fintech');
      addListItem(ana.doc, 'geographies', 'DACH');
      writeRange(ana.doc, 'employees', { min: 200, max: 1000 });
      writeRange(ana.doc, 'revenue', { min: 10_000_000, max: 50_000_000, currency: 'EUR' });
      appendParagraph(ana.doc, 'goals', 'Cut onboarding time by half this year');

      // Each edit is its own update, committed and relayed on its own: wait for all of them.
      await waitFor(() => {
        expect(texts(ben.doc, 'industries')).toEqual(['B2B SaaS', 'Fintech']);
        expect(texts(ben.doc, 'geographies')).toEqual(['DACH']);
        expect(readRange(ben.doc, 'employees')).toEqual({ min: 200, max: 1000 });
        expect(readRange(ben.doc, 'revenue')).toEqual({ min: 10_000_000, max: 50_000_000, currency: 'EUR' });
        expect(paragraphsOf(ben.doc, 'goals')).toEqual(['Cut onboarding time by half this year']);
        return true;
      });

      // Ben edits back: rename one criterion, remove another.
      const [saas] = readList(ben.doc, 'industries');
      updateListItem(ben.doc, 'industries', saas!.id, 'Vertical SaaS');
      removeListItem(ben.doc, 'industries', fintech.id);
      await waitFor(() => expect(texts(ana.doc, 'industries')).toEqual(['Vertical SaaS']));
      const converged = await waitForConvergence([ana, ben]);

      const late = await pool.connect(ctx.server, icp.id);
      expect(late.canonical()).toBe(converged);
    });

    it('merges concurrent edits from three clients to different criteria', async () => {
      const icp = await createIcp(ctx.server, 'Three editors');
      const [sales, marketing, product] = await Promise.all([
        pool.connect(ctx.server, icp.id),
        pool.connect(ctx.server, icp.id),
        pool.connect(ctx.server, icp.id),
      ]);
      const shared = ['Logistics', 'Retail', 'Insurance'].map((t) => addListItem(sales.doc, 'industries', t));
      await waitForConvergence([sales, marketing, product]);

      // All three edit in the same turn, before any of them hears from the others.
      updateListItem(sales.doc, 'industries', shared[0]!.id, 'Logistics & supply chain');
      addListItem(sales.doc, 'technologies', 'Salesforce');
      writeRange(sales.doc, 'employees', { min: 50 });
      removeListItem(marketing.doc, 'industries', shared[1]!.id);
      addListItem(marketing.doc, 'geographies', 'Nordics');
      writeRange(marketing.doc, 'employees', { max: 500 });
      updateListItem(product.doc, 'industries', shared[2]!.id, 'Insurance (P&C)');
      addListItem(product.doc, 'buyingTriggers', 'Hired a new VP of Sales');
      appendParagraph(product.doc, 'challenges', 'Their data lives in five tools');

      const converged = await waitForConvergence([sales, marketing, product]);
      const { doc } = product;
      expect(texts(doc, 'industries')).toEqual(['Logistics & supply chain', 'Insurance (P&C)']);
      expect(readList(doc, 'industries').map((i) => i.id)).toEqual([shared[0]!.id, shared[2]!.id]);
      expect(texts(doc, 'technologies')).toEqual(['Salesforce']);
      expect(texts(doc, 'geographies')).toEqual(['Nordics']);
      expect(texts(doc, 'buyingTriggers')).toEqual(['Hired a new VP of Sales']);
      expect(readRange(doc, 'employees')).toEqual({ min: 50, max: 500 });
      expect(paragraphsOf(doc, 'challenges')).toEqual(['Their data lives in five tools']);

      const fresh = await pool.connect(ctx.server, icp.id);
      expect(fresh.canonical()).toBe(converged);
    });
  });

  describe('presence', () => {
    const ana: AwarenessState = { user: { name: 'Ana (Sales)', color: '#e5484d' }, section: 'goals' };
    /** What others see: the published state, under the connection's account (the owner here). */
    const seen = (): AwarenessState => {
      const id = ctx.server.admin!.userId;
      return { ...ana, user: { id, name: 'Olive Owner', color: colorForName(id) } };
    };

    it('shows a participant to others and removes them when they leave', async () => {
      const icp = await createIcp(ctx.server, 'Presence');
      const a = await pool.connect(ctx.server, icp.id);
      const b = await pool.connect(ctx.server, icp.id);
      a.awareness.setLocalState(ana);
      await waitFor(() => expect(b.awareness.getStates().get(a.doc.clientID)).toEqual(seen()));

      // A client joining later is told who is already there.
      const c = await pool.connect(ctx.server, icp.id);
      await waitFor(() => expect(c.awareness.getStates().get(a.doc.clientID)).toEqual(seen()));

      const id = a.doc.clientID;
      a.destroy();
      await waitFor(() => expect(b.awareness.getStates().has(id)).toBe(false));
      await waitFor(() => expect(c.awareness.getStates().has(id)).toBe(false));
    });

    it('removes the presence of a client whose connection drops without saying goodbye', async () => {
      const icp = await createIcp(ctx.server, 'Dropped presence');
      const observer = await pool.connect(ctx.server, icp.id);
      const raw = pool.track(
        await RawCollabSocket.open(collabUrl(ctx.server, icp.id), ctx.server.adminHeaders()),
      );
      const ghostDoc = new Y.Doc();
      const ghost = new Awareness(ghostDoc);
      try {
        ghost.setLocalState(ana);
        raw.send(awarenessMessage(encodeAwarenessUpdate(ghost, [ghostDoc.clientID])));
        await waitFor(() => expect(observer.awareness.getStates().get(ghostDoc.clientID)).toEqual(seen()));

        raw.ws.terminate(); // no awareness removal is sent: the server must notice the close
        await waitFor(() => expect(observer.awareness.getStates().has(ghostDoc.clientID)).toBe(false));
      } finally {
        ghost.destroy();
        ghostDoc.destroy();
      }
    });
  });

  describe('connection checks', () => {
    it('refuses an unknown or malformed ICP id with HTTP 404', async () => {
      const unknown = await expectUpgradeRefused(
        collabUrl(ctx.server, randomUUID()),
        ctx.server.adminHeaders(),
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: { code: 'icp_not_found' } });
      expect(
        (await expectUpgradeRefused(collabUrl(ctx.server, 'not-an-id'), ctx.server.adminHeaders())).status,
      ).toBe(404);
      expect(
        (await expectUpgradeRefused(`${ctx.server.wsUrl}/elsewhere`, ctx.server.adminHeaders())).status,
      ).toBe(404);
    });

    it('refuses a browser from another origin with 403 and accepts the public origin', async () => {
      const icp = await createIcp(ctx.server, 'Origins');
      const url = collabUrl(ctx.server, icp.id);
      for (const origin of ['https://evil.example', 'http://localhost:5173', 'null']) {
        const refused = await expectUpgradeRefused(url, ctx.server.adminHeaders({ Origin: origin }));
        expect(refused.status, origin).toBe(403);
        expect(refused.body).toMatchObject({ error: { code: 'origin_not_allowed' } });
      }
      const accepted = pool.track(
        await RawCollabSocket.open(url, ctx.server.adminHeaders({ Origin: PUBLIC_URL })),
      );
      await waitFor(() => accepted.received.length > 0); // the server's sync step 1
      expect(accepted.isClosed).toBe(false);
    });

    it('closes with 4409 when the client announces another schema version, and the provider stops', async () => {
      const icp = await createIcp(ctx.server, 'Schema');
      const stale = await pool.connect(ctx.server, icp.id, { params: { schema: '999' }, waitForSync: false });
      const closed = await new Promise<{ code: number }>((resolve) => stale.provider.once('closed', resolve));
      expect(closed.code).toBe(CloseCode.schemaMismatch);
      expect(stale.provider.shouldConnect).toBe(false);

      const current = await pool.connect(ctx.server, icp.id, { params: { schema: String(SCHEMA_VERSION) } });
      expect(current.provider.synced).toBe(true);
    });
  });

  describe('archived ICPs', () => {
    it('can be read, but edits are neither stored nor relayed', async () => {
      const icp = await createIcp(ctx.server, 'Archived');
      const owner = await pool.connect(ctx.server, icp.id);
      addListItem(owner.doc, 'industries', 'Kept before archiving');
      const watcher = await pool.connect(ctx.server, icp.id);
      await waitForConvergence([owner, watcher]);
      await archiveIcp(ctx.server, icp.id);

      const reader = await pool.connect(ctx.server, icp.id);
      expect(texts(reader.doc, 'industries')).toEqual(['Kept before archiving']);
      addListItem(reader.doc, 'industries', 'Written while archived');
      // Presence still flows; it follows the edit on the same socket, so once the watcher sees it
      // the server has handled (and dropped) the edit.
      reader.awareness.setLocalState({ user: { name: 'Reader', color: '#0090ff' } });
      await waitFor(() => watcher.awareness.getStates().has(reader.doc.clientID));
      reader.destroy(); // it must not re-send its local edit once the ICP is writable again

      await unarchiveIcp(ctx.server, icp.id);
      addListItem(owner.doc, 'geographies', 'Written after restoring');
      // Commits are relayed in order, so anything stored earlier would have arrived before this.
      await waitFor(() => expect(texts(watcher.doc, 'geographies')).toEqual(['Written after restoring']));
      expect(texts(watcher.doc, 'industries')).toEqual(['Kept before archiving']);

      owner.destroy();
      watcher.destroy();
      await ctx.server.stop();
      await ctx.server.restart();
      const fresh = await pool.connect(ctx.server, icp.id);
      expect(texts(fresh.doc, 'industries')).toEqual(['Kept before archiving']);
      expect(texts(fresh.doc, 'geographies')).toEqual(['Written after restoring']);
    });

    it('stops accepting edits from clients already connected when it is archived', async () => {
      const icp = await createIcp(ctx.server, 'Archived while open');
      const editor = await pool.connect(ctx.server, icp.id);
      const watcher = await pool.connect(ctx.server, icp.id);
      await archiveIcp(ctx.server, icp.id);

      addListItem(editor.doc, 'disqualifiers', 'Edited after archiving');
      editor.awareness.setLocalState({ user: { name: 'Editor', color: '#46a758' } });
      await waitFor(() => watcher.awareness.getStates().has(editor.doc.clientID));
      editor.destroy();

      await unarchiveIcp(ctx.server, icp.id);
      addListItem(watcher.doc, 'technologies', 'HubSpot');
      const fresh = await pool.connect(ctx.server, icp.id);
      await waitFor(() => expect(texts(fresh.doc, 'technologies')).toEqual(['HubSpot']));
      expect(texts(fresh.doc, 'disqualifiers')).toEqual([]);
      expect(texts(watcher.doc, 'disqualifiers')).toEqual([]);
    });
  });

  describe('Bullseye messages (acks=1)', () => {
    it('pushes icp.updated to opted-in clients when the ICP is renamed or archived', async () => {
      const icp = await createIcp(ctx.server, 'Before rename');
      const raw = pool.track(
        await RawCollabSocket.open(collabUrl(ctx.server, icp.id, { acks: '1' }), ctx.server.adminHeaders()),
      );

      await renameIcp(ctx.server, icp.id, 'After rename');
      await waitFor(() => expect(raw.events).toHaveLength(1));
      expect(raw.events[0]).toMatchObject({
        type: 'icp.updated',
        icp: { id: icp.id, title: 'After rename', archivedAt: null },
      });

      await archiveIcp(ctx.server, icp.id);
      await waitFor(() => expect(raw.events).toHaveLength(2));
      expect(raw.events[1]).toMatchObject({ type: 'icp.updated', icp: { archivedAt: expect.any(String) } });
    });

    it('acknowledges N document updates with saved = N once they are stored', async () => {
      const icp = await createIcp(ctx.server, 'Acks');
      const observer = await pool.connect(ctx.server, icp.id);
      const raw = pool.track(
        await RawCollabSocket.open(collabUrl(ctx.server, icp.id, { acks: '1' }), ctx.server.adminHeaders()),
      );
      const doc = new Y.Doc();
      doc.on('update', (update: Uint8Array) => raw.send(syncUpdateMessage(update)));

      const edits = ['Salesforce', 'HubSpot', 'Gong', 'Outreach', 'Snowflake'];
      for (const text of edits) addListItem(doc, 'technologies', text);
      await raw.waitForSaved(edits.length);
      expect(raw.saved).toBe(edits.length);
      // Saved means stored: every update is a row in the log already.
      expect(await ctx.storage.count('icp_updates', icp.id)).toBe(edits.length);
      await waitFor(() => expect(texts(observer.doc, 'technologies')).toEqual(edits));
      doc.destroy();
    });

    it('does not send Bullseye messages to clients that did not ask for them', async () => {
      const icp = await createIcp(ctx.server, 'No acks');
      const plain = pool.track(
        await RawCollabSocket.open(collabUrl(ctx.server, icp.id), ctx.server.adminHeaders()),
      );
      const optedIn = pool.track(
        await RawCollabSocket.open(collabUrl(ctx.server, icp.id, { acks: '1' }), ctx.server.adminHeaders()),
      );
      const doc = new Y.Doc();
      addListItem(doc, 'industries', 'Media & publishing');
      plain.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
      await renameIcp(ctx.server, icp.id, 'Renamed quietly');
      await waitFor(() => expect(optedIn.events).toHaveLength(1));
      // The update was stored and relayed, so any acknowledgement for it was sent before this.
      await waitFor(() =>
        expect(optedIn.messagesOfType(MessageType.sync, SyncMessageType.update)).toHaveLength(1),
      );
      await plain.roundTrip();
      expect(plain.messagesOfType(MessageType.saved)).toEqual([]);
      expect(plain.messagesOfType(MessageType.event)).toEqual([]);
      doc.destroy();
    });
  });
});
