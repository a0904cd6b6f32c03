import { LIMITS } from '@bullseye/shared';
import { PasswordField } from '../../ui/PasswordField.js';
import { TextField } from '../../ui/TextField.js';
import type { FormErrors } from '../../ui/formErrors.js';

export const ACCOUNT_LABELS = { name: 'Your name', email: 'Work email', password: 'Password' };
export type AccountField = keyof typeof ACCOUNT_LABELS;
export type AccountValues = Record<AccountField, string>;
export const EMPTY_ACCOUNT: AccountValues = { name: '', email: '', password: '' };

interface AccountFieldsProps {
  values: AccountValues;
  errors: FormErrors<AccountField>;
  onChange: (values: AccountValues) => void;
  autoFocus?: boolean;
}

/** Name, work email and a new password: the fields of every new account (setup, sign-up, invite). */
export function AccountFields({ values, errors, onChange, autoFocus }: AccountFieldsProps) {
  return (
    <>
      <TextField
        label={ACCOUNT_LABELS.name}
        autoComplete="name"
        value={values.name}
        error={errors.name}
        limit={{ max: LIMITS.maxDisplayNameLength, action: 'continue' }}
        hint="Shown to your team next to your cursor and your comments."
        autoFocus={autoFocus}
        onChange={(e) => onChange({ ...values, name: e.target.value })}
      />
      <TextField
        label={ACCOUNT_LABELS.email}
        type="email"
        autoComplete="email"
        value={values.email}
        error={errors.email}
        onChange={(e) => onChange({ ...values, email: e.target.value })}
      />
      <PasswordField
        label={ACCOUNT_LABELS.password}
        autoComplete="new-password"
        value={values.password}
        error={errors.password}
        limit={{ max: LIMITS.maxPasswordLength, measure: 'exact', action: 'continue' }}
        hint={`At least ${LIMITS.minPasswordLength} characters.`}
        onChange={(e) => onChange({ ...values, password: e.target.value })}
      />
    </>
  );
}
