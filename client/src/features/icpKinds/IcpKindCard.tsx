import { useId, useState } from 'react';
import { useToast } from '../../ui/Toast.js';
import { useReview } from '../review/reviewContext.js';
import { ChangeKindDialog } from './ChangeKindDialog.js';
import { KIND_FIXED_TEXT, KIND_TEXT, kindIsFixed } from './kindText.js';
import { setPrimary } from './setPrimary.js';

/**
 * In the Review tab, beside the review cadence (the ICP's other setting): what kind of profile
 * this is, whether it is the workspace's primary ICP, and, for editors and admins, changing either.
 */
export function IcpKindCard() {
  const { icp, applyIcp } = useReview();
  const toast = useToast();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const canManage = icp.abilities.manageIcps && icp.archivedAt === null;

  async function togglePrimary() {
    setBusy(true);
    const result = await setPrimary(icp, !icp.primary);
    setBusy(false);
    if (result.ok) applyIcp(result.icp);
    else toast(result.message, { tone: 'error' });
  }

  return (
    <section className="review-card kind-card" aria-labelledby={`${id}-title`} data-testid="icp-kind-card">
      <p id={`${id}-title`} className="review-card-kicker">
        Kind of profile
      </p>
      <p className="kind-card-text">
        <strong>{KIND_TEXT[icp.kind].label}</strong>
        {icp.kind === 'icp' && icp.primary && <span> · the workspace’s primary ICP</span>}
      </p>
      <p className="muted small kind-card-description">{KIND_TEXT[icp.kind].description}</p>
      {canManage && (
        <div className="row kind-card-actions">
          {icp.kind === 'icp' && (
            <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void togglePrimary()}>
              {icp.primary ? 'Remove primary mark' : 'Mark as primary'}
            </button>
          )}
          {!kindIsFixed(icp) && (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirming(true)}>
              {icp.kind === 'icp' ? 'Make it a negative ICP…' : 'Make it an ICP…'}
            </button>
          )}
        </div>
      )}
      {canManage && kindIsFixed(icp) && <p className="muted small">{KIND_FIXED_TEXT}</p>}
      {confirming && <ChangeKindDialog icp={icp} onChanged={applyIcp} onClose={() => setConfirming(false)} />}
    </section>
  );
}
