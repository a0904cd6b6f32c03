/** An entry of a top list, by the value it is ranked on. */
export interface Ranked {
  rank: number;
}

/**
 * Keeps `list` the `max` highest-ranked entries seen so far, highest first (ties: the earlier
 * entry). `make` builds the entry only when it is kept, so a scan over a million accounts
 * allocates nothing for the rest.
 */
export function keepTop<T extends Ranked>(list: T[], rank: number, max: number, make: () => T): void {
  if (list.length >= max && rank <= list[list.length - 1]!.rank) return;
  let at = list.length;
  while (at > 0 && list[at - 1]!.rank < rank) at--;
  list.splice(at, 0, make());
  if (list.length > max) list.pop();
}
