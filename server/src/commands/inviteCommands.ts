import type { Kysely } from 'kysely';
import type {
  CreatedInviteDto,
  CreateInvite,
  InviteInfoDto,
  Role,
  IcpFunction,
  UserDto,
} from '@bullseye/shared';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { Clock } from '../clock.js';
import type { AuditStore } from '../db/auditStore.js';
import type { Database } from '../db/schema.js';
import type { InviteRow, InviteStore } from '../db/inviteStore.js';
import type { UserStore } from '../db/userStore.js';
import type { Membership, WorkspaceRow, WorkspaceStore } from '../db/workspaceStore.js';
import { HttpError, notFound } from '../errors.js';
import { presentInvite } from '../presenters/account.js';

const inviteNotFound = () =>
  new HttpError(404, 'invite_not_found', 'This invite link is invalid, revoked or expired');

/** Invite links: made by admins, opened by anyone holding the link until it expires or is revoked. */
export class InviteCommands {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly invites: InviteStore,
    private readonly workspaces: WorkspaceStore,
    private readonly users: UserStore,
    private readonly clock: Clock,
    private readonly audit: AuditStore,
  ) {}

  async create(
    workspace: WorkspaceRow,
    creator: UserDto,
    input: CreateInvite,
    origin: string,
  ): Promise<CreatedInviteDto> {
    const token = newSecret();
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await this.invites.create(
        {
          workspaceId: workspace.id,
          tokenHash: hashSecret(token),
          role: input.role,
          function: input.function ?? null,
          approver: input.approver ?? false,
          createdBy: creator.id,
          expiresAt: new Date(this.clock.now().getTime() + input.expiresInHours * 3_600_000),
        },
        trx,
      );
      await this.record('invite.created', created, creator.id, trx);
      return created;
    });
    return { invite: presentInvite(row, creator), token, url: `${origin}/invite/${token}` };
  }

  /** Revokes a link of the workspace (404 if it has none with that id, or it is revoked already). */
  async revoke(workspaceId: string, inviteId: string, actorId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const invite = await this.invites.find(workspaceId, inviteId, trx);
      if (!invite || !(await this.invites.revoke(workspaceId, inviteId, trx))) throw notFound('Invite');
      await this.record('invite.revoked', invite, actorId, trx);
    });
  }

  /** Audits a link's creation or revocation (never its secret or hash). */
  private async record(
    kind: 'invite.created' | 'invite.revoked',
    invite: InviteRow,
    actorId: string,
    trx: Kysely<Database>,
  ): Promise<void> {
    await this.audit.append(
      {
        workspaceId: invite.workspace_id,
        icpId: null,
        kind,
        actorId,
        data: {
          inviteId: invite.id,
          role: invite.role,
          function: invite.function,
          approver: Boolean(invite.approver),
          expiresAt: invite.expires_at,
          ...(kind === 'invite.revoked' ? { uses: invite.uses } : {}),
        },
      },
      trx,
    );
  }

  async list(workspaceId: string) {
    const rows = await this.invites.listActive(workspaceId);
    const creators = new Map<string, UserDto | undefined>();
    for (const row of rows) {
      if (row.created_by && !creators.has(row.created_by)) {
        creators.set(row.created_by, await this.users.find(row.created_by));
      }
    }
    return rows.map((row) => presentInvite(row, (row.created_by && creators.get(row.created_by)) || null));
  }

  /** What the link offers, for the page a person lands on. */
  async info(token: string): Promise<InviteInfoDto> {
    const invite = await this.usable(token);
    const workspace = await this.workspaces.find(invite.workspace_id);
    if (!workspace) throw inviteNotFound();
    return {
      workspaceName: workspace.name,
      role: invite.role as Role,
      function: invite.function as IcpFunction | null,
      expiresAt: invite.expires_at,
    };
  }

  /**
   * Joins `userId` to the link's workspace with the link's role. Someone who is already a member
   * keeps the membership they have: a link never lowers or raises an existing role.
   */
  async accept(token: string, userId: string): Promise<{ workspace: WorkspaceRow; membership: Membership }> {
    const invite = await this.usable(token);
    const workspace = await this.workspaces.find(invite.workspace_id);
    if (!workspace) throw inviteNotFound();
    // Read before the transaction: SQLite's one connection is the transaction's until it ends.
    const name = (await this.users.find(userId))?.name ?? null;
    await this.db.transaction().execute(async (trx) => {
      const added = await this.workspaces.addMember(
        {
          workspaceId: workspace.id,
          userId,
          role: invite.role as Role,
          function: invite.function as IcpFunction | null,
          approver: Boolean(invite.approver),
        },
        trx,
      );
      if (!added) return;
      await this.invites.countUse(invite.id, trx);
      await this.audit.append(
        {
          workspaceId: workspace.id,
          icpId: null,
          kind: 'member.joined',
          actorId: userId,
          data: {
            userId,
            name,
            role: invite.role,
            function: invite.function,
            approver: Boolean(invite.approver),
            inviteId: invite.id,
            invitedBy: invite.created_by,
          },
        },
        trx,
      );
    });
    const membership = await this.workspaces.membership(workspace.id, userId);
    return { workspace, membership: membership! };
  }

  /** Checks a link before anyone signs up with it. */
  async assertUsable(token: string): Promise<void> {
    await this.usable(token);
  }

  private async usable(token: string): Promise<InviteRow> {
    const invite = await this.invites.findUsable(hashSecret(token));
    if (!invite) throw inviteNotFound();
    return invite;
  }
}
