import { Link } from 'react-router';
import { Avatar } from '../../ui/Avatar.js';
import { Menu } from '../../ui/Menu.js';
import { useAuth } from '../identity/useAuth.js';
import { useMe } from '../identity/useMe.js';
import { presenceUserOf } from '../identity/presenceUser.js';

/** The signed-in person's avatar, opening their account and signing out. */
export function UserMenu() {
  const me = useMe();
  const { signOut } = useAuth();
  const { name, color } = presenceUserOf(me);

  return (
    <Menu
      trigger={<Avatar name={name} color={color} label={name} />}
      triggerLabel={`Account menu for ${name}`}
      triggerClassName="avatar-btn"
      align="end"
    >
      <>
        <div className="menu-header" role="presentation">
          <strong>{me.user.name}</strong>
          <span className="muted small">{me.user.email}</span>
        </div>
        <Link role="menuitem" className="menu-item" to="/account">
          Account
        </Link>
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          // Signed out, every screen behind sign-in sends the person to the sign-in page.
          onClick={() => void signOut()}
        >
          Sign out
        </button>
      </>
    </Menu>
  );
}
