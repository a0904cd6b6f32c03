import { Navigate } from 'react-router';
import { useMe } from '../identity/useMe.js';
import { readLastWorkspace } from '../navigation/lastWorkspace.js';
import { CreateWorkspacePage } from './CreateWorkspacePage.js';

/** `/`: the workspace this browser had open last, else the first; or creating one when there is none. */
export function HomeRedirect() {
  const me = useMe();
  if (me.workspaces.length === 0) return <CreateWorkspacePage />;
  const last = readLastWorkspace();
  const target = me.workspaces.find((w) => w.id === last) ?? me.workspaces[0]!;
  return <Navigate to={`/w/${target.id}`} replace />;
}
