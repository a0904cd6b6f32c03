import { useState, type FormEvent } from 'react';
import { asApiError } from '../../api/apiError.js';
import { versionsApi } from '../../api/versionsApi.js';
import { useToast } from '../../ui/Toast.js';
import { useVersions } from './versionsContext.js';
import { parseVersionBody } from './versionBody.js';
import { VersionFields } from './VersionFields.js';

/** "Name this version": keeps the live draft as a named version, e.g. "Q1 2027 workshop". */
export function NameVersionForm() {
  const { icp, add, draftSaved } = useVersions();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseVersionBody(name, note);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const version = await versionsApi.create(icp.id, parsed.body);
      add(version);
      toast(`Saved version ${version.number} “${version.name ?? parsed.body.name}”.`);
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
      <VersionFields
        name={name}
        note={note}
        onNameChange={(value) => {
          setName(value);
          setError(null);
        }}
        onNoteChange={setNote}
        noteLabel="Note"
        namePlaceholder="e.g. Q1 2027 workshop"
        draftSaved={draftSaved}
        onEscape={() => setOpen(false)}
      />
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
