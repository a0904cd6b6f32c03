import { Avatar } from '../../ui/Avatar.js';
import { useAuth } from '../identity/useAuth.js';
import { useMe } from '../identity/useMe.js';
import { presenceUserOf } from '../identity/presenceUser.js';
import { AppHeader } from '../navigation/AppHeader.js';
import { readLastWorkspace } from '../navigation/lastWorkspace.js';
import { ApiTokensCard } from './ApiTokensCard.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { InstallationCard } from './InstallationCard.js';

/** `/account`: who you are, your password, your API tokens, signing out; the owner's settings. */
export function AccountPage() {
  const me = useMe();
  const { signOut } = useAuth();
  const { name, color } = presenceUserOf(me);
  const last = readLastWorkspace();
  const workspace = me.workspaces.find((w) => w.id === last) ?? me.workspaces[0] ?? null;

  return (
    <div className="app-shell">
      <AppHeader workspace={workspace} />
      <main className="page page-narrow">
        <div className="page-head">
          <h1>Account</h1>
        </div>
        <section className="card profile-card" aria-label="Profile">
          <Avatar name={name} color={color} size="lg" label={name} />
          <div className="grow">
            <div className="profile-name">{me.user.name}</div>
            <div className="muted">{me.user.email}</div>
            <div className="muted small">
              {me.workspaces.length === 1
                ? 'Member of 1 workspace'
                : `Member of ${me.workspaces.length} workspaces`}
              {me.isOwner ? ' · Owner of this installation' : ''}
            </div>
          </div>
          <button type="button" className="btn" onClick={() => void signOut()}>
            Sign out
          </button>
        </section>
        <section className="card" aria-labelledby="password-title">
          <h2 id="password-title" className="card-title">
            Password
          </h2>
          <ChangePasswordForm />
        </section>
        <ApiTokensCard />
        {me.isOwner && <InstallationCard />}
      </main>
    </div>
  );
}
