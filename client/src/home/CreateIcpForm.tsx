import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { icpTitleSchema, LIMITS, type IcpKind } from '@bullseye/shared';
import { icpApi } from '../api/icpApi.js';
import { asApiError } from '../api/apiError.js';
import { IcpKindField } from '../features/icpKinds/IcpKindField.js';
import { LengthHint } from '../ui/LengthHint.js';

/** Names a new ICP (or negative ICP: who we never sell to) in the workspace and opens it. */
export function CreateIcpForm({ workspaceId, onCancel }: { workspaceId: string; onCancel: () => void }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<IcpKind>('icp');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = icpTitleSchema.safeParse(title);
    if (!checked.success) {
      setError(`Title ${checked.error.issues[0]?.message ?? 'is not valid'}.`);
      return;
    }
    setBusy(true);
    try {
      const icp = await icpApi.create(workspaceId, checked.data, kind);
      void navigate(`/icp/${icp.id}`);
    } catch (e) {
      setError(asApiError(e).message);
      setBusy(false);
    }
  }

  return (
    <form className="card create-form" onSubmit={(e) => void submit(e)} aria-label="New ICP">
      <label htmlFor="new-icp-title" className="field-label">
        Title
      </label>
      <div className="row">
        <input
          id="new-icp-title"
          className="input grow"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setError(null);
          }}
          placeholder={
            kind === 'negative'
              ? 'e.g. Never sell to: gambling and adult content'
              : 'e.g. Mid-market SaaS, EMEA, FY27'
          }
          dir="auto"
          autoFocus
          aria-invalid={error !== null}
          aria-describedby={error ? 'new-icp-error' : undefined}
        />
        <button type="submit" className="btn btn-primary" disabled={busy || title.trim() === ''}>
          Create
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <LengthHint text={title} max={LIMITS.maxTitleLength} action="create it" />
      {error && (
        <p id="new-icp-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <IcpKindField value={kind} onChange={setKind} />
      <p className="muted small">
        {kind === 'negative'
          ? 'Name it after what it excludes, then list the industries, places, sizes and technologies you never sell to.'
          : 'Write one ICP per segment you sell to, and name it after that segment.'}
      </p>
    </form>
  );
}
