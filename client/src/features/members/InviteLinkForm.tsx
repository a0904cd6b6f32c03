import { useId, useState, type FormEvent } from 'react';
import {
  createInviteBodySchema,
  FUNCTION_LABELS,
  FUNCTIONS,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  ROLES,
  roleMayApprove,
  type CreatedInviteDto,
  type IcpFunction,
  type Role,
} from '@bullseye/shared';
import { invitesApi } from '../../api/invitesApi.js';
import { asApiError } from '../../api/apiError.js';
import { FormError } from '../../ui/FormError.js';
import { validateForm } from '../../ui/formErrors.js';

const EXPIRIES = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
  { hours: 720, label: '30 days' },
] as const;

const LABELS = { role: 'Role', function: 'Function', approver: 'Approver', expiresInHours: 'Expiry' };

/** Chooses what a new invite link grants and for how long, and creates it. */
export function InviteLinkForm({
  workspaceId,
  onCreated,
}: {
  workspaceId: string;
  onCreated: (created: CreatedInviteDto) => void;
}) {
  const id = useId();
  const [role, setRole] = useState<Role>('editor');
  const [fn, setFn] = useState<IcpFunction | null>(null);
  const [approver, setApprover] = useState(false);
  const [hours, setHours] = useState<number>(72);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Viewers only read: an approver flag on them would do nothing, and the server refuses it.
  const mayApprove = roleMayApprove(role);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const values = { role, function: fn, approver: approver && mayApprove, expiresInHours: hours };
    const checked = validateForm(createInviteBodySchema, values, LABELS);
    if (!checked.ok) {
      setError(Object.values(checked.errors)[0] ?? null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await invitesApi.create(workspaceId, values));
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="invite-form" onSubmit={(e) => void submit(e)} aria-label="New invite link">
      <FormError message={error} />
      <div className="invite-grid">
        <div className="field">
          <label htmlFor={`${id}-role`} className="field-label">
            Role
          </label>
          <select
            id={`${id}-role`}
            className="input"
            value={role}
            aria-describedby={`${id}-role-hint`}
            onChange={(e) => {
              const next = e.target.value as Role;
              setRole(next);
              if (!roleMayApprove(next)) setApprover(false);
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-function`} className="field-label">
            Function
          </label>
          <select
            id={`${id}-function`}
            className="input"
            value={fn ?? ''}
            onChange={(e) => setFn((e.target.value || null) as IcpFunction | null)}
          >
            <option value="">No function</option>
            {FUNCTIONS.map((f) => (
              <option key={f} value={f}>
                {FUNCTION_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-expiry`} className="field-label">
            Link works for
          </label>
          <select
            id={`${id}-expiry`}
            className="input"
            value={hours}
            onChange={(e) => setHours(Number(e.target.value))}
          >
            {EXPIRIES.map((x) => (
              <option key={x.hours} value={x.hours}>
                {x.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${id}-role-hint`} className="field-hint">
        {ROLE_LABELS[role]}: {ROLE_DESCRIPTIONS[role]}.
      </p>
      <div className="row invite-actions">
        <span className="invite-approver">
          <label className={mayApprove ? 'check' : 'check check-disabled'}>
            <input
              type="checkbox"
              checked={approver && mayApprove}
              disabled={!mayApprove}
              aria-describedby={mayApprove ? undefined : `${id}-approver-hint`}
              onChange={(e) => setApprover(e.target.checked)}
            />
            Joins as an approver
          </label>
          {!mayApprove && (
            <span id={`${id}-approver-hint`} className="field-hint invite-approver-hint">
              Viewers cannot approve
            </span>
          )}
        </span>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create invite link'}
        </button>
      </div>
    </form>
  );
}
