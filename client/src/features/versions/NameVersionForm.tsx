import { useId, useState, type FormEvent } from 'react';
import { createVersionBodySchema, LIMITS } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { versionsApi } from '../../api/versionsApi.js';
import { useToast } from '../../ui/Toast.js';
import { useVersions } from './versionsContext.js';

/** "Name this version": keeps the live draft as a named version, e.g. "Q1 2027 workshop". */
export function NameVersionForm() {
  const { icp, add, draftSaved } = useVersions();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createVersionBodySchema.safeParse({ name, ...(note.trim() ? { note } : {}) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${issue?.path[0] === 'note' ? 'Note' : 'Name'} ${issue?.message ?? 'is not valid'}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const version = await versionsApi.create(icp.id, parsed.data);
      add(version);
      toast(`Saved version ${version.number} “${version.name ?? parsed.data.name}”.`);
      setOpen(false);
      setName('');
      setNote('');
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-sm name-version-open"
        data-testid="name-version"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">+</span> Name this version
      </button>
    );
  }

  return (
    <form className="name-version-form" onSubmit={(e) => void submit(e)} aria-label="Name this version">
      <label htmlFor={`${id}-name`} className="field-label">
        Version name
      </label>
      <input
        id={`${id}-name`}
        className="input"
        value={name}
        placeholder="e.g. Q1 2027 workshop"
        maxLength={LIMITS.maxVersionNameLength}
        autoFocus
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      <label htmlFor={`${id}-note`} className="field-label">
        Note <span className="muted">(optional)</span>
      </label>
      <textarea
        id={`${id}-note`}
        className="input textarea"
        rows={2}
        value={note}
        maxLength={LIMITS.maxVersionNoteLength}
        onChange={(e) => setNote(e.target.value)}
      />
      {!draftSaved && (
        <p className="muted small" role="status">
          Waiting for your last edits to reach the server, so the version includes them…
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row end">
        <button type="button" className="btn btn-sm" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn-sm btn-primary"
          disabled={busy || !name.trim() || !draftSaved}
        >
          Save version
        </button>
      </div>
    </form>
  );
}
