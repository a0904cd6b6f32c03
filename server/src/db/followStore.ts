import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from './schema.js';

/**
 * Who follows which ICP (hears of every new thread). People follow explicitly, or automatically
 * when they first comment on or edit an ICP; an explicit unfollow is kept as a row with
 * `following` 0, which automatic following never overrides.
 */
export class FollowStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async isFollowing(icpId: string, userId: string, db: Kysely<Database> = this.db): Promise<boolean> {
    const row = await db
      .selectFrom('icp_follows')
      .select('following')
      .where('icp_id', '=', icpId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.following === 1;
  }

  /** Follows or unfollows explicitly. */
  async set(
    icpId: string,
    userId: string,
    following: boolean,
    db: Kysely<Database> = this.db,
  ): Promise<void> {
    const value = { following: following ? 1 : 0, updated_at: this.clock.now().toISOString() };
    await db
      .insertInto('icp_follows')
      .values({ icp_id: icpId, user_id: userId, ...value })
      .onConflict((oc) => oc.columns(['icp_id', 'user_id']).doUpdateSet(value))
      .execute();
  }

  /** Follows automatically, unless the person already follows or has unfollowed. */
  async followIfNew(icpId: string, userId: string, db: Kysely<Database> = this.db): Promise<void> {
    await db
      .insertInto('icp_follows')
      .values({ icp_id: icpId, user_id: userId, following: 1, updated_at: this.clock.now().toISOString() })
      .onConflict((oc) => oc.columns(['icp_id', 'user_id']).doNothing())
      .execute();
  }

  /** Followers of an ICP who are still members of its workspace. */
  async followers(icpId: string, db: Kysely<Database> = this.db): Promise<string[]> {
    const rows = await db
      .selectFrom('icp_follows as f')
      .innerJoin('icps', 'icps.id', 'f.icp_id')
      .innerJoin('memberships as m', (join) =>
        join.onRef('m.workspace_id', '=', 'icps.workspace_id').onRef('m.user_id', '=', 'f.user_id'),
      )
      .select('f.user_id')
      .where('f.icp_id', '=', icpId)
      .where('f.following', '=', 1)
      .execute();
    return rows.map((r) => r.user_id);
  }
}
