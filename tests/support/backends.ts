import { createTempDatabase, type TempDatabase } from './postgres.js';

/** The two databases every integration suite runs against. */
export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

/** Server options for a backend; for PostgreSQL a fresh database that `cleanup` drops. */
export async function backendOptions(
  backend: Backend,
): Promise<{ databaseUrl?: string; cleanup: () => Promise<void> }> {
  if (backend === 'sqlite') return { cleanup: async () => {} };
  const db: TempDatabase = await createTempDatabase();
  return { databaseUrl: db.url, cleanup: () => db.drop() };
}
