import { useNavigate } from 'react-router';
import type { MemberDto } from '@bullseye/shared';
import { useToast } from '../../ui/Toast.js';
import { useAuth } from '../identity/useAuth.js';
import { useMe } from '../identity/useMe.js';
import { AppHeader } from '../navigation/AppHeader.js';
import { useMembershipCheck } from '../workspaces/useMembershipCheck.js';
import { useWorkspace } from '../workspaces/useWorkspace.js';
import { InvitePanel } from './InvitePanel.js';
import { MemberRow } from './MemberRow.js';
import { RoleGuide } from './RoleGuide.js';
import { useMembers } from './useMembers.js';

/** `/w/:workspaceId/members`: who is in the workspace and what they may do; admins manage it. */
export function MembersPage() {
  const workspace = useWorkspace();
  const me = useMe();
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const members = useMembers(workspace.id);
  useMembershipCheck(members.error);
  const canManage = workspace.abilities.manageMembers;

  function changed(member: MemberDto) {
    members.replace(member);
    // A change to one's own membership changes what this screen allows.
    if (member.user.id === me.user.id) void refresh();
  }

  function removed(member: MemberDto) {
    members.forget(member.user.id);
    if (member.user.id === me.user.id) {
      toast(`You left ${workspace.name}.`);
      void refresh().then(() => navigate('/', { replace: true }));
    } else {
      toast(`Removed ${member.user.name} from ${workspace.name}.`);
    }
  }

  return (
    <div className="app-shell">
      <AppHeader workspace={workspace} />
      <main className="page page-wide">
        <div className="page-head">
          <div>
            <h1>Members</h1>
            <p className="muted">
              {canManage
                ? `Who can open ${workspace.name}’s ICPs, and what each person may do.`
                : `Who can open ${workspace.name}’s ICPs. Admins manage members and invite links.`}
            </p>
          </div>
        </div>
        <div className="members-layout">
          <div className="members-main">
            {canManage && <InvitePanel workspace={workspace} />}
            <section className="card" aria-labelledby="members-title">
              <h2 id="members-title" className="card-title">
                {members.members
                  ? `${members.members.length} ${members.members.length === 1 ? 'member' : 'members'}`
                  : 'Members'}
              </h2>
              {members.error && (
                <p className="field-error" role="alert">
                  {members.error.message}{' '}
                  <button type="button" className="btn-link" onClick={() => void members.reload()}>
                    Try again
                  </button>
                </p>
              )}
              {!members.members && !members.error && <p className="muted">Loading…</p>}
              {members.members && (
                <ul className="plain-list member-list" aria-label="Members">
                  {members.members.map((member) => (
                    <MemberRow
                      key={member.user.id}
                      member={member}
                      workspace={workspace}
                      isSelf={member.user.id === me.user.id}
                      onChanged={changed}
                      onRemoved={removed}
                    />
                  ))}
                </ul>
              )}
            </section>
          </div>
          <RoleGuide />
        </div>
      </main>
    </div>
  );
}
