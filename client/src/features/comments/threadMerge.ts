import type { ThreadDto } from '@bullseye/shared';

/**
 * The newer of two copies of a thread. Copies arrive from HTTP answers and from server events, in
 * any order; the later `updatedAt` wins, and on a tie the one that arrived last (`incoming`).
 */
export function newerThread(current: ThreadDto | undefined, incoming: ThreadDto): ThreadDto {
  if (!current) return incoming;
  return Date.parse(incoming.updatedAt) >= Date.parse(current.updatedAt) ? incoming : current;
}

/** `threads` with `thread` inserted or replaced by its newer copy (the same map when unchanged). */
export function upsertThread(
  threads: ReadonlyMap<string, ThreadDto>,
  thread: ThreadDto,
): ReadonlyMap<string, ThreadDto> {
  const current = threads.get(thread.id);
  const next = newerThread(current, thread);
  if (next === current) return threads;
  return new Map(threads).set(thread.id, next);
}

/** `threads` without one thread (the same map when it was not there). */
export function removeThread(
  threads: ReadonlyMap<string, ThreadDto>,
  id: string,
): ReadonlyMap<string, ThreadDto> {
  if (!threads.has(id)) return threads;
  const next = new Map(threads);
  next.delete(id);
  return next;
}

/**
 * A freshly loaded list, reconciled with what changed while it was loading: threads touched by
 * events or answers meanwhile keep their newer copy, threads deleted meanwhile stay deleted.
 */
export function reconcileLoaded(
  loaded: readonly ThreadDto[],
  current: ReadonlyMap<string, ThreadDto>,
  touched: ReadonlySet<string>,
  deleted: ReadonlySet<string>,
): ReadonlyMap<string, ThreadDto> {
  const next = new Map(loaded.map((t) => [t.id, t]));
  for (const id of touched) {
    const mine = current.get(id);
    if (mine) next.set(id, newerThread(next.get(id), mine));
  }
  for (const id of deleted) next.delete(id);
  return next;
}
