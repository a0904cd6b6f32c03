/**
 * Where to go after signing in: the `next` query parameter if it is a path on this site, else "/".
 * Anything else (another origin, `//host`, `javascript:`) is refused, so links cannot redirect away.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  return raw;
}

/** A link to an auth page that keeps the destination, e.g. `/sign-in?next=%2Ficp%2F1`. */
export function withNext(page: string, next: string | null | undefined): string {
  const target = safeNextPath(next);
  return target === '/' ? page : `${page}?${new URLSearchParams({ next: target }).toString()}`;
}
