import { useId } from 'react';
import { TOKEN_SCOPES, type TokenScope } from '@bullseye/shared';

/** What each scope is called and what it allows, as the token form and the list say it. */
export const TOKEN_SCOPE_TEXT: Record<TokenScope, { label: string; badge: string; description: string }> = {
  full: {
    label: 'Full access',
    badge: 'Full access',
    description: 'Reads and changes everything you can, in every workspace: for your own scripts.',
  },
  scoring: {
    label: 'Scoring only (read-only)',
    badge: 'Scoring only',
    description:
      'Can only score accounts and read scoring models, and changes nothing: for a CRM or enrichment integration.',
  },
};

/** The choice of what a new token may do. */
export function TokenScopeField({
  value,
  onChange,
}: {
  value: TokenScope;
  onChange: (scope: TokenScope) => void;
}) {
  const id = useId();
  return (
    <fieldset className="token-scope">
      <legend className="field-label">Access</legend>
      {TOKEN_SCOPES.map((scope) => (
        <div key={scope} className="token-scope-option">
          <input
            type="radio"
            id={`${id}-${scope}`}
            name={`${id}-scope`}
            value={scope}
            checked={value === scope}
            aria-describedby={`${id}-${scope}-hint`}
            onChange={() => onChange(scope)}
          />
          <div>
            <label htmlFor={`${id}-${scope}`}>{TOKEN_SCOPE_TEXT[scope].label}</label>
            <p id={`${id}-${scope}-hint`} className="muted small">
              {TOKEN_SCOPE_TEXT[scope].description}
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
