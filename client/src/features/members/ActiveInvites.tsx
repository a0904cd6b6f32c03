import { useState } from 'react';
import type { InviteDto } from '@bullseye/shared';
import { invitesApi } from '../../api/invitesApi.js';
import { asApiError } from '../../api/apiError.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { formatDateTime } from '../../ui/dateFormat.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { useToast } from '../../ui/Toast.js';
import { roleAndFunction } from '../invites/inviteSummary.js';
import type { Invites } from './useInvites.js';

/** The invite links that still work: what they grant, until when, how often used; revoke any. */
export function ActiveInvites({ workspaceId, invites }: { workspaceId: string; invites: Invites }) {
  const toast = useToast();
  const [revoking, setRevoking] = useState<InviteDto | null>(null);

  async function revoke(invite: InviteDto) {
    try {
      await invitesApi.revoke(workspaceId, invite.id);
      invites.forget(invite.id);
      toast('Invite link revoked. It no longer works.');
    } catch (e) {
      toast(asApiError(e).message, { tone: 'error' });
    } finally {
      setRevoking(null);
    }
  }

  if (invites.error) {
    return (
      <p className="field-error" role="alert">
        {invites.error.message}{' '}
        <button type="button" className="btn-link" onClick={() => void invites.reload()}>
          Try again
        </button>
      </p>
    );
  }
  if (!invites.invites) return <p className="muted small">Loading invite links…</p>;
  if (invites.invites.length === 0) return <p className="muted small">No active invite links.</p>;

  return (
    <>
      <ul className="plain-list" aria-label="Active invite links" data-testid="active-invites">
        {invites.invites.map((invite) => (
          <li key={invite.id} className="list-row" data-testid="invite-row">
            <div className="grow">
              <div className="list-row-title">
                {roleAndFunction(invite.role, invite.function)}
                {invite.approver && <span className="badge badge-accent">Approver</span>}
              </div>
              <div className="muted small">
                <span title={formatDateTime(invite.expiresAt)}>Expires {relativeTime(invite.expiresAt)}</span>
                {' · '}
                {invite.uses === 0
                  ? 'Not used yet'
                  : invite.uses === 1
                    ? 'Used once'
                    : `Used ${invite.uses} times`}
                {' · '}
                <span title={formatDateTime(invite.createdAt)}>
                  Created {relativeTime(invite.createdAt)}
                  {invite.createdBy ? ` by ${invite.createdBy.name}` : ''}
                </span>
              </div>
            </div>
            <button
              type="button"
              className="btn btn-sm btn-ghost btn-danger-ghost"
              onClick={() => setRevoking(invite)}
              aria-label={`Revoke ${roleAndFunction(invite.role, invite.function)} link expiring ${relativeTime(invite.expiresAt)}`}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      {revoking && (
        <ConfirmDialog
          title="Revoke this invite link?"
          confirmLabel="Revoke link"
          danger
          onConfirm={() => revoke(revoking)}
          onCancel={() => setRevoking(null)}
        >
          <p>Nobody else can join with it. People who already joined through it stay members.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
