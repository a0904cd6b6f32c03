import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ROLE_DESCRIPTIONS, type InviteInfoDto, type SignUpBody } from '@bullseye/shared';
import { invitesApi } from '../../api/invitesApi.js';
import { asApiError } from '../../api/apiError.js';
import { formatDateTime } from '../../ui/dateFormat.js';
import { FormError } from '../../ui/FormError.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { useToast } from '../../ui/Toast.js';
import { AuthLayout } from '../auth/AuthLayout.js';
import { NewAccountForm } from '../auth/NewAccountForm.js';
import { SignInForm } from '../auth/SignInForm.js';
import { useAuth } from '../identity/useAuth.js';
import { roleAndFunction } from './inviteSummary.js';
import { useInviteInfo } from './useInviteInfo.js';

/**
 * `/invite/:token`: what the link offers, then one step in. Signed in: one button. Not signed in:
 * name, email, password and join; or, for an existing account, sign in and join.
 */
export function InvitePage() {
  const { token = '' } = useParams();
  const invite = useInviteInfo(token);
  const { state } = useAuth();

  if (invite.status === 'loading' || state.status === 'loading') {
    return (
      <AuthLayout title="Opening your invite…">
        <p className="muted">One moment.</p>
      </AuthLayout>
    );
  }
  if (invite.status === 'failed')
    return <InviteUnavailable status={invite.error.status} message={invite.error.message} />;
  return <InviteReady token={token} info={invite.info} />;
}

function InviteReady({ token, info }: { token: string; info: InviteInfoDto }) {
  const { state, refresh, signedIn, signOut } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [knownEmail, setKnownEmail] = useState<string | null>(null);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const offer = roleAndFunction(info.role, info.function);

  /** Joins (creating the account first if `account` is given), then opens the workspace. */
  async function join(account?: SignUpBody) {
    const workspace = await invitesApi.accept(token, account);
    await refresh();
    // The answer carries the membership actually held: someone already in keeps their role.
    toast(`You are in ${workspace.name} as ${roleAndFunction(workspace.role, workspace.function)}.`);
    void navigate(`/w/${workspace.id}`, { replace: true });
  }

  async function joinSignedIn() {
    setBusy(true);
    setJoinError(null);
    try {
      await join();
    } catch (e) {
      setJoinError(asApiError(e).message);
      setBusy(false);
    }
  }

  const intro = (
    <>
      <p>
        You are invited to join <strong className="ink">{info.workspaceName}</strong> as{' '}
        <strong className="ink">{offer}</strong>. {ROLE_DESCRIPTIONS[info.role]}.
      </p>
      <p className="small" title={formatDateTime(info.expiresAt)}>
        This link expires {relativeTime(info.expiresAt)}.
      </p>
    </>
  );

  if (state.status === 'signedIn') {
    return (
      <AuthLayout title={`Join ${info.workspaceName}`} intro={intro}>
        <FormError message={joinError} />
        <p className="signed-in-as">
          Signed in as <strong>{state.me.user.name}</strong>{' '}
          <span className="muted">({state.me.user.email})</span>
        </p>
        <button
          type="button"
          className="btn btn-primary btn-block"
          disabled={busy}
          autoFocus
          onClick={() => void joinSignedIn()}
        >
          {busy ? 'Joining…' : 'Join workspace'}
        </button>
        <p className="small muted center">
          Not you?{' '}
          <button type="button" className="btn-link" onClick={() => void signOut()}>
            Sign out
          </button>{' '}
          and join with your own account.
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={`Join ${info.workspaceName}`} intro={intro}>
      <div className="segmented" role="tablist" aria-label="How to join">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'new'}
          aria-controls="join-panel"
          className={mode === 'new' ? 'segment segment-active' : 'segment'}
          onClick={() => setMode('new')}
        >
          New to Bullseye
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'existing'}
          aria-controls="join-panel"
          className={mode === 'existing' ? 'segment segment-active' : 'segment'}
          onClick={() => setMode('existing')}
        >
          I have an account
        </button>
      </div>
      <div id="join-panel" role="tabpanel">
        <FormError message={joinError} />
        {mode === 'new' ? (
          <NewAccountForm
            submitLabel={`Join ${info.workspaceName}`}
            busyLabel="Joining…"
            autoFocus
            onSubmit={(account) => join(account)}
            onEmailTaken={(email) => {
              setKnownEmail(email);
              setMode('existing');
            }}
          />
        ) : (
          <>
            {knownEmail && (
              <div className="notice" role="status">
                {knownEmail} already has an account. Sign in to join with it.
              </div>
            )}
            <SignInForm
              key={knownEmail ?? ''}
              initialEmail={knownEmail ?? ''}
              submitLabel="Sign in and join"
              autoFocus
              onSignedIn={async (me) => {
                try {
                  await join();
                } catch (e) {
                  // Signed in, but the invite could not be used: show it on the signed-in view.
                  setJoinError(asApiError(e).message);
                  signedIn(me);
                }
              }}
            />
          </>
        )}
      </div>
    </AuthLayout>
  );
}

function InviteUnavailable({ status, message }: { status: number; message: string }) {
  const { state } = useAuth();
  const gone = status === 404;
  return (
    <AuthLayout
      title={gone ? 'This invite link no longer works' : 'Could not open this invite'}
      footer={
        state.status === 'signedIn' ? (
          <Link className="link" to="/">
            Go to your workspaces
          </Link>
        ) : (
          <p>
            Already a member?{' '}
            <Link className="link" to="/sign-in">
              Sign in
            </Link>
          </p>
        )
      }
    >
      <p>
        {gone
          ? 'It may have expired or been revoked, or the address was not copied in full. Ask whoever sent it for a new link.'
          : message}
      </p>
    </AuthLayout>
  );
}
