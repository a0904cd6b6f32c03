import * as Y from 'yjs';
import type { BenchTarget } from './benchServer.js';
import { openClient, type BenchClient } from './openClient.js';
import { pollUntil, withTimeout } from './timeouts.js';

/** Connections opened at once: enough to be quick, few enough not to measure an upgrade storm. */
const OPEN_CONCURRENCY = 20;

/**
 * Which of `count` servers client `index` of room `room` opens on: in turn, starting one further
 * for each room, so every room is split evenly and so is the whole load (500 clients of 100×5 on
 * two instances: 250 each, every ICP on both).
 */
export function serverIndexOf(room: number, index: number, count: number): number {
  return (room + index) % count;
}

/**
 * Opens `perIcp` clients on each ICP and waits for each to sync. With several servers (instances of
 * one cluster), the clients of each ICP are spread over them (`serverIndexOf`). Every client is
 * pushed to `all` as soon as it exists, so the caller can destroy them even if opening fails half-way.
 */
export async function openRoomClients(
  servers: BenchTarget | readonly BenchTarget[],
  icpIds: readonly string[],
  perIcp: number,
  all: BenchClient[],
): Promise<BenchClient[][]> {
  const targets = ([] as BenchTarget[]).concat(servers);
  const rooms: BenchClient[][] = icpIds.map(() => []);
  const plan = icpIds.flatMap((icpId, room) =>
    Array.from({ length: perIcp }, (_, index) => ({ icpId, room, index })),
  );
  for (let i = 0; i < plan.length; i += OPEN_CONCURRENCY) {
    const batch = plan.slice(i, i + OPEN_CONCURRENCY).map(({ icpId, room, index }) => {
      const client = openClient(targets[serverIndexOf(room, index, targets.length)]!, icpId);
      all.push(client);
      rooms[room]!.push(client);
      return client.synced;
    });
    await withTimeout(Promise.all(batch), 30_000, `syncing clients ${i + 1}-${i + batch.length}`);
  }
  return rooms;
}

/** True when every client of each room has every other client's edits of that room. */
export function roomsConverged(rooms: readonly (readonly BenchClient[])[]): boolean {
  return rooms.every((room) =>
    room.every((author) => {
      const clock = Y.getState(author.doc.store, author.doc.clientID);
      return room.every((reader) => Y.getState(reader.doc.store, author.doc.clientID) >= clock);
    }),
  );
}

/** Waits (bounded) until `roomsConverged`; throws naming `what` if it never happens. */
export async function awaitConvergence(
  rooms: readonly (readonly BenchClient[])[],
  timeoutMs: number,
  what: string,
): Promise<void> {
  if (!(await pollUntil(() => roomsConverged(rooms), timeoutMs, 5)))
    throw new Error(`${what}: clients did not converge within ${timeoutMs} ms`);
}
