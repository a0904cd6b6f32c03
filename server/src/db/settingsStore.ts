import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

const KEYS = { owner: 'owner_user_id', signupOpen: 'signup_open', authSecret: 'auth_secret' } as const;

/** Installation-wide settings kept in the database, so every server instance agrees on them. */
export class SettingsStore {
  constructor(private readonly db: Kysely<Database>) {}

  private async get(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  /** Inserts `value` unless the key exists; answers whether this call set it. */
  private async insertIfAbsent(key: string, value: string): Promise<boolean> {
    const result = await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** The secret that signs session cookies: made once, shared by every instance on this database. */
  async authSecret(): Promise<string> {
    await this.insertIfAbsent(KEYS.authSecret, randomBytes(32).toString('base64url'));
    return (await this.get(KEYS.authSecret))!;
  }

  async ownerId(): Promise<string | undefined> {
    return this.get(KEYS.owner);
  }

  /** Claims ownership of the installation; false if someone else already has it. */
  async claimOwner(userId: string): Promise<boolean> {
    return this.insertIfAbsent(KEYS.owner, userId);
  }

  async signupOpen(): Promise<boolean> {
    return (await this.get(KEYS.signupOpen)) === 'true';
  }

  async setSignupOpen(open: boolean): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key: KEYS.signupOpen, value: String(open) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(open) }))
      .execute();
  }
}
