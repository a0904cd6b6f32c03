import { useEffect, useState } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { LoadingScreen } from '../../ui/LoadingScreen.js';
import { useAuth } from '../identity/useAuth.js';
import { useMe } from '../identity/useMe.js';
import { AppHeader } from '../navigation/AppHeader.js';
import { rememberWorkspace } from '../navigation/lastWorkspace.js';

/**
 * `/w/:workspaceId/*`: finds the person's membership in the workspace and hands it to the screens
 * below. An unknown id is checked against the server once (the person may have just joined).
 */
export function WorkspaceRoute() {
  const { workspaceId = '' } = useParams();
  const me = useMe();
  const { refresh } = useAuth();
  const workspace = me.workspaces.find((w) => w.id === workspaceId) ?? null;
  const [checked, setChecked] = useState<string | null>(null);

  useEffect(() => {
    if (workspace) {
      rememberWorkspace(workspace.id);
      return;
    }
    let cancelled = false;
    void refresh().then(() => !cancelled && setChecked(workspaceId));
    return () => {
      cancelled = true;
    };
  }, [workspace, workspaceId, refresh]);

  if (workspace) return <Outlet context={workspace} />;
  if (checked !== workspaceId) return <LoadingScreen />;
  return (
    <div className="app-shell">
      <AppHeader workspace={null} />
      <main className="page page-narrow">
        <div className="card empty">
          <h1>Workspace not found</h1>
          <p className="muted">
            You are not a member of this workspace, or it does not exist. If someone sent you this address,
            ask them for an invite link.
          </p>
          <Link to="/" className="btn btn-primary">
            Go to your workspaces
          </Link>
        </div>
      </main>
    </div>
  );
}
