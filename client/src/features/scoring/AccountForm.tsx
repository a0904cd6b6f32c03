import { useId } from 'react';
import { CURRENCIES } from '@bullseye/shared';
import type { AccountDraft, AccountReading } from './accountDraft.js';

interface AccountFormProps {
  draft: AccountDraft;
  onChange: (draft: AccountDraft) => void;
  problems: AccountReading['problems'];
  /** The ICP's revenue currency: an account's revenue in it is compared, in any other not. */
  icpCurrency: string;
}

type TextField = Exclude<keyof AccountDraft, 'picked' | 'currency'>;

const FIELDS: { field: TextField; label: string; placeholder: string; wide?: boolean }[] = [
  { field: 'industry', label: 'Industry', placeholder: 'e.g. Fintech' },
  { field: 'country', label: 'Country', placeholder: 'e.g. Germany or DE' },
  { field: 'region', label: 'Region', placeholder: 'e.g. EMEA' },
  { field: 'employees', label: 'Employees', placeholder: 'e.g. 250' },
  { field: 'revenue', label: 'Annual revenue', placeholder: 'e.g. 12M', wide: true },
  {
    field: 'technologies',
    label: 'Technologies',
    placeholder: 'Comma-separated, e.g. Salesforce, Slack',
    wide: true,
  },
];

/** What is known of the account being tried; every field may stay empty (unknown). */
export function AccountForm({ draft, onChange, problems, icpCurrency }: AccountFormProps) {
  const id = useId();
  const set = (patch: Partial<AccountDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="account-form">
      {FIELDS.map(({ field, label, placeholder, wide }) => {
        const problem = field === 'employees' || field === 'revenue' ? problems[field] : undefined;
        const inputId = `${id}-${field}`;
        return (
          <div key={field} className={`account-field ${wide ? 'account-field-wide' : ''}`}>
            <label htmlFor={inputId} className="field-label">
              {label}
            </label>
            <div className="row">
              <input
                id={inputId}
                className="input input-sm grow"
                placeholder={placeholder}
                inputMode={field === 'employees' || field === 'revenue' ? 'decimal' : undefined}
                value={draft[field]}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${inputId}-problem` : undefined}
                onChange={(e) => set({ [field]: e.target.value })}
              />
              {field === 'revenue' && (
                <select
                  className="input input-sm account-currency"
                  aria-label="Revenue currency"
                  value={draft.currency.toUpperCase() || icpCurrency}
                  onChange={(e) => set({ currency: e.target.value })}
                >
                  {/* An account from a dataset may be in a currency the ICP does not offer. */}
                  {[...new Set([...CURRENCIES, draft.currency.toUpperCase() || icpCurrency])].map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </select>
              )}
            </div>
            {problem && (
              <p id={`${inputId}-problem`} className="field-error" role="alert">
                {problem}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
