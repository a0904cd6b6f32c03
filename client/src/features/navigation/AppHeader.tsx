import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { WorkspaceDto } from '@bullseye/shared';
import { Logo } from '../../ui/Logo.js';
import { InboxLink } from '../inbox/InboxLink.js';
import { useMe } from '../identity/useMe.js';
import { UserMenu } from './UserMenu.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';

/**
 * The top bar of every signed-in screen except the editor: the mark, the workspace switcher, the
 * workspace's sections, the inbox, and the person's menu.
 */
export function AppHeader({ workspace, children }: { workspace: WorkspaceDto | null; children?: ReactNode }) {
  const hasWorkspaces = useMe().workspaces.length > 0;
  return (
    <header className="topbar">
      <Logo />
      {hasWorkspaces && (
        <>
          <span className="topbar-divider" aria-hidden="true" />
          <WorkspaceSwitcher current={workspace} />
        </>
      )}
      {workspace && (
        <nav className="topnav" aria-label="Workspace">
          <NavLink to={`/w/${workspace.id}`} end className="topnav-link">
            ICPs
          </NavLink>
          <NavLink to={`/w/${workspace.id}/data`} className="topnav-link">
            Customer data
          </NavLink>
          <NavLink to={`/w/${workspace.id}/members`} className="topnav-link">
            Members
          </NavLink>
          <NavLink to={`/w/${workspace.id}/audit`} className="topnav-link">
            Audit log
          </NavLink>
        </nav>
      )}
      <div className="topbar-right">
        {children}
        <InboxLink />
        <UserMenu />
      </div>
    </header>
  );
}
