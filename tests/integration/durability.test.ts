import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addListItem,
  fragmentOf,
  readList,
  readRange,
  writeRange,
  type RichTextSectionKey,
} from '@bullseye/shared';
import { createIcp } from '../support/api.js';
import { BACKENDS } from '../support/backends.js';
import { ClientPool, waitForConvergence, type CollabClient } from '../support/collabClient.js';
import { useServer, type ServerHandle } from '../support/harness.js';
import { appendParagraph, missingFrom, paragraphsOf } from '../support/icpDocs.js';
import { waitFor } from '../support/waitFor.js';

/** A realistic first draft: criteria, ranges and narrative text. */
function draftIcp(doc: Y.Doc): void {
  for (const text of ['B2B SaaS', 'Fintech', 'Insurance']) addListItem(doc, 'industries', text);
  addListItem(doc, 'geographies', 'UK & Ireland');
  addListItem(doc, 'disqualifiers', 'No dedicated sales team');
  writeRange(doc, 'employees', { min: 200, max: 2000 });
  writeRange(doc, 'revenue', { min: 20_000_000, max: null, currency: 'GBP' });
  appendParagraph(doc, 'goals', 'Grow net revenue retention above 110%');
  appendParagraph(doc, 'painPoints', '"We lose a week every quarter reconciling pipeline."');
}

describe.each(BACKENDS)('durability on %s', (backend) => {
  const pool = new ClientPool();
  afterEach(() => pool.destroyAll());

  describe('restarts, crashes and unloading', () => {
    const ctx = useServer(backend);

    it('serves every edit after a graceful restart (SIGTERM)', async () => {
      const icp = await createIcp(ctx.server, 'Graceful restart');
      const author = await pool.connect(ctx.server, icp.id);
      const observer = await pool.connect(ctx.server, icp.id);
      draftIcp(author.doc);
      const expected = await waitForConvergence([author, observer]);

      // Old clients go first: on reconnecting they would re-send what the server may have lost.
      author.destroy();
      observer.destroy();
      expect(await ctx.server.stop()).toBe(0);
      await ctx.server.restart();

      const fresh = await pool.connect(ctx.server, icp.id);
      expect(fresh.canonical()).toBe(expected);
    });

    it('keeps every edit any client has seen when the server is killed mid-stream (SIGKILL)', async () => {
      const icp = await createIcp(ctx.server, 'Crash test');
      const sections: RichTextSectionKey[] = ['goals', 'challenges', 'painPoints'];
      for (let round = 0; round < 4; round++) {
        const outcome = await crashRound(ctx, pool, icp.id, round, sections, 15 + 10 * round);
        await ctx.server.restart();

        const fresh = await pool.connect(ctx.server, icp.id);
        expect(missingFrom(fresh.doc, outcome.watcherDoc)).toEqual([]);
        for (const section of sections) {
          const stored = new Set(paragraphsOf(fresh.doc, section));
          for (const text of paragraphsOf(outcome.watcherDoc, section)) expect(stored).toContain(text);
        }
        expect(outcome.seenByWatcher).toBeGreaterThan(0);
        expect(outcome.sent).toBeGreaterThanOrEqual(outcome.seenByWatcher);
        fresh.destroy();
      }
    });

    it('unloads an idle ICP once everyone has left and serves it again intact', async () => {
      const icp = await createIcp(ctx.server, 'Unload');
      const author = await pool.connect(ctx.server, icp.id);
      const observer = await pool.connect(ctx.server, icp.id);
      draftIcp(author.doc);
      const expected = await waitForConvergence([author, observer]);
      expect(await ctx.storage.count('icp_updates', icp.id)).toBeGreaterThan(0);

      author.destroy();
      observer.destroy();
      // Unloading compacts the log: the tail is merged into the snapshot.
      await waitFor(
        async () =>
          (await ctx.storage.count('icp_updates', icp.id)) === 0 &&
          (await ctx.storage.count('icp_snapshots', icp.id)) === 1,
      );

      const [first, second] = [
        await pool.connect(ctx.server, icp.id),
        await pool.connect(ctx.server, icp.id),
      ];
      expect(first.canonical()).toBe(expected);
      // The reloaded document is live again, not a read-only copy.
      addListItem(first.doc, 'technologies', 'Snowflake');
      await waitFor(() =>
        expect(readList(second.doc, 'technologies').map((i) => i.text)).toEqual(['Snowflake']),
      );
    });
  });

  describe('compaction', () => {
    const ctx = useServer(backend, { COMPACT_AFTER_UPDATES: '20' });

    it('compacts the update log in the background and loads snapshot + tail after a crash', async () => {
      const icp = await createIcp(ctx.server, 'Compaction');
      const author = await pool.connect(ctx.server, icp.id);
      const observer = await pool.connect(ctx.server, icp.id);

      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      fragmentOf(author.doc, 'notes').push([paragraph]);
      // 200 separate edits, each its own update: overwritten bounds, typed and deleted text.
      for (let i = 1; i < 200; i++) {
        if (i % 2 === 0) writeRange(author.doc, 'employees', { min: i, max: 1000 + i });
        else if (i % 10 === 9) text.delete(0, 1);
        else text.insert(text.length, String.fromCharCode(97 + (i % 26)));
      }
      const expected = await waitForConvergence([author, observer]);
      expect(readRange(observer.doc, 'employees')).toEqual({ min: 198, max: 1198 });

      await waitFor(
        async () =>
          (await ctx.storage.count('icp_updates', icp.id)) < 200 &&
          (await ctx.storage.count('icp_snapshots', icp.id)) === 1,
      );

      author.destroy();
      observer.destroy();
      await ctx.server.kill(); // no graceful compaction: the next load reads snapshot + tail
      await ctx.server.restart();
      const fresh = await pool.connect(ctx.server, icp.id);
      expect(fresh.canonical()).toBe(expected);
    });
  });
});

