/** Undo steps (temporary files, throwaway databases) still to run, so an aborted run runs them too. */
const pending = new Set<() => Promise<void>>();

/**
 * Registers `step` (removing a temporary file, dropping a database) and returns it wrapped: the
 * caller runs it in its `finally`; if the run is aborted first (signal, watchdog), `runPendingCleanups`
 * does. Either way it runs once.
 */
export function registerCleanup(what: string, step: () => void | Promise<void>): () => Promise<void> {
  let done = false;
  const run = async (): Promise<void> => {
    if (done) return;
    done = true;
    pending.delete(run);
    try {
      await step();
    } catch (error) {
      console.error(`bench: cleanup of ${what} failed:`, error);
    }
  };
  pending.add(run);
  return run;
}

/** Runs every registered step not run yet (after the servers are killed). */
export async function runPendingCleanups(): Promise<void> {
  for (const run of [...pending]) await run();
}
