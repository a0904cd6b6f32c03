import { Navigate, Outlet, useLocation } from 'react-router';
import { withNext } from '../features/auth/nextPath.js';
import { useAuth } from '../features/identity/useAuth.js';

/**
 * Every screen below needs a signed-in person. Without one: the first-run setup if nobody has set up
 * this installation, else sign-in, keeping the address to come back to.
 */
export function RequireSignedIn() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'signedIn') return <Outlet />;
  if (state.status !== 'signedOut') return null;
  if (state.instance.needsSetup) return <Navigate to="/setup" replace />;
  const here = `${location.pathname}${location.search}${location.hash}`;
  const target = state.reason === 'signedOut' ? '/sign-in' : withNext('/sign-in', here);
  return <Navigate to={target} replace />;
}
