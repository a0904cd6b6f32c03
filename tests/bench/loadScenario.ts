import * as Y from 'yjs';
import { StorageInspector } from '../support/storage.js';
import type { ServerProcess } from '../support/serverProcess.js';
import type { BenchConfig } from './benchConfig.js';
import { createIcps, startBenchServer, stopBenchServer } from './benchServer.js';
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
}

/**
 * Builds an ICP whose history holds `config.loadEdits` edits by several authors, each sent through
 * the server so its update log (and compactions) hold them, then times fresh stock clients from
 * `new WebsocketProvider(...)` to `sync`: cold (ICP unloaded) and warm (ICP in memory).
 */
export async function runLoadScenario(config: BenchConfig): Promise<LoadResult> {
  const server = await startBenchServer({ UNLOAD_DELAY_MS: String(UNLOAD_DELAY_MS) }, config.serverNodeArgs);
  const storage = new StorageInspector(server.dataDir, undefined);
  const clients: BenchClient[] = [];
  try {
    const [icpId] = await createIcps(server, 1, 'history');
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
      cold.push(await timeLoad(server, icpId!, history.stateVector));
    }

    const holder = openClient(server, icpId!);
    clients.push(holder);
    await withTimeout(holder.synced, 30_000, 'holder sync');
    const warm: number[] = [];
    for (let run = 0; run < config.loadRuns; run++) {
      await sleep(50);
      warm.push(await timeLoad(server, icpId!, history.stateVector));
    }

    return {
      edits: history.edits,
      authors: config.loadAuthors,
      stateKiB: history.stateBytes / 1024,
      storedRows,
      cold: summarize(cold),
      warm: summarize(warm),
    };
  } finally {
    for (const client of clients) client.destroy();
    await storage.close();
    await stopBenchServer(server);
  }
}

interface History {
  edits: number;
  stateBytes: number;
  stateVector: Uint8Array;
}

/**
 * Authors type (and sometimes erase, or start a paragraph in another section) in rounds, waiting
 * after each round until everyone has everyone's edits, so every edit has been through the server.
 */
async function writeHistory(
  server: ServerProcess,
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
  return { edits, stateBytes: Y.encodeStateAsUpdate(doc).byteLength, stateVector: Y.encodeStateVector(doc) };
}

/** One fresh client: ms from constructing its provider to its `sync`, checked to hold everything. */
async function timeLoad(server: ServerProcess, icpId: string, expected: Uint8Array): Promise<number> {
  const client = openClient(server, icpId);
  try {
    const syncedAt = await withTimeout(client.synced, 30_000, 'fresh client sync');
    const got = Y.encodeStateVector(client.doc);
    if (Buffer.compare(got, expected) !== 0)
      throw new Error('a fresh client synced without the whole history');
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
