/**
 * The saved-state check behind "All changes saved": a client asks the server (`savedQuery`) which
 * of its Yjs state vector is durably stored, and the server answers (`savedState`) with its own
 * clock for each client id of the query. Pure functions, shared by both sides.
 *
 * A Yjs state vector maps a client id to the number of items (its clock) of that client a document
 * has integrated. Content the server could not integrate (refused, or waiting on refused content it
 * depends on) is not counted, so a clock above the server's means this browser holds content the
 * server does not have. Deletions do not advance clocks; they are covered by the `saved` counts.
 */

/** The server's answer to a query: its clock for every client id the query names (0 if unknown). */
export function savedClocksFor(
  server: ReadonlyMap<number, number>,
  query: ReadonlyMap<number, number>,
): Map<number, number> {
  const answer = new Map<number, number>();
  for (const client of query.keys()) answer.set(client, server.get(client) ?? 0);
  return answer;
}

/** One client id whose content this browser has and the server does not. */
export interface SavedGap {
  client: number;
  /** This browser's clock for the client. */
  local: number;
  /** The server's clock for the client (0 if it has nothing of it). */
  server: number;
}

/**
 * Where the local state vector is ahead of what the server said it has; empty when the server's
 * clocks cover every local clock (the browser has nothing the server lacks).
 */
export function savedGaps(
  local: ReadonlyMap<number, number>,
  server: ReadonlyMap<number, number>,
): SavedGap[] {
  const gaps: SavedGap[] = [];
  for (const [client, clock] of local) {
    const stored = server.get(client) ?? 0;
    if (clock > stored) gaps.push({ client, local: clock, server: stored });
  }
  return gaps;
}

/** Whether the server's clocks cover every local clock. */
export function coversStateVector(
  server: ReadonlyMap<number, number>,
  local: ReadonlyMap<number, number>,
): boolean {
  return savedGaps(local, server).length === 0;
}
