import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { createWorkspaceBodySchema, LIMITS } from '@bullseye/shared';
import { workspacesApi } from '../../api/workspacesApi.js';
import { asApiError } from '../../api/apiError.js';
import { FormError } from '../../ui/FormError.js';
import { TextField } from '../../ui/TextField.js';
import { useToast } from '../../ui/Toast.js';
import { apiFormErrors, focusFirstInvalid, validateForm, type FormErrors } from '../../ui/formErrors.js';
import { useAuth } from '../identity/useAuth.js';

const LABELS = { name: 'Workspace name' };

/** Names a workspace, creates it with this person as its admin, and opens it. */
export function CreateWorkspaceForm({ onCancel }: { onCancel?: () => void }) {
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors<'name'>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(createWorkspaceBodySchema, { name }, LABELS);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      const workspace = await workspacesApi.create(checked.data.name);
      await refresh();
      toast(`Created ${workspace.name}. You are its admin.`);
      void navigate(`/w/${workspace.id}`);
    } catch (e) {
      setErrors(apiFormErrors(asApiError(e), LABELS));
      focusFirstInvalid(form.current);
      setBusy(false);
    }
  }

  return (
    <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormError message={errors.form} />
      <TextField
        label={LABELS.name}
        value={name}
        error={errors.name}
        limit={{ max: LIMITS.maxWorkspaceNameLength, action: 'create it' }}
        autoComplete="organization"
        hint="Usually your company or team, e.g. “Acme” or “Acme EMEA”."
        autoFocus
        onChange={(e) => {
          setName(e.target.value);
          setErrors({});
        }}
      />
      <div className="row end">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create workspace'}
        </button>
      </div>
    </form>
  );
}
