/** The first characters of a hex hash, enough to tell versions apart at a glance. */
export function shortHash(hash: string, length = 10): string {
  return hash.slice(0, length);
}
