import type { Kysely } from 'kysely';
import type { MeDto, SetupBody, SignUpBody, UserDto } from '@bullseye/shared';
import type { AuthService, SetCookies } from '../auth/authService.js';
import type { Database } from '../db/schema.js';
import type { SettingsStore } from '../db/settingsStore.js';
import type { UserStore } from '../db/userStore.js';
import type { WorkspaceStore } from '../db/workspaceStore.js';
import { conflict, HttpError } from '../errors.js';
import { presentMe } from '../presenters/account.js';

/** Creating accounts (first run, open sign-up) and describing the signed-in person. */
export class AccountCommands {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly auth: AuthService,
    private readonly users: UserStore,
    private readonly workspaces: WorkspaceStore,
    private readonly settings: SettingsStore,
  ) {}

  async needsSetup(): Promise<boolean> {
    return (await this.settings.ownerId()) === undefined;
  }

  /**
   * First run: the owner account and the first workspace, which adopts any ICP written before
   * accounts existed. Only the first caller succeeds; a concurrent second one gets 409.
   */
  async setup(body: SetupBody): Promise<{ me: MeDto; cookies: SetCookies }> {
    if (!(await this.needsSetup())) throw alreadySetUp();
    const { user, cookies } = await this.auth.signUp(body);
    if (!(await this.settings.claimOwner(user.id))) {
      await this.db.deleteFrom('users').where('id', '=', user.id).execute();
      throw alreadySetUp();
    }
    await this.createWorkspaceFor(user.id, body.workspaceName, true);
    return { me: await this.me(user), cookies };
  }

  /** Sign-up while the owner has opened it; the new person then creates or is invited to a workspace. */
  async signUp(body: SignUpBody): Promise<{ me: MeDto; cookies: SetCookies }> {
    if (!(await this.settings.signupOpen())) {
      throw new HttpError(403, 'signup_closed', 'Sign-up is by invitation; ask an admin for an invite link');
    }
    const { user, cookies } = await this.auth.signUp(body);
    return { me: await this.me(user), cookies };
  }

  /** A new workspace with `userId` as its admin (and, on first run, home of orphan ICPs). */
  async createWorkspaceFor(userId: string, name: string, adoptOrphans = false) {
    return this.db.transaction().execute(async (trx) => {
      const workspace = await this.workspaces.create(name, trx);
      const membership = {
        workspaceId: workspace.id,
        userId,
        role: 'admin' as const,
        function: null,
        approver: false,
      };
      await this.workspaces.addMember(membership, trx);
      if (adoptOrphans) await this.workspaces.adoptOrphanIcps(workspace.id, trx);
      return { workspace, membership: { ...membership, createdAt: workspace.created_at } };
    });
  }

  async me(user: UserDto): Promise<MeDto> {
    const [ownerId, workspaces, stored] = await Promise.all([
      this.settings.ownerId(),
      this.workspaces.listForUser(user.id),
      this.users.find(user.id),
    ]);
    return presentMe(stored ?? user, ownerId === user.id, workspaces);
  }
}

const alreadySetUp = () => conflict('already_set_up', 'Bullseye is already set up; sign in instead');
