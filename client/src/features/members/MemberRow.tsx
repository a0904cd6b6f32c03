import { useState } from 'react';
import {
  colorForName,
  FUNCTION_LABELS,
  FUNCTIONS,
  ROLE_LABELS,
  ROLES,
  type IcpFunction,
  type MemberDto,
  type Role,
  type UpdateMemberBody,
  type WorkspaceDto,
} from '@bullseye/shared';
import { membersApi } from '../../api/membersApi.js';
import { asApiError } from '../../api/apiError.js';
import { Avatar } from '../../ui/Avatar.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { formatDate } from '../../ui/dateFormat.js';
import { memberErrorText } from './memberErrorText.js';

interface MemberRowProps {
  member: MemberDto;
  workspace: WorkspaceDto;
  isSelf: boolean;
  /** The server confirmed a change. */
  onChanged: (member: MemberDto) => void;
  onRemoved: (member: MemberDto) => void;
}

type Pending = { kind: 'demoteSelf'; patch: UpdateMemberBody } | { kind: 'remove' } | null;

/**
 * One member: who they are and what they may do. Admins change role, function and approver in place
 * (saved at once) and remove members; a change that would take away their own admin role, or remove
 * anyone, is confirmed first.
 */
export function MemberRow({ member, workspace, isSelf, onChanged, onRemoved }: MemberRowProps) {
  const { user } = member;
  const canManage = workspace.abilities.manageMembers;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const name = isSelf ? `${user.name} (you)` : user.name;

  async function update(patch: UpdateMemberBody) {
    setSaving(true);
    setError(null);
    try {
      onChanged(await membersApi.update(workspace.id, user.id, patch));
    } catch (e) {
      setError(memberErrorText(asApiError(e), isSelf ? 'You are' : `${user.name} is`));
    } finally {
      setSaving(false);
      setPending(null);
    }
  }

  async function remove() {
    setError(null);
    try {
      await membersApi.remove(workspace.id, user.id);
      setPending(null);
      onRemoved(member);
    } catch (e) {
      setPending(null);
      setError(memberErrorText(asApiError(e), isSelf ? 'You are' : `${user.name} is`));
    }
  }

  function changeRole(role: Role) {
    if (isSelf && member.role === 'admin' && role !== 'admin')
      setPending({ kind: 'demoteSelf', patch: { role } });
    else void update({ role });
  }

  return (
    <li className="member-row" data-testid="member-row" data-user-id={user.id}>
      <Avatar name={user.name} color={colorForName(user.id)} label={user.name} />
      <div className="member-who">
        <span className="member-name">
          {name}
          {member.approver && !canManage && <span className="badge badge-accent">Approver</span>}
        </span>
        <span className="muted small" title={`Joined ${formatDate(member.joinedAt)}`}>
          {user.email}
        </span>
      </div>
      {canManage ? (
        <div className="member-controls">
          <select
            className="input input-sm"
            aria-label={`Role of ${user.name}`}
            value={member.role}
            disabled={saving}
            onChange={(e) => changeRole(e.target.value as Role)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <select
            className="input input-sm"
            aria-label={`Function of ${user.name}`}
            value={member.function ?? ''}
            disabled={saving}
            onChange={(e) => void update({ function: (e.target.value || null) as IcpFunction | null })}
          >
            <option value="">No function</option>
            {FUNCTIONS.map((fn) => (
              <option key={fn} value={fn}>
                {FUNCTION_LABELS[fn]}
              </option>
            ))}
          </select>
          <label
            className="check"
            title={member.role === 'viewer' ? 'Viewers cannot approve; choose another role first' : undefined}
          >
            <input
              type="checkbox"
              checked={member.approver}
              disabled={saving || member.role === 'viewer'}
              aria-label={`${user.name} is an approver`}
              onChange={(e) => void update({ approver: e.target.checked })}
            />
            <span aria-hidden="true">Approver</span>
          </label>
          <button
            type="button"
            className="btn btn-sm btn-ghost btn-danger-ghost"
            disabled={saving}
            onClick={() => setPending({ kind: 'remove' })}
            aria-label={isSelf ? `Leave ${workspace.name}` : `Remove ${user.name}`}
          >
            {isSelf ? 'Leave' : 'Remove'}
          </button>
        </div>
      ) : (
        <div className="member-controls member-controls-readonly">
          <span className="badge">{ROLE_LABELS[member.role]}</span>
          <span className="muted small">
            {member.function ? FUNCTION_LABELS[member.function] : 'No function'}
          </span>
        </div>
      )}
      {error && (
        <p className="field-error member-error" role="alert">
          {error}
        </p>
      )}
      {pending?.kind === 'demoteSelf' && (
        <ConfirmDialog
          title="Stop being an admin?"
          confirmLabel={`Become ${ROLE_LABELS[pending.patch.role ?? 'editor']}`}
          onConfirm={() => update(pending.patch)}
          onCancel={() => setPending(null)}
          danger
        >
          <p>
            You will no longer be able to manage members and invite links in {workspace.name}. Another admin
            can make you an admin again.
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'remove' && (
        <ConfirmDialog
          title={isSelf ? `Leave ${workspace.name}?` : `Remove ${user.name}?`}
          confirmLabel={isSelf ? 'Leave workspace' : 'Remove'}
          onConfirm={remove}
          onCancel={() => setPending(null)}
          danger
        >
          <p>
            {isSelf
              ? `You will lose access to the ICPs of ${workspace.name} at once. An admin can invite you again.`
              : `${user.name} loses access to the ICPs of ${workspace.name} at once, including any they have open. You can invite them again later.`}
          </p>
        </ConfirmDialog>
      )}
    </li>
  );
}
