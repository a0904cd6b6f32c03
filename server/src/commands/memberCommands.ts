import type { Kysely } from 'kysely';
import type { MemberDto, UpdateMemberBody } from '@bullseye/shared';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import type { Database } from '../db/schema.js';
import type { UserStore } from '../db/userStore.js';
import type { WorkspaceStore } from '../db/workspaceStore.js';
import { conflict, notFound } from '../errors.js';
import { presentMember } from '../presenters/account.js';

/**
 * Changing and removing members. A workspace always keeps at least one admin; open sockets of
 * the member are closed so they reconnect with the access they have now (or none).
 */
export class MemberCommands {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly workspaces: WorkspaceStore,
    private readonly users: UserStore,
    private readonly access: CollabEvents,
  ) {}

  async update(workspaceId: string, userId: string, patch: UpdateMemberBody): Promise<MemberDto> {
    await this.db.transaction().execute(async (trx) => {
      const current = await this.workspaces.membership(workspaceId, userId, trx);
      if (!current) throw notFound('Member');
      if (current.role === 'admin' && patch.role !== undefined && patch.role !== 'admin') {
        await this.keepAnAdmin(workspaceId, trx);
      }
      await this.workspaces.updateMember(workspaceId, userId, patch, trx);
    });
    this.access.memberChanged(workspaceId, userId);
    const [membership, user] = await Promise.all([
      this.workspaces.membership(workspaceId, userId),
      this.users.find(userId),
    ]);
    if (!membership || !user) throw notFound('Member');
    return presentMember(user, membership);
  }

  async remove(workspaceId: string, userId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const current = await this.workspaces.membership(workspaceId, userId, trx);
      if (!current) throw notFound('Member');
      if (current.role === 'admin') await this.keepAnAdmin(workspaceId, trx);
      await this.workspaces.removeMember(workspaceId, userId, trx);
    });
    this.access.memberChanged(workspaceId, userId);
  }

  private async keepAnAdmin(workspaceId: string, trx: Kysely<Database>): Promise<void> {
    if ((await this.workspaces.countAdmins(workspaceId, trx)) <= 1) {
      throw conflict('last_admin', 'A workspace needs at least one admin; make someone else admin first');
    }
  }
}
