import { Link, Navigate, useSearchParams } from 'react-router';
import type { SignedOutReason } from '../identity/authContext.js';
import { useAuth } from '../identity/useAuth.js';
import { AuthLayout } from './AuthLayout.js';
import { SignInForm } from './SignInForm.js';
import { safeNextPath, withNext } from './nextPath.js';

const NOTICES: Record<SignedOutReason, string | null> = {
  none: null,
  signedOut: 'You are signed out.',
  sessionEnded: 'Your session has ended. Sign in again to continue where you were.',
};

/** `/sign-in[?next=/icp/…]`: back to where the person was going. */
export function SignInPage() {
  const { state, signedIn } = useAuth();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));

  if (state.status === 'signedIn') return <Navigate to={next} replace />;
  if (state.status === 'signedOut' && state.instance.needsSetup) return <Navigate to="/setup" replace />;
  const signupOpen = state.status === 'signedOut' && state.instance.signupOpen;
  const reason: SignedOutReason = state.status === 'signedOut' ? state.reason : 'none';

  return (
    <AuthLayout
      title="Sign in to Bullseye"
      footer={
        signupOpen ? (
          <p>
            New here?{' '}
            <Link className="link" to={withNext('/sign-up', next)}>
              Create an account
            </Link>
          </p>
        ) : (
          <p className="muted">New here? Ask an admin of your workspace for an invite link.</p>
        )
      }
    >
      <SignInForm onSignedIn={signedIn} autoFocus notice={NOTICES[reason]} />
    </AuthLayout>
  );
}
