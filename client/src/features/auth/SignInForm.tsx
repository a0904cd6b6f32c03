import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { signInBodySchema, type MeDto } from '@bullseye/shared';
import { authApi } from '../../api/authApi.js';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { FormError } from '../../ui/FormError.js';
import { PasswordField } from '../../ui/PasswordField.js';
import { TextField } from '../../ui/TextField.js';
import { apiFormErrors, focusFirstInvalid, validateForm, type FormErrors } from '../../ui/formErrors.js';

const LABELS = { email: 'Email', password: 'Password' };
type Field = keyof typeof LABELS;

interface SignInFormProps {
  initialEmail?: string;
  submitLabel?: string;
  /** The server accepted the credentials; the session cookie is set. */
  onSignedIn: (me: MeDto) => void | Promise<void>;
  autoFocus?: boolean;
  /** Shown above the fields until an error takes its place, e.g. "Your session has ended". */
  notice?: ReactNode;
}

/** Email and password; says plainly when they are wrong or when to wait. */
export function SignInForm({
  initialEmail = '',
  submitLabel = 'Sign in',
  onSignedIn,
  autoFocus,
  notice,
}: SignInFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(signInBodySchema, { email, password }, LABELS);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      const me = await authApi.signIn(checked.data);
      await onSignedIn(me);
    } catch (e) {
      setErrors(signInErrors(asApiError(e)));
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError message={errors.form} />
      {notice && !errors.form && (
        <div className="notice" role="status">
          {notice}
        </div>
      )}
      <TextField
        label={LABELS.email}
        type="email"
        autoComplete="username"
        value={email}
        error={errors.email}
        autoFocus={autoFocus && !initialEmail}
        onChange={(e) => {
          setEmail(e.target.value);
          setErrors({});
        }}
      />
      <PasswordField
        label={LABELS.password}
        autoComplete="current-password"
        value={password}
        error={errors.password}
        autoFocus={autoFocus && Boolean(initialEmail)}
        onChange={(e) => {
          setPassword(e.target.value);
          setErrors({});
        }}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? 'Signing in…' : submitLabel}
      </button>
    </form>
  );
}

function signInErrors(error: ApiError): FormErrors<Field> {
  if (error.status === 401) return { form: 'Wrong email or password.' };
  if (error.status === 429) return { form: 'Too many attempts. Wait a minute, then try again.' };
  return apiFormErrors(error, LABELS);
}
