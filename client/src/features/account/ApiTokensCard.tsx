import { useRef, useState, type FormEvent } from 'react';
import {
  createTokenBodySchema,
  LIMITS,
  type ApiTokenDto,
  type CreatedApiTokenDto,
  type TokenScope,
} from '@bullseye/shared';
import { tokensApi } from '../../api/tokensApi.js';
import { asApiError } from '../../api/apiError.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { formatDateTime } from '../../ui/dateFormat.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { TextField } from '../../ui/TextField.js';
import { useToast } from '../../ui/Toast.js';
import { apiFormErrors, validateForm, type FormErrors } from '../../ui/formErrors.js';
import { CreatedTokenSecret } from './CreatedTokenSecret.js';
import { TOKEN_SCOPE_TEXT, TokenScopeField } from './TokenScopeField.js';
import { useApiTokens } from './useApiTokens.js';

const LABELS = { name: 'Token name' };

/** Personal API tokens for scripts and integrations: list, create (secret shown once), revoke. */
export function ApiTokensCard() {
  const toast = useToast();
  const { tokens, error, reload, add, forget } = useApiTokens();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('full');
  const [errors, setErrors] = useState<FormErrors<'name'>>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiTokenDto | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(createTokenBodySchema, { name }, LABELS);
    if (!checked.ok) {
      setErrors(checked.errors);
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const next = await tokensApi.create(checked.data.name, scope);
      add(next.token);
      setCreated(next);
      setName('');
      setScope('full');
    } catch (e) {
      setErrors(apiFormErrors(asApiError(e), LABELS));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: ApiTokenDto) {
    try {
      await tokensApi.revoke(token.id);
      forget(token.id);
      if (created?.token.id === token.id) setCreated(null);
      toast(`Revoked “${token.name}”. Anything using it is now refused.`);
    } catch (e) {
      toast(asApiError(e).message, { tone: 'error' });
    } finally {
      setRevoking(null);
    }
  }

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="card-title">
        API tokens
      </h2>
      <p className="muted small card-intro">
        For scripts and integrations that read or write ICPs as you. Revoke a token as soon as you stop using
        it.
      </p>

      {created && <CreatedTokenSecret created={created} onDone={() => setCreated(null)} />}

      {error && (
        <p className="field-error" role="alert">
          {error.message}{' '}
          <button type="button" className="btn-link" onClick={() => void reload()}>
            Try again
          </button>
        </p>
      )}
      {!tokens && !error && <p className="muted small">Loading…</p>}
      {tokens && tokens.length === 0 && <p className="muted small">No tokens yet.</p>}
      {tokens && tokens.length > 0 && (
        <ul className="plain-list" aria-label="API tokens" data-testid="api-tokens">
          {tokens.map((token) => (
            <li key={token.id} className="list-row">
              <div className="grow">
                <div className="list-row-title">
                  {token.name} <code className="token-prefix">{token.prefix}…</code>
                  <span className={`badge token-scope-badge token-scope-${token.scope}`}>
                    {TOKEN_SCOPE_TEXT[token.scope].badge}
                  </span>
                </div>
                <div className="muted small">
                  <span title={formatDateTime(token.createdAt)}>Created {relativeTime(token.createdAt)}</span>
                  {' · '}
                  {token.lastUsedAt ? (
                    <span title={formatDateTime(token.lastUsedAt)}>
                      Last used {relativeTime(token.lastUsedAt)}
                    </span>
                  ) : (
                    'Never used'
                  )}
                </div>
              </div>
              <button
                type="button"
                className="btn btn-sm btn-ghost btn-danger-ghost"
                aria-label={`Revoke ${token.name}`}
                onClick={() => setRevoking(token)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}

      <form className="token-form" onSubmit={(e) => void create(e)} noValidate aria-label="New API token">
        <TextField
          ref={input}
          label={LABELS.name}
          value={name}
          error={errors.name ?? errors.form}
          limit={{ max: LIMITS.maxTokenNameLength, action: 'create it' }}
          placeholder="e.g. CRM sync"
          hint="Name it after what will use it."
          onChange={(e) => {
            setName(e.target.value);
            setErrors({});
          }}
        />
        <TokenScopeField value={scope} onChange={setScope} />
        <div className="row end">
          <button type="submit" className="btn" disabled={busy}>
            {busy ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>

      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke token"
          danger
          onConfirm={() => revoke(revoking)}
          onCancel={() => setRevoking(null)}
        >
          <p>Anything still using it is refused from now on. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
