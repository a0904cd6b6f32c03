import { useRef, useState, type FormEvent } from 'react';
import { signUpBodySchema, type SignUpBody } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { FormError } from '../../ui/FormError.js';
import { apiFormErrors, focusFirstInvalid, validateForm, type FormErrors } from '../../ui/formErrors.js';
import {
  ACCOUNT_LABELS,
  AccountFields,
  EMPTY_ACCOUNT,
  type AccountField,
  type AccountValues,
} from './AccountFields.js';

interface NewAccountFormProps {
  submitLabel: string;
  busyLabel: string;
  /** Creates the account; throws the server's ApiError if it refuses. */
  onSubmit: (body: SignUpBody) => Promise<void>;
  /** The email already has an account: offer to sign in instead of showing an error. */
  onEmailTaken?: (email: string) => void;
  autoFocus?: boolean;
}

/** Creates an account from name, work email and password, checked with the server's schema. */
export function NewAccountForm({
  submitLabel,
  busyLabel,
  onSubmit,
  onEmailTaken,
  autoFocus,
}: NewAccountFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<AccountValues>(EMPTY_ACCOUNT);
  const [errors, setErrors] = useState<FormErrors<AccountField>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(signUpBodySchema, values, ACCOUNT_LABELS);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(checked.data);
    } catch (e) {
      const error = asApiError(e);
      if (error.code === 'email_taken' && onEmailTaken) {
        onEmailTaken(checked.data.email);
      } else {
        setErrors(
          error.code === 'email_taken'
            ? { email: 'This email already has an account. Sign in instead.' }
            : apiFormErrors(error, ACCOUNT_LABELS),
        );
        focusFirstInvalid(form.current);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError message={errors.form} />
      <AccountFields
        values={values}
        errors={errors}
        autoFocus={autoFocus}
        onChange={(next) => {
          setValues(next);
          setErrors({});
        }}
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
