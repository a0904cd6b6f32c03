import { useNavigate } from 'react-router';
import { AppHeader } from '../navigation/AppHeader.js';
import { useMe } from '../identity/useMe.js';
import { CreateWorkspaceForm } from './CreateWorkspaceForm.js';

/** `/workspaces/new`, and "/" for someone who belongs to no workspace yet. */
export function CreateWorkspacePage() {
  const me = useMe();
  const navigate = useNavigate();
  const first = me.workspaces.length === 0;
  return (
    <div className="app-shell">
      <AppHeader workspace={null} />
      <main className="page page-narrow">
        <div className="card">
          <h1 className="card-title">{first ? 'Create your workspace' : 'Create a workspace'}</h1>
          <p className="muted">
            A workspace holds your team’s ICPs and the people who write them. You will be its admin and can
            invite the others with a link.
          </p>
          <CreateWorkspaceForm onCancel={first ? undefined : () => void navigate(-1)} />
        </div>
        {first && (
          <p className="muted small center">
            Expected to join your team’s workspace instead? Open the invite link an admin sent you.
          </p>
        )}
      </main>
    </div>
  );
}
