import type { Kysely } from 'kysely';
import type { MemberDto, UpdateMemberBody } from '@bullseye/shared';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import type { AuditStore } from '../db/auditStore.js';
import type { Database } from '../db/schema.js';
import type { UserStore } from '../db/userStore.js';
import type { Membership, WorkspaceStore } from '../db/workspaceStore.js';
import { conflict, invalidInput, notFound } from '../errors.js';
import { presentMember } from '../presenters/account.js';

/**
 * Changing and removing members. A workspace always keeps at least one admin; open sockets of
 * the member are closed so they reconnect with the access they have now (or none). Each change is
 * audited (`member.updated`, `member.removed`) in its transaction; `actorId` is null when the
 * admin CLI does it.
 */
export class MemberCommands {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly workspaces: WorkspaceStore,
    private readonly users: UserStore,
    private readonly access: CollabEvents,
    private readonly audit: AuditStore,
  ) {}

  async update(
    workspaceId: string,
    userId: string,
    patch: UpdateMemberBody,
    actorId: string | null = null,
  ): Promise<MemberDto> {
    // Read before the transaction: SQLite's one connection is the transaction's until it ends.
    const name = (await this.users.find(userId))?.name ?? null;
    await this.db.transaction().execute(async (trx) => {
      const current = await this.workspaces.membership(workspaceId, userId, trx);
      if (!current) throw notFound('Member');
      if (current.role === 'admin' && patch.role !== undefined && patch.role !== 'admin') {
        await this.keepAnAdmin(workspaceId, trx);
      }
      await this.workspaces.updateMember(workspaceId, userId, withoutViewerApproval(current, patch), trx);
      const after = await this.workspaces.membership(workspaceId, userId, trx);
      if (!after) throw notFound('Member');
      if (
        after.role !== current.role ||
        after.function !== current.function ||
        after.approver !== current.approver
      ) {
        await this.audit.append(
          {
            workspaceId,
            icpId: null,
            kind: 'member.updated',
            actorId,
            data: {
              userId,
              name,
              before: accessOf(current),
              after: accessOf(after),
            },
          },
          trx,
        );
      }
    });
    this.access.memberChanged(workspaceId, userId);
    const [membership, user] = await Promise.all([
      this.workspaces.membership(workspaceId, userId),
      this.users.find(userId),
    ]);
    if (!membership || !user) throw notFound('Member');
    return presentMember(user, membership);
  }

  async remove(workspaceId: string, userId: string, actorId: string | null = null): Promise<void> {
    const name = (await this.users.find(userId))?.name ?? null;
    await this.db.transaction().execute(async (trx) => {
      const current = await this.workspaces.membership(workspaceId, userId, trx);
      if (!current) throw notFound('Member');
      if (current.role === 'admin') await this.keepAnAdmin(workspaceId, trx);
      await this.workspaces.removeMember(workspaceId, userId, trx);
      await this.audit.append(
        {
          workspaceId,
          icpId: null,
          kind: 'member.removed',
          actorId,
          data: { userId, name, ...accessOf(current) },
        },
        trx,
      );
    });
    this.access.memberChanged(workspaceId, userId);
  }

  private async keepAnAdmin(workspaceId: string, trx: Kysely<Database>): Promise<void> {
    if ((await this.workspaces.countAdmins(workspaceId, trx)) <= 1) {
      throw conflict('last_admin', 'A workspace needs at least one admin; make someone else admin first');
    }
  }
}

/** What a membership allows, as the audit log records it. */
function accessOf(m: Membership) {
  return { role: m.role, function: m.function, approver: m.approver };
}

/**
 * Viewers cannot approve: making a viewer an approver is refused (400 naming `approver`), and
 * making an approver a viewer also ends their approving, so the two never meet in one member.
 */
function withoutViewerApproval(current: Membership, patch: UpdateMemberBody): UpdateMemberBody {
  const role = patch.role ?? current.role;
  if (role !== 'viewer') return patch;
  if (patch.approver === true)
    throw invalidInput('approver', 'viewers cannot approve; choose another role first');
  return current.approver || patch.approver !== undefined ? { ...patch, approver: false } : patch;
}
