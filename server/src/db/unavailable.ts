/** Socket-level failures: the database cannot be reached or the connection to it broke. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: the server is shutting down, crashed or not accepting connections yet.
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * Whether `error` says the database is unreachable (rather than that a statement was wrong): such
 * requests are answered 503 `database_unavailable`, like `/readyz`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  // pg's own messages for a dropped connection or a connection attempt that timed out.
  return /^Connection terminated|timeout exceeded when trying to connect/.test(error.message);
}
