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
import type { Database } from '../db/schema.js';
import type { InviteRow, InviteStore } from '../db/inviteStore.js';
import type { UserStore } from '../db/userStore.js';
import type { Membership, WorkspaceRow, WorkspaceStore } from '../db/workspaceStore.js';
import { HttpError } from '../errors.js';
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
  ) {}

  async create(
    workspace: WorkspaceRow,
    creator: UserDto,
    input: CreateInvite,
    origin: string,
  ): Promise<CreatedInviteDto> {
    const token = newSecret();
    const row = await this.invites.create({
      workspaceId: workspace.id,
      tokenHash: hashSecret(token),
      role: input.role,
      function: input.function ?? null,
      approver: input.approver ?? false,
      createdBy: creator.id,
      expiresAt: new Date(this.clock.now().getTime() + input.expiresInHours * 3_600_000),
    });
    return { invite: presentInvite(row, creator), token, url: `${origin}/invite/${token}` };
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
      if (added) await this.invites.countUse(invite.id, trx);
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
