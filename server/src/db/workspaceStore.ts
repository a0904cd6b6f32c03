import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { IcpFunction, Role } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { Database, MembershipsTable, WorkspacesTable } from './schema.js';

export type WorkspaceRow = Selectable<WorkspacesTable>;

/** A membership as the rest of the server uses it (typed role and function, boolean approver). */
export interface Membership {
  workspaceId: string;
  userId: string;
  role: Role;
  function: IcpFunction | null;
  approver: boolean;
  createdAt: string;
}

export interface MemberPatch {
  role?: Role | undefined;
  function?: IcpFunction | null | undefined;
  approver?: boolean | undefined;
}

function toMembership(row: Selectable<MembershipsTable>): Membership {
  return {
    workspaceId: row.workspace_id,
    userId: row.user_id,
    role: row.role as Role,
    function: row.function as IcpFunction | null,
    approver: Boolean(row.approver),
    createdAt: row.created_at,
  };
}

/** Workspaces and memberships. */
export class WorkspaceStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(name: string, db: Kysely<Database> = this.db): Promise<WorkspaceRow> {
    const row = { id: randomUUID(), name, created_at: this.clock.now().toISOString() };
    await db.insertInto('workspaces').values(row).execute();
    return row;
  }

  async find(id: string): Promise<WorkspaceRow | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The workspaces a user belongs to, with their membership, oldest first. */
  async listForUser(userId: string): Promise<{ workspace: WorkspaceRow; membership: Membership }[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
      .selectAll('memberships')
      .select(['workspaces.name', 'workspaces.created_at as workspace_created_at'])
      .where('memberships.user_id', '=', userId)
      .orderBy('memberships.created_at')
      .orderBy('workspaces.id')
      .execute();
    return rows.map((r) => ({
      workspace: { id: r.workspace_id, name: r.name, created_at: r.workspace_created_at },
      membership: toMembership(r),
    }));
  }

  async membership(
    workspaceId: string,
    userId: string,
    db: Kysely<Database> = this.db,
  ): Promise<Membership | undefined> {
    const row = await db
      .selectFrom('memberships')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row && toMembership(row);
  }

  async members(workspaceId: string, db: Kysely<Database> = this.db) {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .selectAll('memberships')
      .select(['users.name', 'users.email'])
      .where('memberships.workspace_id', '=', workspaceId)
      .orderBy('users.name')
      .orderBy('users.id')
      .execute();
    return rows.map((r) => ({
      membership: toMembership(r),
      user: { id: r.user_id, name: r.name, email: r.email },
    }));
  }

  /** Adds a member; an existing membership is left as it is. Answers whether one was added. */
  async addMember(m: Omit<Membership, 'createdAt'>, db: Kysely<Database> = this.db): Promise<boolean> {
    const result = await db
      .insertInto('memberships')
      .values({
        workspace_id: m.workspaceId,
        user_id: m.userId,
        role: m.role,
        function: m.function,
        approver: m.approver ? 1 : 0,
        created_at: this.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async updateMember(
    workspaceId: string,
    userId: string,
    patch: MemberPatch,
    db: Kysely<Database> = this.db,
  ): Promise<void> {
    const set: Partial<Selectable<MembershipsTable>> = {};
    if (patch.role !== undefined) set.role = patch.role;
    if (patch.function !== undefined) set.function = patch.function;
    if (patch.approver !== undefined) set.approver = patch.approver ? 1 : 0;
    await db
      .updateTable('memberships')
      .set(set)
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
  }

  async removeMember(workspaceId: string, userId: string, db: Kysely<Database> = this.db): Promise<void> {
    await db
      .deleteFrom('memberships')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();
  }

  async countAdmins(workspaceId: string, db: Kysely<Database> = this.db): Promise<number> {
    const row = await db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Gives ICPs written before accounts existed to the first workspace. */
  async adoptOrphanIcps(workspaceId: string, db: Kysely<Database> = this.db): Promise<void> {
    await db
      .updateTable('icps')
      .set({ workspace_id: workspaceId })
      .where('workspace_id', 'is', null)
      .execute();
  }
}
