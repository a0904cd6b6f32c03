import { useState } from 'react';
import type { CreatedInviteDto, WorkspaceDto } from '@bullseye/shared';
import { ActiveInvites } from './ActiveInvites.js';
import { CreatedInviteLink } from './CreatedInviteLink.js';
import { InviteLinkForm } from './InviteLinkForm.js';
import { useInvites } from './useInvites.js';

/** Admins: create invite links, copy a new one once, and see and revoke the links that still work. */
export function InvitePanel({ workspace }: { workspace: WorkspaceDto }) {
  const invites = useInvites(workspace.id);
  const [created, setCreated] = useState<CreatedInviteDto | null>(null);

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title" className="card-title">
        Invite people
      </h2>
      <p className="muted small card-intro">
        Create a link and share it, e.g. in the workshop chat. People who open it choose a password and are in
        within a minute.
      </p>
      {created ? (
        <CreatedInviteLink created={created} workspaceName={workspace.name} onDone={() => setCreated(null)} />
      ) : (
        <InviteLinkForm
          workspaceId={workspace.id}
          onCreated={(next) => {
            setCreated(next);
            invites.add(next.invite);
          }}
        />
      )}
      <h3 className="subhead">Active links</h3>
      <ActiveInvites workspaceId={workspace.id} invites={invites} />
    </section>
  );
}
