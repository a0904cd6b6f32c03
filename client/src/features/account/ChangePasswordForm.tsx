import { useRef, useState, type FormEvent } from 'react';
import { changePasswordBodySchema, LIMITS } from '@bullseye/shared';
import { authApi } from '../../api/authApi.js';
import { asApiError } from '../../api/apiError.js';
import { FormError } from '../../ui/FormError.js';
import { PasswordField } from '../../ui/PasswordField.js';
import { useToast } from '../../ui/Toast.js';
import { apiFormErrors, focusFirstInvalid, validateForm, type FormErrors } from '../../ui/formErrors.js';

const LABELS = { currentPassword: 'Current password', newPassword: 'New password' };
type Field = keyof typeof LABELS;

/** Changes the password; the server signs out this person's other sessions. */
export function ChangePasswordForm() {
  const toast = useToast();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(changePasswordBodySchema, values, LABELS);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      await authApi.changePassword(checked.data);
      setValues({ currentPassword: '', newPassword: '' });
      toast('Password changed. Your other sessions were signed out.');
    } catch (e) {
      const error = asApiError(e);
      setErrors(
        error.code === 'wrong_password'
          ? { currentPassword: 'This is not your current password.' }
          : error.status === 429
            ? { form: 'Too many attempts. Wait a minute, then try again.' }
            : apiFormErrors(error, LABELS),
      );
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  }

  const set = (field: Field) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setErrors({});
  };

  return (
    <form
      ref={form}
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Change password"
    >
      <FormError message={errors.form} />
      <PasswordField
        label={LABELS.currentPassword}
        autoComplete="current-password"
        value={values.currentPassword}
        error={errors.currentPassword}
        onChange={set('currentPassword')}
      />
      <PasswordField
        label={LABELS.newPassword}
        autoComplete="new-password"
        value={values.newPassword}
        error={errors.newPassword}
        limit={{ max: LIMITS.maxPasswordLength, measure: 'exact', action: 'save' }}
        hint={`At least ${LIMITS.minPasswordLength} characters. Your other sessions will be signed out.`}
        onChange={set('newPassword')}
      />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
