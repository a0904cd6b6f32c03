import type { Kysely } from 'kysely';
import type { UserDto } from '@bullseye/shared';
import type { Database } from './schema.js';

/** Read access to better-auth's users (it owns writes). */
export class UserStore {
  constructor(private readonly db: Kysely<Database>) {}

  async find(id: string): Promise<UserDto | undefined> {
    return this.db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findByEmail(email: string): Promise<UserDto | undefined> {
    return this.db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Ends every session of a user (password change elsewhere, removal by an operator). */
  async revokeSessions(userId: string, exceptToken?: string): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('userId', '=', userId);
    if (exceptToken) query = query.where('token', '!=', exceptToken);
    await query.execute();
  }
}
