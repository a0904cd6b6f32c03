/**
 * Retries `check` until it stops throwing (or returns a truthy value), instead of sleeping for a
 * guessed time. Fails with the last error after `timeoutMs`.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 20 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined && value !== null) return value;
      lastError = new Error('condition returned ' + String(value));
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw lastError instanceof Error ? lastError : new Error(String(lastError));
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
