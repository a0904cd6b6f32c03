import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { IcpDto } from '@bullseye/shared';
import { Logo } from '../../ui/Logo.js';
import { useMe } from '../identity/useMe.js';
import { InboxLink } from '../inbox/InboxLink.js';
import { UserMenu } from '../navigation/UserMenu.js';
import { editorPath } from './versionPaths.js';

/** The top bar of the version and compare screens: where they belong (workspace, ICP) and the way back. */
export function VersionsTopbar({ icp, children }: { icp: IcpDto | null; children?: ReactNode }) {
  const me = useMe();
  const workspace = icp ? me.workspaces.find((w) => w.id === icp.workspaceId) : undefined;
  return (
    <header className="topbar">
      <Logo />
      {icp && (
        <nav className="crumbs" aria-label="Breadcrumb">
          {workspace && <span className="crumb-workspace">{workspace.name}</span>}
          <Link to={`/w/${icp.workspaceId}`} className="link">
            All ICPs
          </Link>
          <span aria-hidden="true">/</span>
          <Link to={editorPath(icp.id)} className="link crumb-icp">
            {icp.title}
          </Link>
          {children && <span aria-hidden="true">/</span>}
          {children}
        </nav>
      )}
      <div className="topbar-right">
        <InboxLink />
        <UserMenu />
      </div>
    </header>
  );
}
