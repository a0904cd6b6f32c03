import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { TokenScope } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { ApiTokensTable, Database } from './schema.js';

export type ApiTokenRow = Selectable<ApiTokensTable>;

/** Personal API tokens; the secret itself is never stored. */
export class ApiTokenStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(
    userId: string,
    name: string,
    prefix: string,
    tokenHash: string,
    scope: TokenScope,
  ): Promise<ApiTokenRow> {
    const row: ApiTokenRow = {
      id: randomUUID(),
      user_id: userId,
      name,
      prefix,
      token_hash: tokenHash,
      scope,
      created_at: this.clock.now().toISOString(),
      last_used_at: null,
    };
    await this.db.insertInto('api_tokens').values(row).execute();
    return row;
  }

  async findByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async listForUser(userId: string): Promise<ApiTokenRow[]> {
    return this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  }

  /** Deletes one of the user's tokens; false if the user has none with that id. */
  async delete(userId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('api_tokens')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Records use at most once a minute per token, so scripts do not cause a write per request. */
  async touch(row: ApiTokenRow): Promise<void> {
    const now = this.clock.now();
    if (row.last_used_at && now.getTime() - Date.parse(row.last_used_at) < 60_000) return;
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
}
