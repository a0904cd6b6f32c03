import { afterAll, beforeAll } from 'vitest';
import { backendOptions, type Backend } from './backends.js';
import { ServerProcess, type ServerProcessOptions } from './serverProcess.js';
import { StorageInspector } from './storage.js';

/** A running server for one suite, on one backend, and a read-only view of its storage. */
export interface ServerHandle {
  readonly backend: Backend;
  readonly server: ServerProcess;
  readonly storage: StorageInspector;
}

/**
 * Starts a real server (its own process, fresh data) before the suite's tests and tears everything
 * down after them: the process, its data directory and, on PostgreSQL, the throwaway database.
 * Read the returned handle's properties inside hooks and tests, not at collection time.
 * `options.provision: false` starts a server that still needs its first-run setup.
 */
export function useServer(
  backend: Backend,
  env: Record<string, string> = {},
  options: Pick<ServerProcessOptions, 'provision'> = {},
): ServerHandle {
  let server: ServerProcess | undefined;
  let storage: StorageInspector | undefined;
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const database = await backendOptions(backend);
    cleanup = database.cleanup;
    server = new ServerProcess({ databaseUrl: database.databaseUrl, env, provision: options.provision });
    storage = new StorageInspector(server.dataDir, database.databaseUrl);
    await server.start();
  });

  afterAll(async () => {
    await storage?.close();
    await server?.dispose();
    await cleanup?.();
  });

  return {
    backend,
    get server() {
      if (!server) throw new Error('the server is not started yet (use it inside a test or hook)');
      return server;
    },
    get storage() {
      if (!storage) throw new Error('the server is not started yet (use it inside a test or hook)');
      return storage;
    },
  };
}
