import type { CreatedInviteDto } from '@bullseye/shared';
import { CopyField } from '../../ui/CopyField.js';
import { formatDateTime } from '../../ui/dateFormat.js';
import { roleAndFunction } from '../invites/inviteSummary.js';

/** A new invite link, shown this once with a Copy button; afterwards only its details are listed. */
export function CreatedInviteLink({
  created,
  workspaceName,
  onDone,
}: {
  created: CreatedInviteDto;
  workspaceName: string;
  onDone: () => void;
}) {
  const { invite } = created;
  // The server builds `url` from its configuration only (PUBLIC_URL, else localhost); the admin's own
  // page knows the address people actually use to reach this server, so the link is shown on it.
  const link = `${window.location.origin}/invite/${created.token}`;
  return (
    <div className="secret-box" role="region" aria-label="New invite link">
      <CopyField label="Invite link" value={link} />
      <p className="small">
        Anyone with this link can join <strong>{workspaceName}</strong> as{' '}
        <strong>{roleAndFunction(invite.role, invite.function)}</strong>
        {invite.approver ? ', as an approver,' : ''} until {formatDateTime(invite.expiresAt)}. Share it with
        the people you mean to invite. <strong>Copy it now: it is not shown again.</strong>
      </p>
      <div className="row end">
        <button type="button" className="btn btn-sm" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
