import { Link, Navigate, useSearchParams } from 'react-router';
import { authApi } from '../../api/authApi.js';
import { useAuth } from '../identity/useAuth.js';
import { AuthLayout } from './AuthLayout.js';
import { NewAccountForm } from './NewAccountForm.js';
import { safeNextPath, withNext } from './nextPath.js';

/** `/sign-up`: open only when the owner allows it; a new account then creates or joins a workspace. */
export function SignUpPage() {
  const { state, signedIn } = useAuth();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));

  if (state.status === 'signedIn') return <Navigate to={next} replace />;
  if (state.status === 'signedOut' && state.instance.needsSetup) return <Navigate to="/setup" replace />;
  const signInLink = (
    <Link className="link" to={withNext('/sign-in', next)}>
      Sign in
    </Link>
  );

  if (state.status === 'signedOut' && !state.instance.signupOpen) {
    return (
      <AuthLayout title="Sign-up is closed" footer={<p>Already have an account? {signInLink}</p>}>
        <p>
          This Bullseye installation is invite-only. Ask an admin of your team’s workspace for an invite link;
          it brings you straight in.
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Create your account"
      intro={<p>Then create a workspace for your team, or join one with an invite link.</p>}
      footer={<p>Already have an account? {signInLink}</p>}
    >
      <NewAccountForm
        submitLabel="Create account"
        busyLabel="Creating account…"
        autoFocus
        onSubmit={async (body) => signedIn(await authApi.signUp(body))}
      />
    </AuthLayout>
  );
}
