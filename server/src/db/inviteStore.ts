import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { IcpFunction, Role } from '@bullseye/shared';
import type { Clock } from '../clock.js';
import type { Database, InvitesTable } from './schema.js';

export type InviteRow = Selectable<InvitesTable>;

export interface NewInvite {
  workspaceId: string;
  tokenHash: string;
  role: Role;
  function: IcpFunction | null;
  approver: boolean;
  createdBy: string;
  expiresAt: Date;
}

/** Invite links of workspaces. */
export class InviteStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(invite: NewInvite, db: Kysely<Database> = this.db): Promise<InviteRow> {
    const row: InviteRow = {
      id: randomUUID(),
      workspace_id: invite.workspaceId,
      token_hash: invite.tokenHash,
      role: invite.role,
      function: invite.function,
      approver: invite.approver ? 1 : 0,
      created_by: invite.createdBy,
      created_at: this.clock.now().toISOString(),
      expires_at: invite.expiresAt.toISOString(),
      revoked_at: null,
      uses: 0,
    };
    await db.insertInto('invites').values(row).execute();
    return row;
  }

  /** A link that still works: not revoked, not expired. */
  async findUsable(tokenHash: string): Promise<InviteRow | undefined> {
    return this.db
      .selectFrom('invites')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.clock.now().toISOString())
      .executeTakeFirst();
  }

  async listActive(workspaceId: string): Promise<InviteRow[]> {
    return this.db
      .selectFrom('invites')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.clock.now().toISOString())
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  }

  /** A link of this workspace by id (revoked or expired ones too). */
  async find(
    workspaceId: string,
    id: string,
    db: Kysely<Database> = this.db,
  ): Promise<InviteRow | undefined> {
    return db
      .selectFrom('invites')
      .selectAll()
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
  }

  /** Revokes a link of this workspace; false if there is none with that id. */
  async revoke(workspaceId: string, id: string, db: Kysely<Database> = this.db): Promise<boolean> {
    const result = await db
      .updateTable('invites')
      .set({ revoked_at: this.clock.now().toISOString() })
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async countUse(id: string, db: Kysely<Database> = this.db): Promise<void> {
    await db
      .updateTable('invites')
      .set({ uses: sql<number>`uses + 1` })
      .where('id', '=', id)
      .execute();
  }
}
