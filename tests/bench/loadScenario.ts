import * as Y from 'yjs';
import { StorageInspector } from '../support/storage.js';
import type { BenchConfig } from './benchConfig.js';
import { BullseyeTarget, startTarget, stopTarget, type BenchTarget } from './benchServer.js';
import { openClient, type BenchClient } from './openClient.js';
import { percentile } from './percentile.js';
import { awaitConvergence, openRoomClients } from './roomClients.js';
import { seededRandom } from '../support/seededRandom.js';
import { pollUntil, sleep, withTimeout } from './timeouts.js';
import { NARRATIVE_SECTIONS, Typist } from './typist.js';

/** Short, so "cold" runs do not wait long for the server to drop the ICP from memory. */
const UNLOAD_DELAY_MS = 300;
/** Margin after UNLOAD_DELAY_MS for the close to reach the server and the unload to run. */
const UNLOAD_MARGIN_MS = 400;
/**
 * Edits each author makes before all wait for each other: small rounds interleave the authors'
 * histories (concurrent typing) and bound how much the bench has in flight.
 */
const EDITS_PER_ROUND = 25;

export interface LoadTimes {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export interface LoadResult {
  edits: number;
  authors: number;
  /** Size of the document's full Yjs state as a client receives it. */
  stateKiB: number;
  /** Rows the server read for the cold loads: snapshots + update-log tail. */
  storedRows: { snapshots: number; updates: number };
  /** ICP unloaded: the server reads it from the database and builds the Y.Doc. */
  cold: LoadTimes;
  /** ICP in memory (another client has it open). */
  warm: LoadTimes;
  /**
   * The stock y-websocket server loading the same content (the final state of the same history, one
   * update): it has no database, so its documents are always in memory.
   */
  stock: LoadTimes;
}

/**
 * Builds an ICP whose history holds `config.loadEdits` edits by several authors, each sent through
 * the server so its update log (and compactions) hold them, then times fresh stock clients from
 * `new WebsocketProvider(...)` to `sync`: cold (ICP unloaded) and warm (ICP in memory). Then the
 * stock server gets the same content and is timed the same way.
 */
export async function runLoadScenario(config: BenchConfig): Promise<LoadResult> {
  const bullseye = await runBullseyeLoad(config);
  const stock = await runStockLoad(config, bullseye.state, bullseye.stateVector);
  return { ...bullseye.result, stock };
}

async function runBullseyeLoad(
  config: BenchConfig,
): Promise<{ result: Omit<LoadResult, 'stock'>; state: Uint8Array; stateVector: Uint8Array }> {
  const target = await startTarget(
    'bullseye',
    { UNLOAD_DELAY_MS: String(UNLOAD_DELAY_MS) },
    config.serverNodeArgs,
  );
  if (!(target instanceof BullseyeTarget)) throw new Error('expected a Bullseye server');
  const server = target;
  const storage = new StorageInspector(server.server.dataDir, undefined);
  const clients: BenchClient[] = [];
  try {
    const [icpId] = await server.createRooms(1, 'history');
    const history = await writeHistory(server, icpId!, config, clients);
    for (const client of clients.splice(0)) client.destroy();

    // Unloading compacts the whole log into the snapshot; wait for that, bounded.
    await sleep(UNLOAD_DELAY_MS + UNLOAD_MARGIN_MS);
    const compacted = await pollUntil(
      async () =>
        (await storage.count('icp_updates', icpId!)) === 0 &&
        (await storage.count('icp_snapshots', icpId!)) === 1,
      60_000,
      100,
    );
    const storedRows = {
      snapshots: await storage.count('icp_snapshots', icpId!),
      updates: await storage.count('icp_updates', icpId!),
    };
    if (!compacted)
      console.warn(`load: the log was not compacted after unload (${JSON.stringify(storedRows)})`);

    // One untimed load first: the first big updates this process decodes run before V8 has
    // optimised Yjs for them (a 3x slower client), which says nothing about the server.
    await sleep(UNLOAD_DELAY_MS + UNLOAD_MARGIN_MS);
    await timeLoad(server, icpId!, history.stateVector);

    const cold: number[] = [];
    for (let run = 0; run < config.loadRuns; run++) {
      // The previous loader's disconnect starts the unload timer; no writes, so nothing to compact.
      await sleep(UNLOAD_DELAY_MS + UNLOAD_MARGIN_MS);
      cold.push((await timeLoad(server, icpId!, history.stateVector))!);
    }

    const holder = openClient(server, icpId!);
    clients.push(holder);
    await withTimeout(holder.synced, 30_000, 'holder sync');
    const warm: number[] = [];
    for (let run = 0; run < config.loadRuns; run++) {
      await sleep(50);
      warm.push((await timeLoad(server, icpId!, history.stateVector))!);
    }

    return {
      result: {
        edits: history.edits,
        authors: config.loadAuthors,
        stateKiB: history.state.byteLength / 1024,
        storedRows,
        cold: summarize(cold),
        warm: summarize(warm),
      },
      state: history.state,
      stateVector: history.stateVector,
    };
  } finally {
    for (const client of clients) client.destroy();
    await storage.close();
    await stopTarget(server);
  }
}

/**
 * The stock server gets the final state of the same history from one client (the same Yjs items,
 * so the same content and size), then fresh clients load it, timed as above.
 */
async function runStockLoad(
  config: BenchConfig,
  state: Uint8Array,
  expected: Uint8Array,
): Promise<LoadTimes> {
  const server = await startTarget('stock');
  try {
    const [room] = await server.createRooms(1, 'history');
    const seeder = openClient(server, room!);
    try {
      Y.applyUpdate(seeder.doc, state);
      await withTimeout(seeder.synced, 30_000, 'stock seeder sync');
      // The seeder's sync answer may still be on its way: load until a fresh client gets it all.
      const complete = await pollUntil(
        async () => (await timeLoad(server, room!, expected, false)) !== undefined,
        30_000,
        50,
      );
      if (!complete)
        throw new Error(
          `the stock server never served the whole ${(state.byteLength / 1024).toFixed(0)} KiB state`,
        );
    } finally {
      seeder.destroy();
    }
    const times: number[] = [];
    for (let run = 0; run < config.loadRuns; run++) {
      await sleep(50);
      times.push((await timeLoad(server, room!, expected))!);
    }
    return summarize(times);
  } finally {
    await stopTarget(server);
  }
}

interface History {
  edits: number;
  /** The whole document as one update (what a fresh client receives). */
  state: Uint8Array;
  stateVector: Uint8Array;
}

/**
 * Authors type (and sometimes erase, or start a paragraph in another section) in rounds, waiting
 * after each round until everyone has everyone's edits, so every edit has been through the server.
 */
async function writeHistory(
  server: BenchTarget,
  icpId: string,
  config: BenchConfig,
  clients: BenchClient[],
): Promise<History> {
  const [authors] = await openRoomClients(server, [icpId], config.loadAuthors, clients);
  const random = seededRandom(20_000);
  const typists = authors!.map(
    (client, i) =>
      new Typist(client, NARRATIVE_SECTIONS[i % NARRATIVE_SECTIONS.length]!, `Author ${i + 1}`, random),
  );
  for (const typist of typists) typist.begin();
  let edits = typists.length;
  const rounds = Math.ceil((config.loadEdits - edits) / (EDITS_PER_ROUND * typists.length));
  for (let round = 0; round < rounds && edits < config.loadEdits; round++) {
    for (const typist of typists) {
      for (let i = 0; i < EDITS_PER_ROUND && edits < config.loadEdits; i++, edits++) {
        const roll = random();
        if (roll < 0.07) typist.erase();
        else if (roll < 0.09)
          typist.newParagraph(NARRATIVE_SECTIONS[Math.floor(random() * NARRATIVE_SECTIONS.length)]!);
        else {
          if (roll < 0.11) typist.moveCursor();
          typist.type();
        }
      }
    }
    await awaitConvergence([authors!], 30_000, `history round ${round + 1}`);
  }
  const doc = authors![0]!.doc;
  return { edits, state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
}

/**
 * One fresh client: ms from constructing its provider to its `sync`, checked to hold everything
 * (an incomplete load throws, or gives undefined when `strict` is false).
 */
async function timeLoad(
  server: BenchTarget,
  icpId: string,
  expected: Uint8Array,
  strict = true,
): Promise<number | undefined> {
  const client = openClient(server, icpId);
  try {
    const syncedAt = await withTimeout(client.synced, 30_000, 'fresh client sync');
    const got = Y.encodeStateVector(client.doc);
    if (Buffer.compare(got, expected) !== 0) {
      if (!strict) return undefined;
      throw new Error('a fresh client synced without the whole history');
    }
    return syncedAt - client.openedAt;
  } finally {
    client.destroy();
  }
}

function summarize(times: readonly number[]): LoadTimes {
  return {
    medianMs: percentile(times, 50),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    runs: times.length,
  };
}
