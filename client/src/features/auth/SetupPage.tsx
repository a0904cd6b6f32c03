import { useRef, useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import { LIMITS, setupBodySchema } from '@bullseye/shared';
import { authApi } from '../../api/authApi.js';
import { asApiError } from '../../api/apiError.js';
import { FormError } from '../../ui/FormError.js';
import { TextField } from '../../ui/TextField.js';
import { useToast } from '../../ui/Toast.js';
import { apiFormErrors, focusFirstInvalid, validateForm, type FormErrors } from '../../ui/formErrors.js';
import { useAuth } from '../identity/useAuth.js';
import { ACCOUNT_LABELS, AccountFields, EMPTY_ACCOUNT, type AccountValues } from './AccountFields.js';
import { AuthLayout } from './AuthLayout.js';

const LABELS = { ...ACCOUNT_LABELS, workspaceName: 'Workspace name' };
type Field = keyof typeof LABELS;

/** `/setup`: the first run. Creates the owner's account and the first workspace, then opens it. */
export function SetupPage() {
  const { state, signedIn, refresh } = useAuth();
  const toast = useToast();
  const form = useRef<HTMLFormElement>(null);
  const [account, setAccount] = useState<AccountValues>(EMPTY_ACCOUNT);
  const [workspaceName, setWorkspaceName] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [busy, setBusy] = useState(false);

  if (state.status === 'signedIn') return <Navigate to="/" replace />;
  if (state.status === 'signedOut' && !state.instance.needsSetup) return <Navigate to="/sign-in" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(setupBodySchema, { ...account, workspaceName }, LABELS);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      const me = await authApi.setup(checked.data);
      toast(`Welcome to Bullseye. Invite your team from Members when you are ready.`);
      signedIn(me);
    } catch (e) {
      const error = asApiError(e);
      setBusy(false);
      if (error.code === 'already_set_up') {
        toast('Bullseye is already set up here. Sign in instead.', { tone: 'error' });
        await refresh();
        return;
      }
      setErrors(apiFormErrors(error, LABELS));
      focusFirstInvalid(form.current);
    }
  }

  return (
    <AuthLayout
      title="Set up Bullseye"
      intro={
        <p>
          Create your account and your team’s first workspace. You will own this installation, and can invite
          sales, marketing, product and customer success next.
        </p>
      }
    >
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError message={errors.form} />
        <AccountFields
          values={account}
          errors={errors}
          autoFocus
          onChange={(next) => {
            setAccount(next);
            setErrors({});
          }}
        />
        <TextField
          label={LABELS.workspaceName}
          value={workspaceName}
          error={errors.workspaceName}
          limit={{ max: LIMITS.maxWorkspaceNameLength, action: 'continue' }}
          autoComplete="organization"
          hint="Usually your company or team, e.g. “Acme” or “Acme EMEA”."
          onChange={(e) => {
            setWorkspaceName(e.target.value);
            setErrors({});
          }}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Setting up…' : 'Create account and workspace'}
        </button>
      </form>
    </AuthLayout>
  );
}