interface CrashOutcome {
  /** Everything the watcher received from the server before the kill. */
  watcherDoc: Y.Doc;
  seenByWatcher: number;
  /** Edits the writers made (some may legitimately be lost: nobody saw them). */
  sent: number;
}

/**
 * Three writers stream paragraphs into their own sections; a watcher counts the updates the
 * server relays to it. Right after the `killAfter`-th one arrives, the server gets SIGKILL while
 * the writers are still sending. The writers are discarded (so they cannot re-send anything) and
 * the watcher keeps exactly what it had received.
 */
async function crashRound(
  ctx: ServerHandle,
  pool: ClientPool,
  icpId: string,
  round: number,
  sections: RichTextSectionKey[],
  killAfter: number,
): Promise<CrashOutcome> {
  const writers: CollabClient[] = await Promise.all(sections.map(() => pool.connect(ctx.server, icpId)));
  const watcher = await pool.connect(ctx.server, icpId);
  let seenByWatcher = 0;
  let sent = 0;
  const timers: NodeJS.Timeout[] = [];

  const killed = new Promise<void>((resolve, reject) => {
    watcher.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== watcher.provider) return;
      seenByWatcher++;
      if (seenByWatcher !== killAfter) return;
      const exited = ctx.server.kill(); // SIGKILL is sent synchronously, before anything else runs
      watcher.provider.disconnect(); // it applies nothing more from here on
      timers.forEach(clearInterval);
      writers.forEach((writer) => writer.destroy());
      exited.then(resolve, reject);
    });
  });

  sections.forEach((section, w) => {
    let n = 0;
    timers.push(
      setInterval(() => {
        for (let burst = 0; burst < 5; burst++) {
          appendParagraph(writers[w]!.doc, section, `round ${round} writer ${w} edit ${n++}`);
          sent++;
        }
      }, 2),
    );
  });
  await killed;
  return { watcherDoc: watcher.doc, seenByWatcher, sent };
}
