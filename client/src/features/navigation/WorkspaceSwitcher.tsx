import { Link } from 'react-router';
import { ROLE_LABELS, type WorkspaceDto } from '@bullseye/shared';
import { Menu } from '../../ui/Menu.js';
import { useMe } from '../identity/useMe.js';

/** The current workspace's name; opens the others and "Create workspace". */
export function WorkspaceSwitcher({ current }: { current: WorkspaceDto | null }) {
  const me = useMe();
  return (
    <Menu
      trigger={
        <>
          <span className="switcher-name">{current?.name ?? 'Workspaces'}</span>
          <span className="chevron" aria-hidden="true">
            ▾
          </span>
        </>
      }
      triggerLabel={current ? `Workspace: ${current.name}. Switch workspace` : 'Switch workspace'}
      triggerClassName="btn btn-ghost switcher"
    >
      <>
        {me.workspaces.length > 0 && (
          <div className="menu-header" role="presentation">
            <span className="muted small">Your workspaces</span>
          </div>
        )}
        {me.workspaces.map((w) => (
          <Link
            key={w.id}
            role="menuitem"
            className="menu-item"
            to={`/w/${w.id}`}
            aria-current={w.id === current?.id ? 'page' : undefined}
          >
            <span className="menu-check" aria-hidden="true">
              {w.id === current?.id ? '✓' : ''}
            </span>
            <span className="grow">{w.name}</span>
            <span className="muted small">{ROLE_LABELS[w.role]}</span>
          </Link>
        ))}
        <div className="menu-separator" role="separator" />
        <Link role="menuitem" className="menu-item" to="/workspaces/new">
          <span className="menu-check" aria-hidden="true">
            +
          </span>
          Create workspace
        </Link>
      </>
    </Menu>
  );
}
