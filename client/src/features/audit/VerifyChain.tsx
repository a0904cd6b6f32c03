import { useState } from 'react';
import type { AuditVerifyDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { auditApi } from '../../api/auditApi.js';

/**
 * "Verify chain": asks the server to recompute every entry's hash and link, and shows the answer
 * where nobody can miss it: intact, or the first entry that was altered.
 */
export function VerifyChain({
  workspaceId,
  onResult,
}: {
  workspaceId: string;
  onResult: (result: AuditVerifyDto | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerifyDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      const answer = await auditApi.verify(workspaceId);
      setResult(answer);
      onResult(answer);
    } catch (e) {
      setError(asApiError(e).message);
      onResult(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="verify-chain">
      <button type="button" className="btn" onClick={() => void verify()} disabled={busy}>
        {busy ? 'Verifying…' : result ? 'Verify again' : 'Verify chain'}
      </button>
      {result && (
        <div
          className={`verify-result ${result.ok ? 'verify-ok' : 'verify-broken'}`}
          role="status"
          data-testid="audit-verify-result"
          data-ok={String(result.ok)}
        >
          <span className="verify-icon" aria-hidden="true">
            {result.ok ? '✓' : '!'}
          </span>
          {result.ok ? (
            <span>
              <strong>Chain intact.</strong>{' '}
              {result.checked === 1 ? '1 entry checked' : `${result.checked} entries checked`}; none was
              altered.
            </span>
          ) : (
            <span>
              <strong>Chain broken at entry #{result.firstBroken?.seq ?? '?'}.</strong>{' '}
              {sentence(result.firstBroken?.reason ?? 'An entry does not match its hash')} Entries from there
              on cannot be trusted.
            </span>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          Could not verify the log: {error}
        </p>
      )}
    </div>
  );
}

/** The server's reason as a sentence: capitalised, with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
